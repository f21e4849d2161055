/**
 * Loading plans into the database, on PGlite and on a real PostgreSQL server: the bundled plan with its counts,
 * a second (fictional) plan with no code change, idempotent reloads, atomic failures.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { listPlanIndicators, listPlanItems } from '../src/db/plans';
import { queryRows } from '../src/db/raw';
import { prepare } from '../src/services/bootstrap';
import { loadPlanFile } from '../src/services/loadPlan';
import { DataFileError } from '../src/services/yamlFile';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir } from './support/paths';

const PLAN = 'shenzhen-services-14th-fyp';

async function countRows(database: Database, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? Number.NaN;
}

describe.each(drivers)('plan loading on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir });
  });
  afterAll(() => database.close());

  it('loads the bundled plan with every item the text holds', async () => {
    const items = await listPlanItems(database.db, PLAN);
    const count = (kind: string) => items.filter((i) => i.kind === kind).length;
    expect({
      chapters: count('chapter'),
      sections: count('section'),
      groups: count('group'),
      measures: count('measure'),
      projects: count('project'),
      districtDirections: count('district_direction'),
      bases: count('base'),
      parks: count('park'),
    }).toEqual({ chapters: 7, sections: 21, groups: 3, measures: 58, projects: 73, districtDirections: 11, bases: 13, parks: 26 });
    expect(await countRows(database, 'regions')).toBe(15);
  });

  it('keeps NUMERIC figures exactly as printed (no float drift, no silent 0)', async () => {
    const inds = await listPlanIndicators(database.db, PLAN);
    const va = inds.find((i) => i.code === 'TERTIARY_VA');
    expect(va?.baseline).toMatchObject({ value: 17190.4, year: 2020 });
    expect(va?.target).toMatchObject({ value: 25000, year: 2025, comparator: 'at_least', tolerance: null });
    expect(inds.find((i) => i.code === 'GDP')?.baseline).toBeNull();
  });

  it('reloading the same file changes nothing', async () => {
    const before = await Promise.all(['plans', 'indicators', 'plan_indicators', 'plan_items'].map((t) => countRows(database, t)));
    const stamp = await queryRows(database.db, sql`select loaded_at from plans where id = ${PLAN}`);
    const again = await prepare(database, { regionsDir, plansDir });
    expect(again.plans.map((p) => p.status)).toEqual(['unchanged']);
    expect(await Promise.all(['plans', 'indicators', 'plan_indicators', 'plan_items'].map((t) => countRows(database, t)))).toEqual(before);
    expect(await queryRows(database.db, sql`select loaded_at from plans where id = ${PLAN}`)).toEqual(stamp);
  });

  it('loads a second, fictional plan (binding, at-most target) with no code change', async () => {
    const result = await loadPlanFile(database, fixture('plans/fictional-15th.yaml'));
    expect(result).toMatchObject({ planId: 'demo-eco-15th-fyp', status: 'loaded', indicators: 5 });
    const inds = await listPlanIndicators(database.db, 'demo-eco-15th-fyp');
    expect(inds[0]).toMatchObject({ code: 'DEMO_PM25', attribute: 'binding', direction: 'decrease', target: { value: 15, comparator: 'at_most' } });
    expect(inds[1]).toMatchObject({ share: { numerator: 'DEMO_GREEN_VA', denominator: 'DEMO_GDP' }, target: { comparator: 'about', tolerance: 1 } });
    const measures = await listPlanItems(database.db, 'demo-eco-15th-fyp', 'measure');
    expect(measures[0]?.leadDepartments).toEqual(['市生态环境局', '市交通运输局']);
  });

  it('applies an edited plan file as a whole, and rejects a redefinition atomically', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pm-plan-'));
    const file = path.join(dir, 'demo.yaml');
    const original = await readFile(fixture('plans/fictional-15th.yaml'), 'utf8');

    await writeFile(file, original.replace('示范区空气监测站网', '示范区空气监测站网（二期）'));
    expect((await loadPlanFile(database, file)).status).toBe('loaded');
    const projects = await listPlanItems(database.db, 'demo-eco-15th-fyp', 'project');
    expect(projects.map((p) => p.title.zh)).toEqual(['示范区空气监测站网（二期）']);

    // Changing a shared indicator's unit would change the meaning of figures stored under it: refused, nothing written.
    await writeFile(file, original.replace('unit: 微克/立方米', 'unit: 毫克/立方米').replace('示范区空气监测站网', '改名不应生效'));
    const error = await loadPlanFile(database, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain('indicators[0].unit: indicator DEMO_PM25 already exists with unit "微克/立方米"');
    const after = await listPlanItems(database.db, 'demo-eco-15th-fyp', 'project');
    expect(after.map((p) => p.title.zh)).toEqual(['示范区空气监测站网（二期）']);
  });

  it('reports a broken file with file, line and field, and writes nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pm-plan-'));
    const file = path.join(dir, 'broken.yaml');
    await copyFile(fixture('plans/fictional-15th.yaml'), file);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('id: demo-eco-15th-fyp', 'id: demo-broken').replace('comparator: at_most', 'comparator: below'));
    const error = await loadPlanFile(database, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    const lineNo = text.split('\n').findIndex((l) => l.includes('comparator: at_most')) + 1;
    expect((error as Error).message).toBe(`${file}:${lineNo}: indicators[0].target.comparator: unknown comparator "below" (expected at_least | about | at_most)`);
    expect(await countRows(database, "plans where id = 'demo-broken'")).toBe(0);
  });
});
