// Consistent synthetic figures for the data-quality benchmarks: for each region and year, monthly amounts of the
// three industries (GDP their sum), finance and ICT within the service industry, retail sales; every period of the
// year derived from the months (so cumulative amounts never decrease, quarters and halves add up); the service
// share and nominal growth rates computed from the levels; the city the sum of its districts. A small fraction of
// values is then spoiled on purpose, so the rules have violations to find. Deterministic (seeded).
import type { Database } from '../src/db/client';
import { copyInto, copyLine } from '../src/db/copy';
import { periodsOfYear } from '../src/domain/period/canonical';
import { formatPeriod } from '../src/domain/period/format';
import { monthRange } from '../src/domain/period/period';

export const DISTRICTS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311', '440300-DP'];
export const CITY = '440300';

export interface SyntheticFigure {
  indicator: string;
  region: string;
  period: string;
  periodType: string;
  start: number;
  end: number;
  value: number;
  unit: string;
  priceBasis: 'current' | null;
  sourceKind: string;
  published: string;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Yields figures year by year until `count` have been produced. `sources` copies of every figure (different source
 * kinds, same value) make the preference rule choose among them; `spoil` is the fraction of values spoiled.
 */
export function* syntheticFigures(count: number, opts: { firstYear?: number; sources?: number; spoil?: number; seed?: number } = {}): Generator<SyntheticFigure> {
  const random = rng(opts.seed ?? 20);
  const sources = ['bureau_bulletin', 'bureau', 'press', 'government', 'third_party'].slice(0, opts.sources ?? 3);
  const spoil = opts.spoil ?? 0.002;
  let made = 0;
  const last = new Map<string, number>(); // level a year before, per indicator, region and period
  for (let year = opts.firstYear ?? 1950; year <= 2099; year++) {
    const growth = 1 + 0.03 + 0.06 * random();
    const periods = periodsOfYear(year).map((p) => ({ code: formatPeriod(p), type: p.type, range: monthRange(p) }));
    const cityMonths = new Map<string, number[]>();
    const regionRows: Array<[string, Map<string, number[]>]> = [];
    for (const region of DISTRICTS) {
      const base = (year - 1940) * 10 * (1 + DISTRICTS.indexOf(region) / 5) * growth;
      const month = () => Array.from({ length: 12 }, () => round2((base / 12) * (0.9 + 0.2 * random())));
      const p = month().map((x) => round2(x * 0.01));
      const s = month().map((x) => round2(x * 0.4));
      const t = month().map((x) => round2(x * 0.6));
      const series = new Map<string, number[]>([
        ['PRIMARY_VA', p], ['SECONDARY_VA', s], ['TERTIARY_VA', t],
        ['GDP', p.map((x, i) => round2(x + (s[i] ?? 0) + (t[i] ?? 0)))],
        ['FIN_VA', t.map((x) => round2(x * 0.25))], ['ICT_VA', t.map((x) => round2(x * 0.15))], ['RETAIL', month().map((x) => round2(x * 0.3))],
      ]);
      regionRows.push([region, series]);
      for (const [k, v] of series) cityMonths.set(k, (cityMonths.get(k) ?? Array(12).fill(0)).map((x: number, i) => round2(x + (v[i] ?? 0))));
    }
    regionRows.push([CITY, cityMonths]);
    for (const [region, series] of regionRows) {
      for (const period of periods) {
        const sum = (k: string) => round2((series.get(k) ?? []).slice(period.range.start.month - 1, period.range.end.month).reduce((a, b) => a + b, 0));
        const values = new Map<string, number>();
        for (const k of series.keys()) values.set(k, sum(k));
        values.set('TERTIARY_SHARE', round2(((values.get('TERTIARY_VA') ?? 0) / (values.get('GDP') ?? 1)) * 100));
        for (const [k, g] of [['GDP', 'GDP_GROWTH'], ['RETAIL', 'RETAIL_GROWTH']] as const) {
          const prev = last.get(`${k}\u0001${region}\u0001${period.code.slice(4)}`);
          if (prev) values.set(g, Math.round(((values.get(k) ?? 0) / prev - 1) * 1000) / 10);
        }
        for (const k of series.keys()) last.set(`${k}\u0001${region}\u0001${period.code.slice(4)}`, values.get(k) ?? 0);
        const published = `${year + 1}-02-${String(1 + (period.range.end.month % 27)).padStart(2, '0')}`;
        for (const [indicator, v] of values) {
          const spoilt = random() < spoil ? round2(v * (1.5 + random())) : v;
          const rate = indicator.endsWith('_SHARE') || indicator.endsWith('_GROWTH');
          for (const sourceKind of sources) {
            if (made >= count) return;
            made++;
            yield {
              indicator, region, period: period.code, periodType: period.type,
              start: period.range.start.year * 100 + period.range.start.month, end: period.range.end.year * 100 + period.range.end.month,
              value: spoilt, unit: rate ? '%' : '亿元', priceBasis: 'current', sourceKind, published,
            };
          }
        }
      }
    }
  }
}

const COLUMNS = ['indicator_code', 'region_code', 'period_code', 'period_type', 'period_start', 'period_end', 'value', 'unit', 'value_std', 'price_basis', 'status', 'source_kind', 'source_publication', 'published_date', 'published_date_estimated', 'fingerprint', 'approval_state'];

/** Writes figures straight into `observations` as approved (COPY, 50,000 a batch); returns how many. */
export async function storeSynthetic(database: Database, figures: Iterable<SyntheticFigure>): Promise<number> {
  let lines: string[] = [];
  let n = 0;
  for (const f of figures) {
    n++;
    lines.push(copyLine([f.indicator, f.region, f.period, f.periodType, f.start, f.end, String(f.value), f.unit, String(f.value), f.priceBasis, 'final', f.sourceKind, 'bench', f.published, false, `bench-${n}`, 'approved']));
    if (lines.length === 50_000) {
      const text = lines.join('');
      // In a transaction: a server streams COPY over one connection.
      await database.db.transaction((tx) => copyInto(tx, database.driver, 'observations', COLUMNS, text));
      lines = [];
    }
  }
  const rest = lines.join('');
  await database.db.transaction((tx) => copyInto(tx, database.driver, 'observations', COLUMNS, rest));
  await database.db.execute('analyze observations');
  return n;
}
