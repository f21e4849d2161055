/**
 * The reference-data commands as an operator runs them (child processes, output piped, so JSON): `plan validate`
 * says what `plan load` says, against the bundled files or the database; `regions load` extends the registry and
 * the maps; `import --within` reads district names within a city.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture, root } from './support/paths';
import { serve } from './support/processes';

const run = promisify(execFile);
const bin = path.join(root, 'bin/plan-monitor.mjs');

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('plan-monitor regions, units and plan validate', () => {
  it('validates a plan with the messages the load gives, every problem at once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pm-cli-data-'));
    const file = path.join(dir, 'bad.yaml');
    const text = await readFile(fixture('plans/fictional-15th.yaml'), 'utf8');
    await writeFile(file, text.replace('comparator: about, tolerance: 1', 'comparator: 左右, tolerance: 1').replace('unit: 微克/立方米', 'unit: 微克/立方'));
    const validated = await cli(['plan', 'validate', file]);
    const loaded = await cli(['plan', 'load', file], { DATA_DIR: path.join(dir, 'data') });
    expect([validated.code, loaded.code]).toEqual([1, 1]);
    expect(loaded.stderr).toBe(validated.stderr);
    expect(validated.stderr.trim().split('\n').map((l) => l.replace(file, 'FILE').replace(/known units: .*\)$/, 'known units: …)'))).toEqual([
      'FILE:15: indicators[0].unit: unknown unit "微克/立方" (did you mean 微克/立方米? known units: …)',
      'FILE:26: indicators[1].target.comparator: unknown comparator "左右" (expected at_least | about | at_most); did you mean about?',
    ]);
  });

  it('loads a second city\'s registry and map, validates its plan against the database, imports within the city', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-cli-data-'));
    const env = { DATA_DIR: dataDir };
    const plan = fixture('plans/guangzhou-logistics-15th.yaml');
    const none = await cli(['plan', 'validate', '--database', plan], env);
    expect(none.stderr).toContain(`no embedded database at ${path.join(dataDir, 'pglite')}`);
    const regions = await cli(['regions', 'load', fixture('regions/guangdong-guangzhou-440100.yaml'), fixture('regions/guizhou-guiyang-520100.yaml'), fixture('regions/guangzhou-districts-440100.schematic.geojson')], env);
    expect(regions.stderr).toBe('');
    expect(JSON.parse(regions.stdout)).toMatchObject([
      { source: 'guangdong-guangzhou-440100.yaml', added: ['440000', '440100', '440104', '440106', '440111', '440115', '440106001'], updated: ['440300'] },
      { source: 'guizhou-guiyang-520100.yaml', added: ['520000', '520100', '520102', '520113'] },
      { region: '440100', regions: ['440104', '440106', '440111', '440115'] },
    ]);
    // The bundled files know no 广州市; this database does.
    expect((await cli(['plan', 'validate', plan], env)).stderr).toContain('region: unknown region "广州市" (not in the region registry)');
    const valid = await cli(['plan', 'validate', '--database', plan], env);
    expect(JSON.parse(valid.stdout)).toMatchObject({ planId: 'demo-gz-logistics-15th', valid: true, checkedAgainst: `the embedded database at ${path.join(dataDir, 'pglite')}`, counts: { indicators: 5, measures: 2 } });
    expect(JSON.parse((await cli(['plan', 'load', plan], env)).stdout)).toMatchObject({ status: 'loaded' });
    const imported = await cli(['import', fixture('data/guangzhou-logistics-2026-2027.csv'), '--within', '广州市'], env);
    expect(JSON.parse(imported.stdout)).toMatchObject({ committed: true, counts: { new: 7, rejected: 0 } });
  });

  it('loads and lists reference data beside a running server, through its admin channel', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-cli-beside-'));
    const env = { DATA_DIR: dataDir };
    const server = await serve({ ...env, LOG_LEVEL: 'warn' });
    try {
      const loaded = await cli(['regions', 'load', fixture('regions/guangdong-guangzhou-440100.yaml'), fixture('regions/guangzhou-districts-440100.schematic.geojson')], env);
      expect(loaded.stderr).toBe('');
      expect(JSON.parse(loaded.stdout)).toMatchObject([{ added: expect.arrayContaining(['440100', '440106']) }, { region: '440100' }]);
      // The server's own registry has them at once: no restart, no second opener.
      const regions = (await (await fetch(`${server.url}/api/regions?limit=1000`)).json()) as Array<{ code: string }>;
      expect(regions.map((r) => r.code)).toContain('440106');
      const listed = await cli(['regions', 'list'], env);
      expect((JSON.parse(listed.stdout) as Array<{ code: string }>).map((r) => r.code)).toEqual(expect.arrayContaining(['440300', '440106']));
      const unitFile = path.join(dataDir, 'units.yaml');
      await writeFile(unitFile, 'units:\n  - {symbol: 万架次, name: {zh: 万架次, en: "10,000 aircraft movements"}, en: "10,000 aircraft movements", dimension: aircraft_movements, factor: 10000}\n');
      const unitsLoaded = await cli(['units', 'load', unitFile], env);
      expect(unitsLoaded.stderr).toBe('');
      const units = await cli(['units', 'list'], env);
      expect((JSON.parse(units.stdout) as Array<{ symbol: string }>).map((u) => u.symbol)).toEqual(expect.arrayContaining(['亿元', '万架次']));
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});
