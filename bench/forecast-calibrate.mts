// Interval calibration of the automatic forecast (issue 17): fitted on one collection, reported on another.
//
// The automatic forecast widens its raw intervals by a factor per table (frequency, or short-annual rule), horizon
// step and level (src/domain/forecast/calibration.ts). For every forecast the ratio that would just have covered
// the held-back value at step j is r = |actual − point| / (half-width on that side); a table's factor for level L at
// step j is the L-quantile of r over the FITTING series at steps j − 1, j, j + 1, made non-decreasing in j. Coverage
// is then counted on REPORTING series that the factors never saw:
//   halves   fit on /work/shared/data/m3, report on m3-rest (the factors the platform ships), and the reverse;
//   domains  for each M3 domain (MICRO, MACRO, INDUSTRY, FINANCE, DEMOGRAPHIC): fit on every other domain of both
//            halves, report on that domain.
// Series: every M3 series of both halves, fitted on its training part and scored on its test part (yearly 6,
// quarterly 8, monthly 18 steps); and for the short annual rules, windows of 4–12 values followed by 6 scored ones,
// cut without overlap (per length) from every yearly series (bench/m3-data.mts).
//
// Usage: node --import tsx bench/forecast-calibrate.mts [--every-monthly 1]   (prints markdown tables and, last, the
// tables for src/domain/forecast/calibration.ts fitted on m3/). ~2 min CPU with every monthly series.
//        node --import tsx bench/forecast-calibrate.mts --check-screen   (is the screened ETS search's choice the
// exhaustive one's, same model and AICc, on every m3/ training series?)
import { loadavg } from 'node:os';
import { CALIBRATION_KEYS, calibrationKeyOf, type CalibrationKey } from '../src/domain/forecast/calibration';
import { rawAutoForecast } from '../src/domain/forecast/auto';
import { autoEts } from '../src/domain/forecast/etsAuto';
import { specName } from '../src/domain/forecast/etsModel';
import { maseScale } from '../src/domain/forecast/accuracy';
import type { CalibrationScale } from '../src/domain/forecast/calibration';
import { quantileSorted } from '../src/domain/forecast/random';
import { arimaForecast } from '../src/services/forecast/arima';
import { readM3, shortWindows, type Half, type M3Frequency } from './m3-data.mts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const HALVES: Half[] = ['m3', 'm3-rest'];
const FREQUENCIES: Array<{ frequency: M3Frequency; every: number }> = [
  { frequency: 'yearly', every: 1 },
  { frequency: 'quarterly', every: 1 },
  { frequency: 'monthly', every: arg('every-monthly', 1) },
];

if (process.argv.includes('--check-screen')) {
  for (const { frequency } of FREQUENCIES) {
    let same = 0;
    let differ = 0;
    for (const s of readM3('m3', frequency)) {
      const scale = s.train.reduce((a, v) => a + Math.abs(v), 0) / s.train.length;
      const y = s.train.map((v) => v / scale); // as autoEtsForecast fits it
      const a = autoEts(y, s.m);
      const b = autoEts(y, s.m, { screen: false });
      if (a && b && specName(a.spec) === specName(b.spec) && a.aicc === b.aicc) same++;
      else differ++;
    }
    console.log(`${frequency}: same model and AICc on ${same} series, different on ${differ}`);
  }
  process.exit(0);
}

