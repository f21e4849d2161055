// Short annual series (issue 17): a plan indicator is a few annual values and a target two or three years on. From
// every M3 yearly series (both halves), windows of 7 values followed by 2 scored ones, cut back from the end without
// overlap (bench/m3-data.mts): 1,751 windows. Our automatic forecast against the random walk with drift, Theta, the
// automatic forecast of main before this issue, and R's ets, rwf(drift = TRUE) and thetaf, measured in the same run.
//
// Fitting vs reporting: the short-series rule (src/domain/forecast/shortAnnual.ts) was chosen on windows of m3/ only,
// and its interval calibration fitted on windows of m3/ only (bench/forecast-calibrate.mts); m3-rest/ is the unseen
// set, reported first. The m3/ and both-halves tables are shown too, and say so.
// "steadily rising": the window's 6 changes all positive. "above": share of outcomes above the point forecast.
//
// Usage: node --import tsx bench/forecast-short.mts [--fit 7] [--h 2]   (~1 min: R ~40 s, ours ~3 s)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { maseScale, scorePairs, summarise } from '../src/domain/forecast/accuracy';
import { defaultForecast } from '../src/domain/forecast/auto';
import { calibrate } from '../src/domain/forecast/calibration';
import { combineMedian } from '../src/domain/forecast/combine';
import { autoEtsForecast } from '../src/domain/forecast/etsAuto';
import type { ModelForecast, ModelResult } from '../src/domain/forecast/model';
import { randomWalkDriftForecast } from '../src/domain/forecast/randomWalkDrift';
import { thetaForecast } from '../src/domain/forecast/theta';
import { arimaForecast } from '../src/services/forecast/arima';
import { readM3, shortWindows, steadilyRising, type ShortWindow } from './m3-data.mts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const FIT = arg('fit', 7);
const H = arg('h', 2);
const root = path.resolve(import.meta.dirname, '..');
const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');
const windows = (['m3', 'm3-rest'] as const).flatMap((half) => shortWindows(readM3(half, 'yearly'), { fit: FIT, h: H }));
console.log(`load average (1, 5, 15 min): ${load()}`);
console.log(`${windows.length} windows of ${FIT} + ${H} values (m3/ ${windows.filter((w) => w.half === 'm3').length}, m3-rest/ ${windows.filter((w) => w.half === 'm3-rest').length})`);

