/**
 * Validate equals load: a corpus of bad plan files, each refused by `plan load` into a database holding the
 * bundled registry, units, catalogue and plans, and by `plan validate` against the bundled files — with the same
 * messages at the same lines, every problem in one pass. On PGlite and on a real PostgreSQL server.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import type { PlanCheckContext } from '../src/domain/plan/parse';
import { prepare } from '../src/services/bootstrap';
import { loadPlanFile } from '../src/services/loadPlan';
import { bundledPlanContext } from '../src/services/planContext';
import { readPlanFile } from '../src/services/planFile';
import { DataFileError, formatFileIssue } from '../src/services/yamlFile';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir, root } from './support/paths';

const catalogueDir = path.join(root, 'catalogue');

/** A change of the fictional plan that makes it wrong, and what must be said about it (a part of each message). */
interface BadPlan {
  name: string;
  edit: (text: string) => string;
  says: string[];
}

const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`the fixture lost "${from}"`);
  return text.replace(from, to);
};

const CORPUS: BadPlan[] = [
  { name: 'an unknown unit', edit: replace('unit: 微克/立方米', 'unit: 微克每立方米'), says: ['15: indicators[0].unit: unknown unit "微克每立方米" (did you mean 微克/立方米? known units: 元, '] },
  { name: 'a misspelt unit', edit: replace('unit: 亿元\n    baseline: {value: 500', 'unit: 亿员\n    baseline: {value: 500'), says: ['33: indicators[2].unit: unknown unit "亿员" (did you mean 亿元, 亿吨 or 亿件? known units:'] },
  { name: 'a comparator written 左右', edit: replace('comparator: about, tolerance: 1', 'comparator: 左右, tolerance: 1'), says: ['26: indicators[1].target.comparator: unknown comparator "左右" (expected at_least | about | at_most); did you mean about?'] },
  { name: 'a comparator written 控制在…以内', edit: replace('comparator: at_most, wording', 'comparator: 控制在…以内, wording'), says: ['did you mean at_most?'] },
  {
    name: 'a missing comparator',
    edit: replace('comparator: about, tolerance: 1', 'tolerance: 1'),
    says: ['indicators[1].target.comparator: required field "comparator" is missing (expected at_least | about | at_most); the printed target "12%左右" says about'],
  },
  { name: 'an unknown top-level key', edit: (t) => `${t}colour: red\n`, says: ['65: colour: unknown key "colour"'] },
  { name: 'a misspelt key inside an indicator', edit: replace('    baseline: {value: 17, year: 2025}', '    baseline: {value: 17, year: 2025}\n    directon: decrease'), says: ['19: indicators[0].directon: unknown key "directon"; did you mean direction?'] },
  { name: 'an unknown region code', edit: replace('regions: ["440305"]', 'regions: ["440399"]'), says: ['63: projects[0].regions[0]: unknown region code "440399" (not in the region registry)'] },
  { name: 'a region name that is not quite right', edit: replace('regions: ["440305"]', 'regions: [南山]'), says: ['projects[0].regions[0]: unknown region "南山" (not in the region registry; did you mean 南山区?)'] },
  {
    name: 'a change of an existing indicator\'s unit (catalogue conflict, at its line)',
    edit: (t) => t.replaceAll('DEMO_GDP', 'GDP').replace('name: {zh: 地区生产总值, en: Gross domestic product}\n    unit: 亿元', 'name: {zh: 地区生产总值, en: Gross domestic product}\n    unit: 万元'),
    says: ['45: indicators[4].unit: indicator GDP already exists with unit "亿元"; a plan cannot change it to "万元"'],
  },
  {
    name: 'a declared unit that redefines a known one',
    edit: (t) => `${t}units:\n  - {symbol: 万吨, name: {zh: 万吨, en: x}, dimension: mass, factor: 1000}\n`,
    says: ['66: units[0].factor: unit 万吨 already exists with factor 10000 (dimension mass); it cannot change to 1000 (figures were converted with it)'],
  },
  { name: 'a duplicate indicator code', edit: replace('code: DEMO_EP_VA', 'code: DEMO_PM25'), says: ['indicators[2].code: duplicate indicator code "DEMO_PM25"'] },
  { name: 'a target year outside the plan period', edit: replace('{value: 15, year: 2030', '{value: 15, year: 2035'), says: ['indicators[0].target.year: target year 2035 lies outside the plan period 2026–2030'] },
  { name: 'a value that is not a number', edit: replace('{value: 15, year: 2030', '{value: "15微克", year: 2030'), says: ['indicators[0].target.value: expected a number, not "15微克"'] },
  { name: 'a missing required field', edit: replace('issuer: {zh: 示范市生态环境局, en: Demo City Ecology and Environment Bureau}\n', ''), says: ['3: issuer: required field "issuer" is missing (expected an object)'] },
  { name: 'broken YAML', edit: replace('period: {start: 2026, end: 2030}', 'period: {start: 2026, end: 2030'), says: ['YAML syntax'] },
  {
    name: 'several problems of different kinds at once',
    edit: (t) => replace('comparator: about, tolerance: 1', 'comparator: 左右, tolerance: 1')(replace('unit: 微克/立方米', 'unit: 微克每立方米')(replace('regions: ["440305"]', 'regions: ["440399"]')(t))),
    says: ['indicators[0].unit: unknown unit', 'indicators[1].target.comparator: unknown comparator "左右"', 'projects[0].regions[0]: unknown region code "440399"'],
  },
];

