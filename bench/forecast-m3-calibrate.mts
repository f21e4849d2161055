// How the interval calibration of the automatic forecast (src/domain/forecast/calibration.ts) was chosen (issue 5).
//
// The model-based intervals of ETS, Theta and ARIMA — and so of their median — are too narrow out of sample: they
// ignore parameter and model uncertainty (on M3 R's own ets covers 72% / 85% of the held-back values with its 80% /
// 95% intervals). The automatic forecast widens the median's half-widths by a factor per frequency, horizon step
// and level. This script measures those factors on a CALIBRATION SET disjoint from the benchmark: the M3 series
// with an odd row index (bench/forecast-m3.mts scores only even-indexed series). For each series the raw
// combination is fitted on the training part; for each horizon step j the ratio
//   r = (actual − point) / (upper bound − point)   when the actual is above the point,
//   r = (point − actual) / (point − lower bound)   when below,
// is the factor that would just have covered that value. The factor for level L at step j is the L-quantile of r
// over the calibration series at steps j − 1, j, j + 1 (pooled for a steadier estimate), made non-decreasing in j
// so that intervals still widen with the horizon. Only the calibration series' own test parts are used; the benchmark's are never looked at.
//
// Usage: node --import tsx bench/forecast-m3-calibrate.mts [--every 1]   (prints the table to paste into
// src/domain/forecast/calibration.ts, and the raw and calibrated coverage on the calibration set itself)
//        node --import tsx bench/forecast-m3-calibrate.mts --check-screen   (on the same series: does the automatic
// ETS search with candidate screening pick the same model, with the same AICc, as the exhaustive search?)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { maseScale, scorePairs, summarise } from '../src/domain/forecast/accuracy';
import { calibrate } from '../src/domain/forecast/calibration';
import { combineMedian } from '../src/domain/forecast/combine';
import { autoEts, autoEtsForecast } from '../src/domain/forecast/etsAuto';
import { specName } from '../src/domain/forecast/etsModel';
import type { ModelForecast } from '../src/domain/forecast/model';
import { quantileSorted } from '../src/domain/forecast/random';
import { thetaForecast } from '../src/domain/forecast/theta';
import { arimaForecast } from '../src/services/forecast/arima';

const dataDir = process.env.M3_DIR ?? '/work/shared/data/m3';
const i = process.argv.indexOf('--every');
const every = i >= 0 ? Number(process.argv[i + 1]) : 1;
const FILES = [
  { label: 'yearly', file: 'M3Year.csv', m: 1 },
  { label: 'quarterly', file: 'M3Quart.csv', m: 4 },
  { label: 'monthly', file: 'M3Month.csv', m: 12 },
];

if (process.argv.includes('--check-screen')) {
  for (const { label, file, m } of FILES) {
    const rows = parse(readFileSync(path.join(dataDir, file), 'utf8'), { relax_column_count: true }) as string[][];
    let same = 0;
    let differ = 0;
    const cpu = { screened: 0, exhaustive: 0 };
    const timed = <T,>(key: keyof typeof cpu, f: () => T): T => {
      const c = process.cpuUsage();
      const v = f();
      const u = process.cpuUsage(c);
      cpu[key] += (u.user + u.system) / 1000;
      return v;
    };
    rows.slice(1).forEach((row, index) => {
      if (index % 2 !== 1 || ((index - 1) / 2) % every !== 0) return;
      const n = Number(row[1]);
      const train = row.slice(6, 6 + n - Number(row[2])).map(Number);
      const scale = train.reduce((a, v) => a + Math.abs(v), 0) / train.length;
      const y = train.map((v) => v / scale); // as autoEtsForecast fits it
      const a = timed('screened', () => autoEts(y, m));
      const b = timed('exhaustive', () => autoEts(y, m, { screen: false }));
      if (a && b && specName(a.spec) === specName(b.spec) && a.aicc === b.aicc) same++;
      else {
        differ++;
        console.log(`  ${label} row ${index + 2}: screened ${a ? `${specName(a.spec)} ${a.aicc}` : 'none'}, exhaustive ${b ? `${specName(b.spec)} ${b.aicc}` : 'none'}`);
      }
    });
    console.log(`${label}: same model and AICc on ${same} series, different on ${differ}; CPU ${cpu.screened.toFixed(0)} ms screened, ${cpu.exhaustive.toFixed(0)} ms exhaustive`);
  }
  process.exit(0);
}

