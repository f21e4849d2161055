/**
 * Reads a period from the ways bureaus, plans and spreadsheets write it: canonical codes (2020Q3, 2020-01~09),
 * Chinese wording (2020年第三季度, 2020年1-9月, 前三季度, 十四五) and a few variants of each. Every form is one
 * pattern below; whatever the form, the months it covers go through `periodFromMonths`, so each range of months
 * comes out as its one canonical period (2020年1-6月 is the first half).
 */
import { err, ok, type Result } from '../result';
import { checkYear, periodFromMonths } from './canonical';
import { FIVE_YEAR_PLANS, fiveYearPlanPeriod } from './fiveYearPlan';
import { normalisePeriodText } from './normalise';
import type { Period } from './period';

export interface ParsePeriodOptions {
  /** The year for forms written without one (上半年, 一季度, 前三季度, 8月, 1-9月), e.g. the report's year. */
  defaultYear?: number;
}

const FORMS =
  'use a year (2020, 2020年), a half (2020H1, 2020年上半年), a quarter (2020Q3, 2020年第三季度), a month (2020-08, 2020年8月), ' +
  'a cumulative range from January (2020-01~09, 2020年1-9月, 2020年前三季度) or a span of years (2021-2025, 十四五)';

/**
 * Parses a period. Year-less Chinese forms take `opts.defaultYear`; the error names the input and the accepted
 * forms, in English with a Chinese gloss.
 *
 * @example
 * parsePeriod('2020年前三季度'); // ok({ type: 'cumulative', year: 2020, endMonth: 9 })
 * parsePeriod('2020年1-6月'); // ok({ type: 'half', year: 2020, half: 1 })
 * parsePeriod('上半年', { defaultYear: 2023 }); // ok({ type: 'half', year: 2023, half: 1 })
 * parsePeriod('2020.08'); // err('invalid period "2020.08": dotted dates read like decimals …')
 */
export function parsePeriod(text: string, opts: ParsePeriodOptions = {}): Result<Period> {
  const input = text.trim();
  if (input === '') return err(`empty period (统计期为空): ${FORMS}`);
  const normal = normalisePeriodText(input);
  for (const rule of RULES) {
    const match = rule.pattern.exec(normal);
    if (!match) continue;
    const read = rule.read(new Groups(match.groups ?? {}, input, opts.defaultYear));
    return read.ok ? read : err(`invalid period "${input}": ${read.error}`);
  }
  return err(`unrecognised period "${input}" (无法识别的统计期): ${FORMS}`);
}

/** The captured parts of one match, read as numbers, with the reasons a part is unusable. */
class Groups {
  constructor(
    private readonly groups: Record<string, string | undefined>,
    private readonly input: string,
    private readonly defaultYear: number | undefined,
  ) {}

  /** The `year` group, else the default year; year-less input without a default is an error, not a guess. */
  year(name = 'year'): Result<number> {
    const written = this.groups[name];
    if (written !== undefined) return checkYear(Number(written));
    if (this.defaultYear === undefined) return err(`${this.input} needs a year: write 2020年${this.input}, or give a default year (缺少年份)`);
    return checkYear(this.defaultYear);
  }

  /** A number written in digits or as one Chinese numeral (第三季度, 前两季度). */
  number(name: string): number {
    const written = this.groups[name] ?? '';
    const chinese = '一二三四五六七八九'.indexOf(written);
    if (chinese >= 0) return chinese + 1;
    return written === '两' ? 2 : Number(written);
  }

  text(name: string): string {
    return this.groups[name] ?? '';
  }
}

interface Rule {
  pattern: RegExp;
  read: (g: Groups) => Result<Period>;
}

/** The months of a year's quarter or half, once its number is known to exist. */
function part(kind: 'quarter' | 'half', n: number): Result<{ first: number; last: number }> {
  const [count, size, zh] = kind === 'quarter' ? [4, 3, '季度应为1–4'] : [2, 6, '半年应为1或2'];
  if (!Number.isInteger(n) || n < 1 || n > count) return err(`${kind} ${n} does not exist (${zh})`);
  return ok({ first: (n - 1) * size + 1, last: n * size });
}

/** Months first..last of one year (the same year twice for most forms), through the one canonicaliser. */
function months(year: Result<number>, first: number, last: number, endYear: Result<number> = year): Result<Period> {
  if (!year.ok) return year;
  if (!endYear.ok) return endYear;
  return periodFromMonths({ year: year.value, month: first }, { year: endYear.value, month: last });
}

/** Months of one quarter or half, or from the first of one to the last of another. */
function parts(g: Groups, kind: 'quarter' | 'half', from: string, to = from, endYear = g.year()): Result<Period> {
  const a = part(kind, g.number(from));
  if (!a.ok) return a;
  const b = part(kind, g.number(to));
  if (!b.ok) return b;
  return months(g.year(), a.value.first, b.value.last, endYear);
}