async function messages(p: Promise<unknown>): Promise<string[] | 'accepted'> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    if (e instanceof DataFileError) return e.issues.map((i) => formatFileIssue(i).replace(`${i.file}:`, '').replace(i.file, ''));
    throw e;
  }
}

describe.each(drivers)('validate equals load on $name', ({ open }) => {
  let database: Database;
  let bundled: PlanCheckContext;
  let dir: string;
  let original: string;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir });
    bundled = await bundledPlanContext({ regionsDir, plansDir, catalogueDir });
    dir = await mkdtemp(path.join(tmpdir(), 'pm-corpus-'));
    original = await readFile(fixture('plans/fictional-15th.yaml'), 'utf8');
  });
  afterAll(() => database.close());

  it.each(CORPUS)('refuses $name in validation and in loading with the same messages', async ({ name, edit, says }) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
    await writeFile(file, edit(original));
    const validated = await messages(readPlanFile(file, bundled));
    const loaded = await messages(loadPlanFile(database, file));
    if (validated === 'accepted') throw new Error(`${name}: accepted by validation`);
    expect(loaded).toEqual(validated);
    for (const part of says) expect(validated.some((m) => m.includes(part)), `${part}\nin:\n${String(validated)}`).toBe(true);
  });

  it('reports the problems of a file in the order of its lines, each at the line of its key', async () => {
    const file = path.join(dir, 'ordered.yaml');
    await writeFile(file, CORPUS.at(-1)?.edit(original) ?? '');
    const out = await messages(readPlanFile(file, bundled));
    if (out === 'accepted') throw new Error('accepted');
    const lines = out.map((m) => Number(m.split(':')[0]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(out.map((m) => m.split(':').slice(0, 2).join(':'))).toEqual(['15: indicators[0].unit', '26: indicators[1].target.comparator', '63: projects[0].regions[0]']);
  });

  it('accepts the good files in both, and the bundled plan too', async () => {
    for (const file of [fixture('plans/fictional-15th.yaml'), path.join(plansDir, 'shenzhen-services-14th-fyp.yaml')]) {
      expect(await messages(readPlanFile(file, bundled))).toBe('accepted');
      expect(await messages(loadPlanFile(database, file))).toBe('accepted');
    }
  });
});
