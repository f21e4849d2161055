// Whole-plan evaluation benchmark (issue 3): the 9 indicators × 12 regions × 4 methods of the Shenzhen plan on the
// bundled data, on embedded PGlite. Reference in the same run: the one query that reads the same figures (the floor
// any evaluation pays). Target: the whole evaluation under 50 ms. Usage: node --import tsx bench/evaluation.mts
import path from 'node:path';
import { openDatabase } from '../src/db/client';
import { listObservations } from '../src/db/observations';
import { listRegions } from '../src/db/regions';
import { parseAsOf } from '../src/domain/evaluation/asOf';
import { METHOD_IDS } from '../src/domain/evaluation/result';
import { prepare } from '../src/services/bootstrap';
import { evaluatePlanForRegions } from '../src/services/evaluation/evaluatePlan';

const root = path.resolve(import.meta.dirname, '..');
const database = await openDatabase({ driver: 'pglite', dataDir: null });
await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
const regions = (await listRegions(database.db)).filter((r) => r.validTo === null).map((r) => r.code);
const asOf = parseAsOf('2023');
if (!asOf.ok) throw new Error(asOf.error);

const runs = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const whole: number[] = [];
const floor: number[] = [];
let results = 0;
for (let i = 0; i < runs + 3; i++) {
  let t0 = performance.now();
  const all = await evaluatePlanForRegions(database, 'shenzhen-services-14th-fyp', { asOf: asOf.value, methods: [...METHOD_IDS], regionCodes: regions });
  for (const e of all) results += e.indicators.reduce((n, x) => n + Object.keys(x.results).length, 0);
  const ms = performance.now() - t0;
  t0 = performance.now();
  await listObservations(database.db, { regionCodes: regions });
  const ref = performance.now() - t0;
  if (i >= 3) {
    whole.push(ms);
    floor.push(ref);
  }
}
await database.close();
const w = median(whole);
const f = median(floor);
console.log(`whole-plan evaluation: 9 indicators × ${regions.length} regions × ${METHOD_IDS.length} methods (${results / (runs + 3)} results), median of ${runs}`);
console.log('| what | time | ratio to reference |');
console.log('|---|---|---|');
console.log(`| reading the figures of the 12 regions (one query) | ${f.toFixed(1)} ms | 1.00 |`);
console.log(`| whole evaluation (reads, preference rule, derived shares, 4 methods) | ${w.toFixed(1)} ms | ${(w / f).toFixed(2)} |`);
console.log(`target < 50 ms: ${w < 50 ? 'met' : 'NOT met'}`);