console.log(`load average (1, 5, 15 min): ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
interface Record {
  key: CalibrationKey;
  half: Half;
  category: string;
  /** Per step: the ratio on the 80% and the 95% half-width of the side the actual fell on. */
  r80: number[];
  r95: number[];
  /** Per step: |actual − point|; and the series' mean absolute change (the MASE scale of its training part). */
  e: number[];
  mac: number;
}
const records: Record[] = [];
const raw = rawAutoForecast(arimaForecast);
const ratio = (y: number, p: number, lo: number, hi: number) =>
  y >= p ? (y - p) / Math.max(hi - p, 1e-12 * Math.abs(p)) : (p - y) / Math.max(p - lo, 1e-12 * Math.abs(p));
const collect = (half: Half, category: string, train: number[], test: number[], m: number) => {
  const f = raw(train, test.length, m);
  if (!f.ok) return;
  const r80 = test.map((y, j) => ratio(y, f.point[j] ?? Number.NaN, f.lo80[j] ?? Number.NaN, f.hi80[j] ?? Number.NaN));
  const r95 = test.map((y, j) => ratio(y, f.point[j] ?? Number.NaN, f.lo95[j] ?? Number.NaN, f.hi95[j] ?? Number.NaN));
  const e = test.map((y, j) => Math.abs(y - (f.point[j] ?? Number.NaN)));
  records.push({ key: calibrationKeyOf(f, m), half, category, r80, r95, e, mac: maseScale(train, m) });
};
const cpu0 = process.cpuUsage();
for (const half of HALVES) {
  for (const { frequency, every } of FREQUENCIES) {
    const all = readM3(half, frequency);
    all.filter((_, i) => i % every === 0).forEach((s) => collect(half, s.category, s.train, s.test, s.m));
    if (frequency === 'yearly') {
      for (let fit = 4; fit <= 12; fit++) for (const w of shortWindows(all, { fit, h: 6 })) collect(half, w.category, w.train, w.test, 1);
    }
  }
}
const cpu = process.cpuUsage(cpu0);
console.log(`${records.length} forecasts (${(cpu.user + cpu.system) / 1e6} s CPU); by table: ${CALIBRATION_KEYS.map((k) => `${k} ${records.filter((r) => r.key === k).length}`).join(', ')}\n`);

type Table = { f80: number[]; f95: number[]; scale80: CalibrationScale };
/**
 * The 80% ratio of a pair under a scale: on the model's half-width, or on the series' mean absolute change times
 * √step (a random walk's spread, so that the ratios of neighbouring steps, pooled, are alike) — where
 * that is 0 (a flat series) calibrate() keeps the raw 80% interval, so the pair counts as covered (0) when its raw
 * ratio is at most 1 and as not covered (+∞) otherwise, whatever the factor.
 */
const ratio80 = (r: Record, j: number, scale: CalibrationScale): number => {
  const raw = r.r80[j] ?? Number.NaN;
  if (scale === 'model') return raw;
  if (r.mac > 0) return (r.e[j] ?? Number.NaN) / (r.mac * Math.sqrt(j + 1));
  return raw <= 1 ? 0 : Number.POSITIVE_INFINITY;
};
function fit(rs: readonly Record[], scale80: CalibrationScale = choice.get(rs[0]?.key ?? 'yearly') ?? 'model'): Table | null {
  if (rs.length === 0) return null;
  const h = Math.max(...rs.map((r) => r.r80.length));
  const byStep = (key: 'r80' | 'r95') => Array.from({ length: h }, (_, j) => rs.flatMap((r) => (j < r[key].length ? [key === 'r80' ? ratio80(r, j, scale80) : (r[key][j] ?? Number.NaN)] : [])));
  const factors = (steps: number[][], level: number) => {
    let floor = 0;
    return steps.map((_, j) => (floor = Math.max(floor, quantileSorted(steps.slice(Math.max(0, j - 1), j + 2).flat().sort((a, b) => a - b), level))));
  };
  return { f80: factors(byStep('r80'), 0.8), f95: factors(byStep('r95'), 0.95), scale80 };
}
/** Coverage per step (and overall) of the raw intervals and of the intervals calibrated by `t`. */
function cover(rs: readonly Record[], t: Table | null) {
  const h = Math.max(0, ...rs.map((r) => r.r80.length));
  const at = (a: readonly number[], j: number) => a[Math.min(j, a.length - 1)] ?? 1;
  const steps = Array.from({ length: h }, () => ({ n: 0, raw80: 0, raw95: 0, cal80: 0, cal95: 0 }));
  for (const r of rs) {
    r.r80.forEach((x80, j) => {
      const x95 = r.r95[j] ?? Number.NaN;
      const s = steps[j];
      if (!s) return;
      s.n++;
      if (x80 <= 1) s.raw80++;
      if (x95 <= 1) s.raw95++;
      const c80 = t ? at(t.f80, j) : 1;
      const c95 = t ? at(t.f95, j) : 1;
      const in80 = t ? ratio80(r, j, t.scale80) <= c80 : x80 <= 1;
      if (in80) s.cal80++;
      // calibrate() keeps the 95% interval at least as wide as the 80% one on each side.
      if (x95 <= c95 || in80) s.cal95++;
    });
  }
  const total = steps.reduce((a, s) => ({ n: a.n + s.n, raw80: a.raw80 + s.raw80, raw95: a.raw95 + s.raw95, cal80: a.cal80 + s.cal80, cal95: a.cal95 + s.cal95 }), { n: 0, raw80: 0, raw95: 0, cal80: 0, cal95: 0 });
  return { steps, total };
}
const pct = (a: number, n: number) => (n === 0 ? '—' : `${((100 * a) / n).toFixed(1)}`);
const mark = (a: number, n: number, nominal: number) => {
  const v = (100 * a) / n;
  return n === 0 ? '—' : Math.abs(v - nominal) <= 3 ? `${v.toFixed(1)}` : `**${v.toFixed(1)}**`;
};

function report(title: string, fitSet: (r: Record) => boolean, reportSet: (r: Record) => boolean, perStep: boolean): Partial<globalThis.Record<CalibrationKey, Table>> {
  console.log(`### ${title}\n`);
  const tables: Partial<globalThis.Record<CalibrationKey, Table>> = {};
  const header = perStep ? ' | per step j = 1, 2, …: 80% / 95% calibrated' : '';
  console.log(`| table | fitted on (forecasts) | reported on (forecasts, pairs) | raw 80% / 95% | calibrated 80% / 95%${header} |`);
  console.log(`|---|---|---|---|---|${perStep ? '---|' : ''}`);
  for (const key of CALIBRATION_KEYS) {
    const f = records.filter((r) => r.key === key && fitSet(r));
    const rep = records.filter((r) => r.key === key && reportSet(r));
    const t = fit(f);
    if (t) tables[key] = t;
    const c = cover(rep, t);
    const steps = perStep ? ` | ${c.steps.map((s) => `${mark(s.cal80, s.n, 80)} / ${mark(s.cal95, s.n, 95)}`).join(' · ')}` : '';
    console.log(`| ${key} | ${f.length} | ${rep.length}, ${c.total.n} | ${pct(c.total.raw80, c.total.n)} / ${pct(c.total.raw95, c.total.n)} | ${mark(c.total.cal80, c.total.n, 80)} / ${mark(c.total.cal95, c.total.n, 95)}${steps} |`);
  }
  console.log('\n(bold: more than 3 points from nominal)\n');
  return tables;
}