// ── R, in the same run ────────────────────────────────────────────────────────────────────────────────
const R_METHODS = ['ets', 'rwf_drift', 'thetaf'] as const;
const key = (w: ShortWindow) => `${w.id}#${w.window}`;
const dir = mkdtempSync(path.join(tmpdir(), 'pm-short-'));
writeFileSync(path.join(dir, 'in.json'), JSON.stringify({ methods: R_METHODS, series: windows.map((w) => ({ id: key(w), m: 1, h: H, train: w.train })) }));
let t0 = performance.now();
execFileSync('Rscript', [path.join(root, 'bench/forecast-m3-r.R'), path.join(dir, 'in.json'), path.join(dir, 'out.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`R: ${((performance.now() - t0) / 1000).toFixed(1)} s wall; load average now ${load()}`);
type RBands = { point: number[]; lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[]; seconds: number; cpu: number };
const r = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as { r: string; forecast: string; series: Array<{ id: string } & { [K in (typeof R_METHODS)[number]]: RBands }> };
rmSync(dir, { recursive: true, force: true });
console.log(`${r.r}, forecast ${r.forecast}`);
const rById = new Map(r.series.map((x) => [x.id, x]));
const toForecast = (b: RBands | undefined): ModelForecast | null =>
  b && Array.isArray(b.point) && b.point.length > 0 ? { ok: true, model: 'R', point: b.point, lo80: b.lo80, hi80: b.hi80, lo95: b.lo95, hi95: b.hi95 } : null;

// ── ours ──────────────────────────────────────────────────────────────────────────────────────────────
// The automatic forecast of main at 19364a8 (before this issue): the median of ETS, Theta and ARIMA (the random walk
// with drift on annual data), widened by the yearly factors it shipped (fitted on odd-indexed m3/ series).
const MAIN_YEARLY = { f80: [1.072, 1.22, 1.304, 1.328, 1.34, 1.344], f95: [1.468, 1.619, 1.722, 1.965, 2.13, 2.194] };
const mainBefore = (y: readonly number[], h: number): ModelResult => {
  const f = combineMedian([autoEtsForecast(y, h, 1), thetaForecast(y, h, 1), randomWalkDriftForecast(y, h)]);
  return f.ok ? calibrate(f, 'yearly', y, 1, { yearly: MAIN_YEARLY }) : f;
};
const auto = defaultForecast(arimaForecast);
for (const w of windows.slice(0, 50)) auto(w.train, H, 1); // warm-up: the engine's compiler, outside the timings
const time = <T,>(f: () => T): [T, number] => {
  const c = process.cpuUsage();
  const v = f();
  const u = process.cpuUsage(c);
  return [v, (u.user + u.system) / 1000];
};
type Row = { mase: number[]; smape: number[]; in80: number; in95: number; above: number; pairs: number; cpu: number[]; rules: Map<string, number> };
const rows = new Map<string, Map<string, Row>>();
const SETS = (w: ShortWindow) => {
  const rising = steadilyRising(w.train, FIT - 1);
  const h = w.half === 'm3-rest' ? 'm3-rest/ (unseen)' : 'm3/ (rule and calibration fitted here)';
  return [h, `${h}, steadily rising`, 'both halves', 'both halves, steadily rising'].filter((s) => rising || !s.endsWith('rising'));
};
const add = (w: ShortWindow, method: string, f: ModelResult | null, cpu: number) => {
  for (const set of SETS(w)) {
    const bySet = rows.get(set) ?? new Map<string, Row>();
    rows.set(set, bySet);
    const row: Row = bySet.get(method) ?? { mase: [], smape: [], in80: 0, in95: 0, above: 0, pairs: 0, cpu: [], rules: new Map() };
    bySet.set(method, row);
    row.cpu.push(cpu);
    if (!f || !f.ok) continue;
    const a = summarise(scorePairs(f, w.test, maseScale(w.train, 1)));
    row.mase.push(a.mase);
    row.smape.push(a.smape);
    row.in80 += a.coverage80 * a.count;
    row.in95 += a.coverage95 * a.count;
    row.pairs += a.count;
    row.above += w.test.filter((v, j) => v > (f.point[j] ?? Number.NaN)).length;
    if (f.method) row.rules.set(f.method.rule, (row.rules.get(f.method.rule) ?? 0) + 1);
  }
};
t0 = performance.now();
for (const w of windows) {
  const [a, tA] = time(() => auto(w.train, H, 1));
  const [before, tB] = time(() => mainBefore(w.train, H));
  const [drift, tD] = time(() => randomWalkDriftForecast(w.train, H));
  const [theta, tT] = time(() => thetaForecast(w.train, H, 1));
  add(w, 'ours: automatic (this issue)', a, tA);
  add(w, 'ours: automatic of main before (median, yearly calibration)', before, tB);
  add(w, 'ours: random walk with drift', drift, tD);
  add(w, 'ours: Theta', theta, tT);
  const rs = rById.get(key(w));
  add(w, 'R ets', toForecast(rs?.ets), (rs?.ets.cpu ?? Number.NaN) * 1000);
  add(w, 'R rwf(drift = TRUE)', toForecast(rs?.rwf_drift), (rs?.rwf_drift.cpu ?? Number.NaN) * 1000);
  add(w, 'R thetaf', toForecast(rs?.thetaf), (rs?.thetaf.cpu ?? Number.NaN) * 1000);
}
console.log(`ours: ${((performance.now() - t0) / 1000).toFixed(1)} s wall; load average now ${load()}\n`);

const mean = (a: readonly number[]) => a.reduce((x, y) => x + y, 0) / a.length;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ORDER = ['m3-rest/ (unseen)', 'm3-rest/ (unseen), steadily rising', 'm3/ (rule and calibration fitted here)', 'm3/ (rule and calibration fitted here), steadily rising', 'both halves', 'both halves, steadily rising'];
for (const [set, bySet] of [...rows].sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]))) {
  const ref = bySet.get('R ets');
  const drift = bySet.get('ours: random walk with drift');
  if (!ref || !drift) continue;
  console.log(`### ${set}: ${ref.cpu.length} windows\n`);
  console.log('| method | MASE | sMAPE | MASE ÷ drift | 80% coverage | 95% coverage | above the forecast | CPU ms / window | R ets CPU ÷ ours |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [method, row] of bySet) {
    console.log(
      `| ${method} | ${mean(row.mase).toFixed(3)} | ${mean(row.smape).toFixed(2)} | ${(mean(row.mase) / mean(drift.mase)).toFixed(3)} | ${pct(row.in80 / row.pairs)} | ${pct(row.in95 / row.pairs)} | ${pct(row.above / row.pairs)} | ${mean(row.cpu).toFixed(2)} | ${(mean(ref.cpu) / mean(row.cpu)).toFixed(1)}× |`,
    );
  }
  const rules = bySet.get('ours: automatic (this issue)')?.rules;
  if (rules) console.log(`\nrules of the automatic forecast: ${[...rules].map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
}
