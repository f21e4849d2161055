#!/usr/bin/env node
// Start-time benchmark: `plan-monitor serve` from process spawn until /api/plans answers with the plan, on a fresh
// data folder (cold: creates the embedded database, migrates, loads the plan) and again on the same folder (warm).
// Reference measured in the same run: a bare PGlite.create() on a fresh folder (initdb of the embedded PostgreSQL)
// and on an existing one, the floor any embedded start pays. Targets (issue 2): cold < 15 s, warm < 3 s.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.RUNS ?? 3);

async function timeServe(dataDir, port) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/plan-monitor.mjs'), 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - t0 > 60_000) throw new Error('server did not answer within 60 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/plans`);
        if (res.ok && (await res.json()).length > 0) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function timePglite(dir) {
  const t0 = performance.now();
  const db = await PGlite.create(dir);
  await db.query('select 1');
  const ms = performance.now() - t0;
  await db.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [], warm = [], refCold = [], refWarm = [];
for (let i = 0; i < runs; i++) {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-bench-'));
  cold.push(await timeServe(dir, 3950 + i));
  warm.push(await timeServe(dir, 3950 + i));
  await rm(dir, { recursive: true, force: true });
  const ref = await mkdtemp(path.join(tmpdir(), 'pm-bench-ref-'));
  refCold.push(await timePglite(ref));
  refWarm.push(await timePglite(ref));
  await rm(ref, { recursive: true, force: true });
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [
  ['cold start (fresh data folder)', median(cold), median(refCold), 15_000],
  ['warm start (same folder)', median(warm), median(refWarm), 3_000],
];
console.log(`plan-monitor start time, median of ${runs} runs (node ${process.version})`);
console.log('| start | plan-monitor | bare PGlite.create | ratio | target | met |');
console.log('|---|---|---|---|---|---|');
for (const [name, ms, ref, target] of rows) {
  console.log(`| ${name} | ${fmt(ms)} | ${fmt(ref)} | ${(ms / ref).toFixed(2)}× | < ${fmt(target)} | ${ms < target ? 'yes' : 'NO'} |`);
}
