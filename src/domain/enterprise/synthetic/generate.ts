/**
 * Synthetic enterprises for demos, tests and benchmarks — there is no public enterprise microdata. Deterministic:
 * the same options give the same enterprises and figures. Every enterprise is marked synthetic (合成数据) and its
 * name ends in （合成）, so nothing made here can pass for a real enterprise wherever it is shown.
 *
 * What makes them realistic enough to exercise the platform:
 * - valid USCCs (GB 32100 check character; the body a GB 11714 organisation code with its own check), registered in
 *   the enterprise's district;
 * - real GB/T 4754-2017 classes, drawn by a Shenzhen-like mix of divisions (wholesale, software, business services …);
 * - a skewed size distribution (log-normal revenue; a few enterprises hold a large share of an industry), with
 *   规模以上 and 企业规模 decided each year by the thresholds of the enterprise's industry (so enterprises enter and
 *   leave 规模以上, as in the bureau's yearly revision of its directory);
 * - monthly figures with seasonality and the 春节 effect, reported as 1–N月 cumulative values for flow items and as
 *   month-end levels for stocks;
 * - births (enterprises opening during the period, figures from their first full month) and deaths (closing, figures
 *   stop), and occasional renamings — each a dated registry version.
 */
import type { Industry } from '../../industry/classification';
import { organisationCodeCheckChar, withCheckChar } from '../uscc';
import { isAboveDesignatedSize, sizeClassOf, type SizeClass, type SizeThresholds } from '../size';
import { monthlyFactors } from './calendar';
import { seededRandom, type Random } from './random';

export interface SyntheticOptions {
  seed: number;
  enterprises: number;
  /** First and last month of figures, year*100+month. */
  from: number;
  to: number;
  /** Region codes with weights (a district's share of enterprises). */
  regions: ReadonlyArray<readonly [string, number]>;
  /** The classification (to draw real class codes) and the thresholds (规模以上, size class). */
  industries: readonly Industry[];
  thresholds: SizeThresholds;
  /** Items to report; default REVENUE, PAYROLL, RD_EXP, EMPLOYEES. */
  items?: readonly SyntheticItem[];
  /** Key lists to fill with the largest enterprises of matching industries. */
  keyLists?: ReadonlyArray<{ code: string; divisions: readonly string[]; size: number }>;
}

export type SyntheticItem = 'REVENUE' | 'PROFIT' | 'PAYROLL' | 'EMPLOYEES' | 'RD_EXP' | 'TAXES' | 'ASSETS';

/** One registry version of a synthetic enterprise (the 名录 row it is imported as). */
export interface SyntheticVersion {
  validFrom: string;
  name: string;
  regionCode: string;
  industryCode: string;
  aboveDesignatedSize: boolean;
  sizeClass: SizeClass | null;
  openedOn: string;
  closedOn: string | null;
  keyLists: string[];
}

export interface SyntheticEnterprise {
  uscc: string;
  versions: SyntheticVersion[];
  /** Annual revenue (万元) in the first year, growth per year, and the other ratios its figures follow. */
  profile: { revenue: number; growth: number; productivity: number; rdShare: number; margin: number; wage: number; assetRatio: number; noise: number };
  /** Months it reports, year*100+month, inclusive. */
  firstMonth: number;
  lastMonth: number;
}

export interface SyntheticFigure {
  uscc: string;
  /** Canonical period code: 1–N月 cumulative for flows (2023-01~05, 2023Q1, 2023H1, 2023), the month for stocks. */
  period: string;
  item: SyntheticItem;
  value: number;
}

/** Shares of enterprises by GB/T 4754 division: a service-heavy city with electronics manufacturing. */
const DIVISIONS: ReadonlyArray<readonly [string, number]> = [
  ['51', 14], ['52', 8], ['65', 12], ['64', 4], ['63', 1], ['72', 10], ['73', 3], ['74', 5], ['75', 4], ['54', 3], ['58', 4], ['59', 2],
  ['60', 1], ['70', 6], ['71', 1], ['78', 0.5], ['80', 1], ['81', 1], ['83', 1], ['84', 1], ['86', 0.5], ['87', 0.5], ['88', 1], ['89', 0.5],
  ['90', 0.5], ['61', 1], ['62', 3], ['39', 6], ['38', 2], ['34', 1], ['35', 1], ['48', 1],
];

/** R&D intensity (R&D / revenue) by division: research and software spend most. */
const RD_SHARE: Readonly<Record<string, number>> = { '73': 0.2, '65': 0.09, '64': 0.07, '75': 0.06, '74': 0.03, '39': 0.06, '38': 0.04, '35': 0.04, '34': 0.03, '63': 0.03 };

