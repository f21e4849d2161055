#!/usr/bin/env node
// Web app load benchmark (issue 6). Cold load of the cockpit in headless Debian Chromium — a fresh browser context,
// so nothing cached — from navigation start until the first chart has drawn its data (data-chart-ready="true"),
// against `plan-monitor serve` on the embedded database; and the initial JavaScript of the page (entry script and
// its module preloads, gzip). Reference measured in the same run: a cold load of /api/health in the same browser
// (one small request to the same server: the floor of any page). Targets: < 1.5 s; initial JS < 500 KB gzip.
// BASELINE=/path/to/another/checkout (with its web app built) also loads that checkout's cockpit, from its own
// server on its own fresh database, interleaved with ours: a before/after comparison in one run, under the same load.
// A second plan (issue 14: "cockpit load for a second plan stays under 1.5 s"): the Guangzhou logistics test plan,
// its city's registry, boundaries and figures are loaded as data through the running server (the CLI beside it),
// published, and its cockpit (/plans/demo-gz-logistics-15th) is loaded cold in the same run, interleaved.
import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureWeb, webDir } from '../scripts/build-web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.RUNS ?? 7);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

await ensureWeb();

// Initial JS: what index.html loads before any lazy import.
const html = readFileSync(path.join(webDir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
const gz = (file) => gzipSync(readFileSync(path.join(webDir, file.replace(/^\//, '')))).length;
const initialGzip = initial.reduce((n, f) => n + gz(f), 0);
const echartsChunks = (prefix) => readdirSync(path.join(webDir, 'assets')).filter((f) => f.startsWith(prefix) && f.endsWith('.js'));
const echartsGzip = echartsChunks('echarts-').reduce((n, f) => n + gz(`assets/${f}`), 0);
const echartsFullGzip = echartsChunks('echartsFull-').reduce((n, f) => n + gz(`assets/${f}`), 0);

async function startServer(checkout) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-webbench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(checkout, 'bin/plan-monitor.mjs'), 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (performance.now() - t0 > 180_000) throw new Error(`server of ${checkout} did not answer within 180 s`);
    try {
      const res = await fetch(`${base}/api/plans`);
      if (res.ok && (await res.json()).length > 0) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const SECOND_PLAN = 'demo-gz-logistics-15th';
const fixture = (p) => path.join(root, 'test', 'fixtures', p);

/** Loads the second plan as data through the running server (the plan-monitor command goes through its admin channel). */
async function loadSecondPlan(server) {
  const cli = (...args) => promisify(execFile)(process.execPath, [path.join(root, 'bin/plan-monitor.mjs'), ...args], { env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' } });
  await cli('regions', 'load', fixture('regions/guangdong-guangzhou-440100.yaml'), fixture('regions/guangzhou-districts-440100.schematic.geojson'));
  // Published, so that the anonymous browser reads it like the bundled plan.
  const planFile = path.join(server.dataDir, 'second-plan.yaml');
  await writeFile(planFile, (await readFile(fixture('plans/guangzhou-logistics-15th.yaml'), 'utf8')).replace(/^region: (.*)$/m, 'region: $1\npublished: true'));
  await cli('plan', 'load', planFile);
  await cli('import', fixture('data/guangzhou-logistics-2026-2027.csv'), '--within', '广州市');
}

const servers = [];
try {
  const ours = await startServer(root);
  servers.push(ours);
  await loadSecondPlan(ours);
  const baseline = process.env.BASELINE ? await startServer(path.resolve(process.env.BASELINE)) : null;
  if (baseline) servers.push(baseline);
  const base = ours.base;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
  const cold = async (url, until) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url);
    await until(page);
    const ms = performance.now() - start;
    await context.close();
    return ms;
  };
  const cockpit = (page) => page.waitForSelector('[data-testid="cockpit-chart"][data-chart-ready="true"]', { timeout: 60_000 });
  const health = (page) => page.waitForLoadState('load');
  // One load of each first, not counted: the server's first evaluation and the browser's own start-up.
  // With two plans loaded, / lists them: each cockpit is opened at its own address.
  const first = `${base}/plans/shenzhen-services-14th-fyp`;
  const second = `${base}/plans/${SECOND_PLAN}`;
  await cold(first, cockpit);
  await cold(second, cockpit);
  await cold(`${base}/api/health`, health);
  if (baseline) await cold(`${baseline.base}/`, cockpit);
  const loads = [];
  const secondLoads = [];
  const refs = [];
  const before = [];
  for (let i = 0; i < runs; i++) {
    loads.push(await cold(first, cockpit));
    secondLoads.push(await cold(second, cockpit));
    refs.push(await cold(`${base}/api/health`, health));
    if (baseline) before.push(await cold(`${baseline.base}/`, cockpit));
  }
  await browser.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = median(loads);
  const ref = median(refs);
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  console.log(`web app load, median of ${runs} cold loads (node ${process.version}, Chromium headless, 1366×768)`);
  console.log('| what | value | reference | ratio | target | met |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| cockpit of the bundled plan (/plans/shenzhen-services-14th-fyp): navigation → first chart drawn with data | ${ms.toFixed(0)} ms | ${ref.toFixed(0)} ms (/api/health) | ${(ms / ref).toFixed(1)}× | < 1500 ms | ${ms < 1500 ? 'yes' : 'NO'} |`);
  const ms2 = median(secondLoads);
  console.log(`| second plan (/plans/${SECOND_PLAN}): navigation → first chart drawn with data | ${ms2.toFixed(0)} ms | ${ref.toFixed(0)} ms (/api/health) | ${(ms2 / ref).toFixed(1)}× | < 1500 ms | ${ms2 < 1500 ? 'yes' : 'NO'} |`);
  console.log(`| initial JavaScript (${initial.length} files, gzip) | ${kb(initialGzip)} | — | — | < 500 KB | ${initialGzip < 500 * 1024 ? 'yes' : 'NO'} |`);
  console.log(`| ECharts chunk of the cockpit, loaded lazily (gzip) | ${kb(echartsGzip)} | — | — | not in the first load | yes |`);
  console.log(`| all JavaScript of the cockpit (entry + its ECharts chunk, preloaded on / only) | ${kb(initialGzip + echartsGzip)} | — | — | — | — |`);
  console.log(`| the rest of ECharts (map, marks, SVG), other pages only (gzip) | ${kb(echartsFullGzip)} | — | — | — | — |`);
  if (baseline) {
    const b = median(before);
    console.log(`| baseline ${process.env.BASELINE}: cockpit → first chart, same run | ${b.toFixed(0)} ms | ${ref.toFixed(0)} ms (/api/health) | ${(b / ref).toFixed(1)}× | — | ours ${(ms / b).toFixed(2)}× of it |`);
  }
} finally {
  for (const s of servers) await s.stop();
}