// Chinese forms may omit the year (then opts.defaultYear applies) or the 年 after it (2020上半年).
const YEAR_ZH = String.raw`(?:(?<year>\d{4})年?)?`;
const NUM_ZH = String.raw`[一二两三四五六七八九]|\d{1,2}`;
const QUOTE = `["“”'‘’「」『』]*`;

const RULES: Rule[] = [
  { pattern: /^(?<year>\d{4})(?:年(?:度|全年)?)?$/, read: (g) => months(g.year(), 1, 12) },
  { pattern: /^(?<year>\d{4})H(?<h>\d+)$/, read: (g) => parts(g, 'half', 'h') },
  { pattern: new RegExp(`^${YEAR_ZH}(?<h>[上下])半年$`), read: (g) => (g.text('h') === '上' ? months(g.year(), 1, 6) : months(g.year(), 7, 12)) },
  { pattern: /^(?<year>\d{4})Q(?<q>\d+)$/, read: (g) => parts(g, 'quarter', 'q') },
  { pattern: new RegExp(`^${YEAR_ZH}第?(?<q>${NUM_ZH})季度?$`), read: (g) => parts(g, 'quarter', 'q') },
  // 2020Q1-Q3, 2020Q4-2021Q1 (the second year makes the usual error about crossing a year, or a span for Q1-Q4).
  { pattern: /^(?<year>\d{4})Q(?<q1>\d+)[-~](?<year2>\d{4})?Q(?<q2>\d+)$/, read: (g) => parts(g, 'quarter', 'q1', 'q2', g.year(g.text('year2') ? 'year2' : 'year')) },
  // 一至三季度, 第一季度至第三季度
  { pattern: new RegExp(`^${YEAR_ZH}第?(?<q1>${NUM_ZH})(?:季度?)?[-~]第?(?<q2>${NUM_ZH})季度?$`), read: (g) => parts(g, 'quarter', 'q1', 'q2') },
  { pattern: new RegExp(`^${YEAR_ZH}前(?<n>${NUM_ZH})个?季度$`), read: (g) => firstQuarters(g) },
  { pattern: /^(?<year>\d{4})[-/](?<m>\d{1,2})$/, read: (g) => months(g.year(), g.number('m'), g.number('m')) },
  { pattern: new RegExp(`^${YEAR_ZH}(?<m>\\d{1,2})月份?$`), read: (g) => months(g.year(), g.number('m'), g.number('m')) },
  // 2020年1-9月, 2020年1月至9月, 1-9月
  { pattern: new RegExp(`^${YEAR_ZH}(?<m1>\\d{1,2})月?[-~](?<m2>\\d{1,2})月份?$`), read: (g) => months(g.year(), g.number('m1'), g.number('m2')) },
  // 2020-01~09: only the tilde, because 2020-01-09 is a date.
  { pattern: /^(?<year>\d{4})[-/](?<m1>\d{1,2})~(?<m2>\d{1,2})$/, read: (g) => months(g.year(), g.number('m1'), g.number('m2')) },
  { pattern: /^(?<year>\d{4})[-/](?<m1>\d{1,2})[-~](?<year2>\d{4})[-/](?<m2>\d{1,2})$/, read: (g) => months(g.year(), g.number('m1'), g.number('m2'), g.year('year2')) },
  { pattern: /^(?<year>\d{4})年(?<m1>\d{1,2})月[-~](?<year2>\d{4})年(?<m2>\d{1,2})月$/, read: (g) => months(g.year(), g.number('m1'), g.number('m2'), g.year('year2')) },
  // 2021-2025, 2021—2025年, 2021年至2025年
  { pattern: /^(?<year>\d{4})年?[-~](?<year2>\d{4})年?$/, read: (g) => months(g.year(), 1, 12, g.year('year2')) },
  { pattern: new RegExp(`^${QUOTE}(?<plan>十[一二三四五六七八九]五)${QUOTE}(?:时期|期间|规划期|规划期间)?$`), read: (g) => fiveYearPlan(g.text('plan')) },
  {
    pattern: /^\d{4}\.\d{1,2}(?:[-~]\d{1,2})?$/,
    read: () => err('dotted dates read like decimals (is 2020.1 January or October?): write 2020-08 or 2020年8月 (请勿用小数点表示月份)'),
  },
];

/** 前N季度: the first N quarters, months 1..3N. 前一季度 is refused: in Chinese it reads as "the previous quarter". */
function firstQuarters(g: Groups): Result<Period> {
  const n = g.number('n');
  if (n === 1) return err('前一季度 reads as "the previous quarter": write 2020年第一季度 or 2020Q1 (前一季度有歧义)');
  const last = part('quarter', n);
  if (!last.ok) return last;
  return months(g.year(), 1, last.value.last);
}

function fiveYearPlan(name: string): Result<Period> {
  const period = fiveYearPlanPeriod(name);
  if (period) return ok(period);
  const known = Object.entries(FIVE_YEAR_PLANS).map(([k, v]) => `${k} ${v.startYear}–${v.endYear}`);
  return err(`no Five-Year Plan called ${name} is known here (known: ${known.join(', ')}) (未知的五年规划)`);
}