const tables: Record<string, { lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[] }> = {};
for (const { label, file, m } of FILES) {
  const rows = parse(readFileSync(path.join(dataDir, file), 'utf8'), { relax_column_count: true }) as string[][];
  // Odd row indices only: the calibration set, disjoint from the benchmark's even-indexed series.
  const series = rows
    .slice(1)
    .map((row, index) => ({ row, index }))
    .filter(({ index }) => index % 2 === 1)
    .filter((_, k) => k % every === 0)
    .map(({ row }) => {
      const n = Number(row[1]);
      const nf = Number(row[2]);
      const values = row.slice(6, 6 + n).map(Number);
      return { train: values.slice(0, n - nf), test: values.slice(n - nf), h: nf };
    });
  const h = Math.max(...series.map((s) => s.h));
  const ratios = { r80: Array.from({ length: h }, () => [] as number[]), r95: Array.from({ length: h }, () => [] as number[]) };
  const raw: ModelForecast[] = [];
  const t0 = process.cpuUsage();
  for (const s of series) {
    const f = combineMedian([autoEtsForecast(s.train, s.h, m), thetaForecast(s.train, s.h, m), arimaForecast(s.train, s.h, m)]);
    if (!f.ok) continue;
    raw.push(f);
    s.test.forEach((y, j) => {
      const p = f.point[j] ?? Number.NaN;
      const ratio = (lo: number, hi: number) => (y >= p ? (y - p) / Math.max(hi - p, 1e-12 * Math.abs(p)) : (p - y) / Math.max(p - lo, 1e-12 * Math.abs(p)));
      ratios.r80[j]?.push(ratio(f.lo80[j] ?? Number.NaN, f.hi80[j] ?? Number.NaN));
      ratios.r95[j]?.push(ratio(f.lo95[j] ?? Number.NaN, f.hi95[j] ?? Number.NaN));
    });
  }
  const cpu = process.cpuUsage(t0);
  // Steps j − 1, j, j + 1 pooled: three times the data per quantile, a smoother path over the horizon.
  const factors = (rs: number[][], level: number) => {
    let floor = 0;
    return rs.map((_, j) => {
      const pooled = rs.slice(Math.max(0, j - 1), j + 2).flat().sort((a, b) => a - b);
      return (floor = Math.max(floor, quantileSorted(pooled, level)));
    });
  };
  const f80 = factors(ratios.r80, 0.8);
  const f95 = factors(ratios.r95, 0.95);
  tables[label] = { lo80: f80, hi80: f80, lo95: f95, hi95: f95 };
  const score = (fs: ModelForecast[]) => {
    let in80 = 0;
    let in95 = 0;
    let count = 0;
    const smape: number[] = [];
    let k = 0;
    for (const s of series) {
      const f = fs[k++];
      if (!f) continue;
      const a = summarise(scorePairs(f, s.test, maseScale(s.train, m)));
      in80 += a.coverage80 * a.count;
      in95 += a.coverage95 * a.count;
      count += a.count;
      smape.push(a.smape);
    }
    return `80% ${((100 * in80) / count).toFixed(1)}%, 95% ${((100 * in95) / count).toFixed(1)}%, sMAPE ${(smape.reduce((a, b) => a + b, 0) / smape.length).toFixed(2)}`;
  };
  console.log(`${label}: ${series.length} calibration series, ${((cpu.user + cpu.system) / 1000 / series.length).toFixed(1)} ms CPU each`);
  console.log(`  raw:        ${score(raw)}`);
  console.log(`  calibrated: ${score(raw.map((f) => calibrate(f, m, { [label]: { f80, f95 } })))}  (in-sample for the calibration set)`);
  console.log(`  factors 80%: ${f80.map((v) => v.toFixed(3)).join(', ')}`);
  console.log(`  factors 95%: ${f95.map((v) => v.toFixed(3)).join(', ')}`);
}
console.log('\nfor src/domain/forecast/calibration.ts:');
for (const [label, t] of Object.entries(tables)) console.log(`  ${label}: { f80: [${t.lo80.map((v) => v.toFixed(3)).join(', ')}], f95: [${t.lo95.map((v) => v.toFixed(3)).join(', ')}] },`);