// What the 80% factors multiply, per table: chosen on m3/ ALONE by cross-validation inside it — fitted on one part
// of m3/ and counted on the rest, for the odd- and even-numbered series both ways and for each named domain left out
// of m3/ — the scale whose 80% coverage misses 80% least on average. m3-rest/ plays no part in the choice.
const INNER_DOMAINS = ['MICRO', 'MACRO', 'INDUSTRY', 'FINANCE', 'DEMOGRAPHIC'];
const choice = new Map<CalibrationKey, CalibrationScale>();
console.log('### What the 80% factors multiply: cross-validation inside m3/ (mean |coverage − 80| over 2 + 5 splits)\n');
console.log('| table | model half-width | mean absolute change | chosen |');
console.log('|---|---|---|---|');
for (const key of CALIBRATION_KEYS) {
  const m3 = records.filter((r) => r.key === key && r.half === 'm3');
  const splits: Array<[Record[], Record[]]> = [
    [m3.filter((_, i) => i % 2 === 1), m3.filter((_, i) => i % 2 === 0)],
    [m3.filter((_, i) => i % 2 === 0), m3.filter((_, i) => i % 2 === 1)],
    ...INNER_DOMAINS.map((d): [Record[], Record[]] => [m3.filter((r) => r.category !== d), m3.filter((r) => r.category === d)]),
  ];
  const miss = (scale: CalibrationScale) => {
    const ds = splits.filter(([a, b]) => a.length > 0 && b.length > 0).map(([a, b]) => {
      const c = cover(b, fit(a, scale)).total;
      return Math.abs((100 * c.cal80) / c.n - 80);
    });
    return ds.reduce((x, y) => x + y, 0) / ds.length;
  };
  const [mm, mc] = [miss('model'), miss('meanAbsoluteChange')];
  choice.set(key, mc < mm ? 'meanAbsoluteChange' : 'model');
  console.log(`| ${key} | ${mm.toFixed(2)} | ${mc.toFixed(2)} | ${choice.get(key)} |`);
}
console.log('');

const shipped = report('fitted on m3/, reported on m3-rest/ (the factors the platform ships)', (r) => r.half === 'm3', (r) => r.half === 'm3-rest', true);
report('fitted on m3-rest/, reported on m3/ (the reverse)', (r) => r.half === 'm3-rest', (r) => r.half === 'm3', true);
for (const domain of ['MICRO', 'MACRO', 'INDUSTRY', 'FINANCE', 'DEMOGRAPHIC']) {
  report(`fitted on every domain but ${domain} (both halves), reported on ${domain}`, (r) => r.category !== domain, (r) => r.category === domain, false);
}
console.log('for src/domain/forecast/calibration.ts (fitted on m3/):');
const fmt = (a: number[]) => `[${a.map((v) => Number(v.toFixed(3))).join(', ')}]`;
for (const [key, t] of Object.entries(shipped)) console.log(`  ${key}: { f80: ${fmt(t.f80)}, f95: ${fmt(t.f95)}${t.scale80 === 'model' ? '' : `, scale80: '${t.scale80}'`} },`);
