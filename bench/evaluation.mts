// Whole-plan evaluation benchmark (issues 3 and 13): the 9 indicators × 12 regions × 4 methods of the Shenzhen plan
// on the bundled data, on embedded PGlite — in progress (as of 2023) and with the final verdicts (as of 2026, on the
// hypothetical 2025 figures of the tests). Reference in the same run: the one query that reads the same figures (the
// floor any evaluation pays). Target: the whole evaluation under 50 ms. Usage: node --import tsx bench/evaluation.mts
import path from 'node:path';
import { openDatabase } from '../src/db/client';
import { listObservations } from '../src/db/observations';
import { listRegions } from '../src/db/regions';
import { parseAsOf } from '../src/domain/evaluation/asOf';
import { METHOD_IDS } from '../src/domain/evaluation/result';
import { prepare } from '../src/services/bootstrap';
import { evaluatePlanForRegions } from '../src/services/evaluation/evaluatePlan';
import { importObservations } from '../src/services/import/importObservations';
import { loadavg } from 'node:os';
import { SYSTEM } from '../src/services/access/audit';

const root = path.resolve(import.meta.dirname, '..');
const database = await openDatabase({ driver: 'pglite', dataDir: null });
await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
await importObservations(database, { file: path.join(root, 'test/fixtures/data/final-2025-hypothetical.csv'), audit: SYSTEM });
const regions = (await listRegions(database.db)).filter((r) => r.validTo === null).map((r) => r.code);

const runs = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| what | as of | time | ratio to reference |');
console.log('|---|---|---|---|');
let met = true;
for (const text of ['2023', '2026']) {
  const asOf = parseAsOf(text);
  if (!asOf.ok) throw new Error(asOf.error);
  const whole: number[] = [];
  const floor: number[] = [];
  let results = 0;
  let finals = 0;
  for (let i = 0; i < runs + 3; i++) {
    let t0 = performance.now();
    const all = await evaluatePlanForRegions(database, 'shenzhen-services-14th-fyp', { asOf: asOf.value, methods: [...METHOD_IDS], regionCodes: regions });
    for (const e of all) {
      results += e.indicators.reduce((n, x) => n + Object.keys(x.results).length, 0);
      finals += e.indicators.filter((x) => x.standing.verdict !== null).length;
    }
    const ms = performance.now() - t0;
    t0 = performance.now();
    await listObservations(database.db, { regionCodes: regions });
    const ref = performance.now() - t0;
    if (i >= 3) {
      whole.push(ms);
      floor.push(ref);
    }
  }
  const w = median(whole);
  const f = median(floor);
  met &&= w < 50;
  console.log(`| reading the figures of the ${regions.length} regions (one query) | ${text} | ${f.toFixed(1)} ms | 1.00 |`);
  console.log(`| whole evaluation (reads, preference rule, derived shares, 4 methods, standing${finals > 0 ? `, ${finals / (runs + 3)} final verdicts` : ''}; ${results / (runs + 3)} results) | ${text} | ${w.toFixed(1)} ms | ${(w / f).toFixed(2)} |`);
}
await database.close();
console.log(`target < 50 ms (both): ${met ? 'met' : 'NOT met'}`);
