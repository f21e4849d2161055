// Reads during an import on the embedded database (issue 12, point 8): the server (in this process, on PGlite with
// the bundled data) answers evaluation reads from READERS loops while a ROWS-row CSV (default 100,000) is uploaded
// and imported through POST /api/observations/import. Reference in the same run: the same reads for the same time
// with no import. Rows are read and checked before the import's write transaction, so reads wait at most for that
// transaction. Prints p50/p99/max of both and the import's time. Target: p99 during the import < 500 ms.
// Usage: node --import tsx bench/import-read-latency.mts [rows]
import { loadavg } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';

const ROWS = Number(process.argv[2] ?? 100_000);
const READERS = Number(process.env.READERS ?? 4);
const root = path.resolve(import.meta.dirname, '..');
const database = await openDatabase({ driver: 'pglite', dataDir: null });
await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
const { createUser } = await import('../src/services/access/users');
await createUser(database, { username: 'bench-admin', password: 'Bench-Password-2025!', role: 'admin' });
const app = await buildApp(database, { upload: { maxBytes: 200 << 20, maxRows: 1_000_000 } });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-admin', password: 'Bench-Password-2025!' }) });
const auth = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };

const lines = ['指标代码,地区,期间,数值,单位,来源,发布日期'];
const regions = ['440300', '440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];
for (let i = 0; i < ROWS; i++) {
  const month = (i % 12) + 1;
  const year = 1950 + (Math.floor(i / 120) % 70);
  lines.push(`RETAIL,${regions[i % 10]},${year}-${String(month).padStart(2, '0')},${i + 1},亿元,bench source ${Math.floor(i / 8400)},2024-01-01`);
}
const csv = Buffer.from(`${lines.join('\n')}\n`);

const url = `${base}/api/plans/shenzhen-services-14th-fyp/evaluation?asOf=2023`;
async function readFor(done: () => boolean): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!done()) {
        const t0 = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`evaluation answered ${res.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? Number.NaN;

await readFor(((n) => () => n-- <= 0)(20)); // warm-up
const load0 = loadavg()[0] ?? 0;
let importing = true;
const t0 = performance.now();
const form = new FormData();
form.append('file', new Blob([csv]), 'bench.csv');
const imported = fetch(`${base}/api/observations/import`, { method: 'POST', headers: auth, body: form }).then(async (r) => {
  const body = (await r.json()) as { committed: boolean; counts: unknown };
  importing = false;
  return { status: r.status, body, ms: performance.now() - t0 };
});
const during = await readFor(() => !importing);
const result = await imported;
const refUntil = performance.now() + result.ms;
const quiet = await readFor(() => performance.now() > refUntil);
await app.close();
await database.close();

console.log(`evaluation reads (${READERS} loops) during a ${ROWS.toLocaleString('en')}-row import on PGlite, in-process server; load average ${load0.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)} (2 cores)`);
console.log(`import: HTTP ${result.status}, committed ${result.body.committed}, ${(result.ms / 1000).toFixed(1)} s, ${JSON.stringify(result.body.counts)}`);
console.log('| reads | count | p50 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|');
console.log(`| no import (reference, same duration) | ${quiet.length} | ${pct(quiet, 50).toFixed(0)} | ${pct(quiet, 99).toFixed(0)} | ${(quiet.at(-1) ?? 0).toFixed(0)} |`);
console.log(`| during the import | ${during.length} | ${pct(during, 50).toFixed(0)} | ${pct(during, 99).toFixed(0)} | ${(during.at(-1) ?? 0).toFixed(0)} |`);
console.log(`target p99 < 500 ms during the import: ${pct(during, 99) < 500 ? 'met' : 'NOT met'}`);