const WORDS = ['云帆', '鹏程', '前海', '南海', '星河', '海岸', '蓝湾', '数智', '启明', '华章', '宏图', '远航', '智谷', '东方', '新航', '卓越', '博创', '汇通', '景泰', '和信'];
const TRADE: Readonly<Record<string, string>> = {
  '51': '贸易', '52': '商贸', '65': '软件', '64': '网络科技', '63': '通信', '72': '企业管理咨询', '73': '研究院', '74': '工程技术', '75': '科技服务',
  '54': '运输', '58': '供应链', '59': '仓储', '60': '快递', '70': '置业', '71': '租赁', '62': '餐饮管理', '61': '酒店管理', '39': '电子', '38': '电气',
};

const monthIndex = (ym: number) => Math.floor(ym / 100) * 12 + (ym % 100) - 1;
const fromIndex = (i: number) => Math.floor(i / 12) * 100 + (i % 12) + 1;
const isoOf = (ym: number, day = 1) => `${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function uniqueUscc(rng: Random, regionCode: string, used: Set<string>): string {
  const region = /^\d{6}$/.test(regionCode) ? regionCode : regionCode.slice(0, 6);
  for (;;) {
    const body = String(rng.int(10_000_000, 99_999_999));
    const code = withCheckChar(`91${region}${body}${organisationCodeCheckChar(body)}`);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** The synthetic enterprises (registry and profile); their figures come from `syntheticFigures`. */
export function syntheticEnterprises(o: SyntheticOptions): SyntheticEnterprise[] {
  const rng = seededRandom(o.seed);
  const classesOf = new Map<string, Industry[]>();
  for (const ind of o.industries) {
    if (ind.level !== 'class') continue;
    const d = ind.code.slice(0, 2);
    classesOf.set(d, [...(classesOf.get(d) ?? []), ind]);
  }
  const divisions = DIVISIONS.filter(([d]) => classesOf.has(d));
  const used = new Set<string>();
  const start = monthIndex(o.from);
  const end = monthIndex(o.to);
  const years = Math.max(1, (end - start + 1) / 12);
  const out: SyntheticEnterprise[] = [];
  for (let i = 0; i < o.enterprises; i++) {
    const division = rng.pick(divisions);
    const classes = classesOf.get(division) ?? [];
    const industry = classes[rng.int(0, classes.length - 1)];
    if (!industry) throw new Error(`no class in division ${division}`);
    const region = rng.pick(o.regions);
    const uscc = uniqueUscc(rng, region, used);
    // Births: ~7 % a year open during the period; the rest opened before it.
    const born = rng.next() < 0.07 * years;
    const firstMonth = born ? fromIndex(start + rng.int(1, Math.max(1, end - start))) : o.from;
    const opened = born ? isoOf(firstMonth, rng.int(1, 28)) : isoOf(fromIndex(start - rng.int(12, 300)), rng.int(1, 28));
    // Deaths: ~4 % a year close during the period (never before their first month).
    const dies = rng.next() < 0.04 * years && monthIndex(firstMonth) < end - 1;
    const lastMonth = dies ? fromIndex(rng.int(monthIndex(firstMonth) + 1, end - 1)) : o.to;
    const revenue = Math.exp(Math.log(2200) + 1.35 * rng.normal());
    const profile = {
      revenue,
      growth: 0.05 + 0.14 * rng.normal(),
      productivity: Math.exp(Math.log(90) + 0.5 * rng.normal()),
      rdShare: (RD_SHARE[division] ?? 0.004) * Math.exp(0.6 * rng.normal()) * (rng.next() < (RD_SHARE[division] ? 0.9 : 0.35) ? 1 : 0),
      margin: 0.06 + 0.08 * rng.normal(),
      wage: Math.exp(Math.log(16) + 0.35 * rng.normal()),
      assetRatio: Math.exp(0.2 + 0.7 * rng.normal()),
      noise: 0.03 + 0.05 * rng.next(),
    };
    const name = `深圳市${WORDS[rng.int(0, WORDS.length - 1)]}${WORDS[rng.int(0, WORDS.length - 1)]}${TRADE[division] ?? '实业'}有限公司（合成）`;
    const base: SyntheticVersion = {
      validFrom: opened, name, regionCode: region, industryCode: industry.code, aboveDesignatedSize: false, sizeClass: null, openedOn: opened, closedOn: null, keyLists: [],
    };
    const versions: SyntheticVersion[] = [];
    // 规模以上 and size class are decided for each year from the year before (the bureau's yearly directory revision).
    const firstYear = Math.floor(o.from / 100);
    for (let y = Math.max(firstYear, Number(opened.slice(0, 4))); y <= Math.floor(o.to / 100); y++) {
      const annual = revenue * (1 + profile.growth) ** (y - firstYear - 1);
      const employees = Math.max(1, Math.round(annual / profile.productivity));
      const above = isAboveDesignatedSize(o.thresholds, industry.code, industry.sectionCode, annual) ?? false;
      const size = sizeClassOf(o.thresholds, industry.code, industry.sectionCode, { employees, revenue: annual, assets: annual * profile.assetRatio });
      const prior = versions[versions.length - 1];
      if (!prior) versions.push({ ...base, aboveDesignatedSize: above, sizeClass: size });
      else if (prior.aboveDesignatedSize !== above || prior.sizeClass !== size) versions.push({ ...prior, validFrom: isoOf(y * 100 + 1), aboveDesignatedSize: above, sizeClass: size });
    }
    // An occasional renaming (更名) during the period: the former name stays in the history.
    if (rng.next() < 0.03 * years && monthIndex(lastMonth) > monthIndex(firstMonth) + 2) {
      const when = fromIndex(rng.int(monthIndex(firstMonth) + 1, monthIndex(lastMonth) - 1));
      const at = versionAt(versions, isoOf(when, 15));
      versions.push({ ...at, validFrom: isoOf(when, 15), name: name.replace(/有限公司（合成）$/, '集团有限公司（合成）') });
    }
    if (dies) {
      const closed = isoOf(fromIndex(monthIndex(lastMonth) + 1), rng.int(1, 28));
      versions.push({ ...versionAt(versions, closed), validFrom: closed, closedOn: closed });
    }
    versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    out.push({ uscc, versions, profile, firstMonth, lastMonth });
  }
  for (const list of o.keyLists ?? []) {
    const members = out
      .filter((e) => list.divisions.some((d) => e.versions[0]?.industryCode.startsWith(d)))
      .sort((a, b) => b.profile.revenue - a.profile.revenue)
      .slice(0, list.size);
    for (const m of members) for (const v of m.versions) v.keyLists = [...v.keyLists, list.code];
  }
  return out;
}

function versionAt(versions: readonly SyntheticVersion[], iso: string): SyntheticVersion {
  let at = versions[0];
  for (const v of versions) if (v.validFrom <= iso) at = v;
  if (!at) throw new Error('an enterprise without versions');
  return at;
}

/** The canonical code of months 1..m of a year as a cumulative report names it. */
function cumulativeCode(year: number, m: number): string {
  if (m === 1) return `${year}-01`;
  if (m === 3) return `${year}Q1`;
  if (m === 6) return `${year}H1`;
  if (m === 12) return String(year);
  return `${year}-01~${String(m).padStart(2, '0')}`;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * The monthly reports of one enterprise, in month order: for each month it reports, the 1–N月 cumulative value of
 * each flow item and the month-end level of each stock item. Deterministic per enterprise (its own seed).
 */
export function* syntheticFigures(e: SyntheticEnterprise, items: readonly SyntheticItem[] = ['REVENUE', 'PAYROLL', 'RD_EXP', 'EMPLOYEES'], seed = 0): Generator<SyntheticFigure> {
  const rng = seededRandom(seed ^ hash(e.uscc));
  const firstYear = Math.floor(e.firstMonth / 100);
  const sums = new Map<SyntheticItem, number>();
  for (let i = monthIndex(e.firstMonth); i <= monthIndex(e.lastMonth); i++) {
    const ym = fromIndex(i);
    const year = Math.floor(ym / 100);
    const month = ym % 100;
    if (month === 1) sums.clear();
    const annual = e.profile.revenue * (1 + e.profile.growth) ** (year - firstYear);
    const revenue = Math.max(0, (annual / 12) * (monthlyFactors(year)[month - 1] ?? 1) * (1 + e.profile.noise * rng.normal()));
    const employees = Math.max(1, Math.round((annual / e.profile.productivity) * (1 + 0.02 * rng.normal())));
    const month_: Record<SyntheticItem, number> = {
      REVENUE: revenue,
      PROFIT: revenue * (e.profile.margin + 0.03 * rng.normal()),
      PAYROLL: (employees * e.profile.wage) / 12,
      RD_EXP: revenue * e.profile.rdShare,
      TAXES: revenue * 0.012,
      EMPLOYEES: employees,
      ASSETS: annual * e.profile.assetRatio,
    };
    for (const item of items) {
      if (item === 'EMPLOYEES' || item === 'ASSETS') {
        yield { uscc: e.uscc, period: `${year}-${String(month).padStart(2, '0')}`, item, value: item === 'EMPLOYEES' ? month_.EMPLOYEES : round(month_.ASSETS, 1) };
        continue;
      }
      const sum = (sums.get(item) ?? 0) + round(month_[item], 1);
      sums.set(item, round(sum, 1));
      yield { uscc: e.uscc, period: cumulativeCode(year, month), item, value: round(sum, 1) };
    }
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
