// Data-quality benchmark (issue 20): the rule engine alone (checkFigures, src/domain/quality/engine.ts) over the
// same synthetic figures bench/quality-check.mts stores (1,000,000 by default), held in memory — no database
// read, so what the engine itself costs can be compared before and after a change of it. The rules, indicators,
// regions and units are those `prepare` loads (an in-memory PGlite, used only for that). Prints wall and CPU time
// per round, the outcome counts and a digest of the violations' keys: a change of the engine must leave those equal.
// Usage: node --import tsx bench/quality-engine.mts [figures] [rounds]
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/client';
import { parsePeriod } from '../src/domain/period/parse';
import type { Period } from '../src/domain/period/period';
import { checkFigures } from '../src/domain/quality/engine';
import { enteredText, FIRST_HAND, type QualityFigure } from '../src/domain/quality/figure';
import { prepare } from '../src/services/bootstrap';
import { checkEnvironment } from '../src/services/quality/check';
import { nodeCpuMs } from './cpu.mts';
import { syntheticFigures } from './quality-figures.mts';

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const root = path.resolve(import.meta.dirname, '..');

const database = await openDatabase({ driver: 'pglite', dataDir: null });
await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue') });
const env = await checkEnvironment(database.db, database.driver);
await database.close();

// As leanFigures reads what storeSynthetic wrote: ids in order, approved, final, first hand, one entry time.
const periods = new Map<string, Period>();
const entered = enteredText(Date.UTC(2026, 11, 4));
const figures: QualityFigure[] = [];
let id = 0;
for (const f of syntheticFigures(N)) {
  let period = periods.get(f.period);
  if (!period) {
    const p = parsePeriod(f.period);
    if (!p.ok) throw new Error(`unreadable period ${f.period}`);
    periods.set(f.period, (period = p.value));
  }
  figures.push({
    id: ++id, indicatorCode: f.indicator, regionCode: f.region, periodCode: f.period, period, valueStd: f.value, priceBasis: f.priceBasis,
    status: 'final', sourceKind: f.sourceKind as QualityFigure['sourceKind'], precision: 'exact', source: FIRST_HAND, publishedDate: f.published,
    enteredAt: entered, corrects: null, supersededBy: null, state: 'approved',
  });
}

console.log(`engine alone over ${figures.length.toLocaleString('en-US')} figures in memory, ${env.rules.length} rules (node ${process.version})`);
console.log('| round | wall time | CPU time (node) | passed | failed | distinct violations | digest of violation keys | load average |');
console.log('|---|---|---|---|---|---|---|---|');
for (let round = 1; round <= ROUNDS; round++) {
  const c0 = nodeCpuMs();
  const t0 = performance.now();
  const { results, counts } = checkFigures({ rules: env.rules, pool: figures, subjects: figures, indicators: env.indicators, regions: env.regions, units: env.units, keep: 'failures' });
  const wall = performance.now() - t0;
  const cpu = nodeCpuMs() - c0;
  let pass = 0;
  let fail = 0;
  for (const c of counts.values()) {
    pass += c.pass;
    fail += c.fail;
  }
  const digest = createHash('sha256').update(results.map((r) => r.key).sort().join('\n')).digest('hex').slice(0, 12);
  console.log(`| ${round} | ${(wall / 1000).toFixed(2)} s | ${(cpu / 1000).toFixed(2)} s | ${pass.toLocaleString('en-US')} | ${fail.toLocaleString('en-US')} | ${results.length.toLocaleString('en-US')} | ${digest} | ${loadavg()[0]?.toFixed(1)} |`);
}
