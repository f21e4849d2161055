/**
 * Checks one row of an enterprise file: the USCC, whatever registry cells it has, and its figure if any. Every wrong
 * cell is named with its reason; a row with any error is not used. Pure: the classification, items, regions and
 * size thresholds come in through `EnterpriseRowContext`. Distinct texts that repeat down a file (USCCs, periods,
 * industry and region codes, units) are read once per import (`createEnterpriseRowChecker`).
 */
import { parseNumber } from '../observation/row';
import { formatPeriod } from '../period/format';
import { parsePeriod } from '../period/parse';
import { monthRange, type Period } from '../period/period';
import { err, ok, type Result } from '../result';
import { convertValue } from '../unit/convert';
import { shiftDecimal } from '../unit/decimal';
import type { Industry } from '../industry/classification';
import type { EnterpriseField } from './fields';
import type { EnterpriseItem } from './items';
import { SIZE_CLASSES, type SizeClass } from './size';
import { checkUscc } from './uscc';
import { memoText as memo } from '../memo';
import type { UnitCatalogue } from '../unit/catalogue';

export interface EnterpriseRowContext {
  item(text: string): EnterpriseItem | null;
  industry(code: string): Industry | null;
  /** Region code for a code or a name; null when unknown. */
  regionCode(text: string): string | null;
  /** Key-list codes that exist. */
  keyLists: ReadonlySet<string>;
  /** The unit catalogue unit texts are read in (units are data: bundled, loaded and plans' units). */
  units: UnitCatalogue;
}

export type RawEnterpriseRow = Partial<Record<EnterpriseField, string>>;

/** The registry cells a row gave (a cell left out or empty is undefined: it says nothing). */
export interface RegistryCells {
  name?: string;
  industryCode?: string;
  regionCode?: string;
  aboveDesignatedSize?: boolean;
  sizeClass?: SizeClass;
  openedOn?: string;
  closedOn?: string;
  validFrom?: string;
  keyLists?: string[];
  synthetic?: boolean;
}

export interface FigureCells {
  item: EnterpriseItem;
  period: Period;
  periodCode: string;
  /** First and last month as year*100+month. */
  periodStart: number;
  periodEnd: number;
  /** In the item's unit. */
  value: number;
}

export interface CheckedEnterpriseRow {
  uscc: string;
  registry: RegistryCells;
  figure: FigureCells | null;
}

export interface EnterpriseCellError {
  field: EnterpriseField | null;
  message: string;
}

export type EnterpriseRowResult = { ok: true; row: CheckedEnterpriseRow } | { ok: false; errors: EnterpriseCellError[] };

const YES = new Set(['是', '1', 'y', 'yes', 'true', '规上', '规模以上']);
const NO = new Set(['否', '0', 'n', 'no', 'false', '规下', '规模以下']);
const SIZE_WORDS: Record<string, SizeClass> = { 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro', 大: 'large', 中: 'medium', 小: 'small', 微: 'micro', '1': 'large', '2': 'medium', '3': 'small', '4': 'micro' };

function readFlag(text: string, what: string): Result<boolean> {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return err(`${what}: "${text}" is neither yes nor no (write 是 or 否)`);
}

function readSizeClass(text: string): Result<SizeClass> {
  const t = text.trim();
  const c = SIZE_WORDS[t] ?? (SIZE_CLASSES as readonly string[]).find((s) => s === t.toLowerCase());
  return c ? ok(c as SizeClass) : err(`企业规模 "${text}" is none of 大型, 中型, 小型, 微型`);
}

function readDate(text: string, what: string): Result<string> {
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(text.trim());
  const iso = m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : '';
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso) return err(`${what}: "${text}" is not a date (write 2023-05-08)`);
  return ok(iso);
}

function readIndustry(text: string, ctx: EnterpriseRowContext): Result<string> {
  const code = text.trim();
  const ind = ctx.industry(code);
  if (!ind) return err(`行业代码 "${code}" is not a code of GB/T 4754-2017 (国民经济行业分类中无此代码)`);
  if (ind.level !== 'class') return err(`行业代码 ${code} (${ind.name}) is a ${ind.level}: an enterprise is classified by its 4-digit 小类 (应填4位小类代码)`);
  return ok(code);
}

function readPeriod(text: string): Result<{ period: Period; code: string }> {
  const p = parsePeriod(text);
  if (!p.ok) return p;
  if (p.value.type === 'span') return err(`统计期 ${text} spans years: an enterprise reports for a month, 1–N月, a quarter, a half or a year`);
  return ok({ period: p.value, code: formatPeriod(p.value) });
}

function readFigure(raw: RawEnterpriseRow, ctx: EnterpriseRowContext, read: Readers, errors: EnterpriseCellError[]): FigureCells | null {
  const itemText = raw.item?.trim() ?? '';
  const item = itemText === '' ? null : read.item(itemText);
  if (itemText === '') errors.push({ field: 'item', message: '指标 is missing' });
  else if (!item) errors.push({ field: 'item', message: `指标 "${itemText}" is not an item of the enterprise database (enterprises/items.yaml)` });
  const periodText = raw.period?.trim() ?? '';
  const period = periodText === '' ? err('统计期 is missing') : read.period(periodText);
  if (!period.ok) errors.push({ field: 'period', message: period.error });
  const number = parseNumber((raw.value ?? '').trim());
  if (!number.ok) errors.push({ field: 'value', message: number.error });
  if (!item || !period.ok || !number.ok) return null;
  if (item.kind === 'stock' && period.value.period.type === 'cumulative') {
    errors.push({ field: 'period', message: `${item.name.zh} is a level at the end of a period (存量), not a sum over 1–N月: report it for the month` });
    return null;
  }
  let value = number.value;
  const unitText = raw.unit?.trim() ?? '';
  if (unitText !== '' && unitText !== item.unit) {
    const converted = read.convert(value, unitText, item.unit);
    if (!converted.ok) {
      errors.push({ field: 'unit', message: `${converted.error} (${item.name.zh} is kept in ${item.unit})` });
      return null;
    }
    value = converted.value;
  }
  if (value < item.min || value > item.max) {
    errors.push({ field: 'value', message: `${item.name.zh} ${value} ${item.unit} is out of range (${item.min} to ${item.max} ${item.unit}): a typing or unit error? (数值超出合理范围)` });
    return null;
  }
  const { start, end } = monthRange(period.value.period);
  return { item, period: period.value.period, periodCode: period.value.code, periodStart: start.year * 100 + start.month, periodEnd: end.year * 100 + end.month, value };
}

interface Readers {
  item(text: string): EnterpriseItem | null;
  uscc(text: string): Result<string>;
  period(text: string): Result<{ period: Period; code: string }>;
  industry(text: string): Result<string>;
  region(text: string): string | null;
  convert(value: number, from: string, to: string): Result<number>;
}

/** Whether a row carries any registry cell (a figure file usually carries none: the registry part is skipped). */
const hasRegistryCells = (raw: RawEnterpriseRow): boolean =>
  raw.name !== undefined || raw.industry !== undefined || raw.region !== undefined || raw.aboveDesignatedSize !== undefined || raw.sizeClass !== undefined ||
  raw.openedOn !== undefined || raw.closedOn !== undefined || raw.validFrom !== undefined || raw.keyLists !== undefined || raw.synthetic !== undefined;

const NO_CELLS: RegistryCells = Object.freeze({}) as RegistryCells;

function checkWith(raw: RawEnterpriseRow, ctx: EnterpriseRowContext, read: Readers, hasFigure: boolean): EnterpriseRowResult {
  const errors: EnterpriseCellError[] = [];
  const uscc = read.uscc(raw.uscc ?? '');
  if (!uscc.ok) errors.push({ field: 'uscc', message: uscc.error });
  const registry = hasRegistryCells(raw) ? readRegistry(raw, ctx, read, errors) : NO_CELLS;
  const figure = hasFigure ? readFigure(raw, ctx, read, errors) : null;
  if (errors.length > 0 || !uscc.ok) return { ok: false, errors };
  return { ok: true, row: { uscc: uscc.value, registry, figure } };
}

function readRegistry(raw: RawEnterpriseRow, ctx: EnterpriseRowContext, read: Readers, errors: EnterpriseCellError[]): RegistryCells {
  const registry: RegistryCells = {};
  const given = (f: EnterpriseField): string | null => {
    const v = raw[f]?.trim();
    return v === undefined || v === '' ? null : v;
  };
  const take = <T>(f: EnterpriseField, r: Result<T>, set: (v: T) => void) => {
    if (r.ok) set(r.value);
    else errors.push({ field: f, message: r.error });
  };
  const name = given('name');
  if (name !== null) registry.name = name;
  const industry = given('industry');
  if (industry !== null) take('industry', read.industry(industry), (v) => (registry.industryCode = v));
  const region = given('region');
  if (region !== null) {
    const code = read.region(region);
    if (code === null) errors.push({ field: 'region', message: `区划代码 "${region}" is not a region of the registry (regions/)` });
    else registry.regionCode = code;
  }
  const above = given('aboveDesignatedSize');
  if (above !== null) take('aboveDesignatedSize', readFlag(above, '规模以上'), (v) => (registry.aboveDesignatedSize = v));
  const size = given('sizeClass');
  if (size !== null) take('sizeClass', readSizeClass(size), (v) => (registry.sizeClass = v));
  for (const [f, label] of [['openedOn', '成立日期'], ['closedOn', '注销日期'], ['validFrom', '变更日期']] as const) {
    const d = given(f);
    if (d !== null) take(f, readDate(d, label), (v) => (registry[f] = v));
  }
  if (registry.openedOn && registry.closedOn && registry.closedOn < registry.openedOn) errors.push({ field: 'closedOn', message: `注销日期 ${registry.closedOn} is before 成立日期 ${registry.openedOn}` });
  // An empty cell says nothing, as every registry cell; 无 (none) says the enterprise is on no list.
  const lists = given('keyLists');
  if (lists !== null) {
    const codes = lists === '无' ? [] : lists.split(/[;；、,，\s]+/).filter((c) => c !== '');
    const unknown = codes.filter((c) => !ctx.keyLists.has(c));
    if (unknown.length > 0) errors.push({ field: 'keyLists', message: `重点企业名录 ${unknown.join(', ')} is not a list of enterprises/key-lists.yaml` });
    else registry.keyLists = codes;
  }
  const synthetic = given('synthetic');
  if (synthetic !== null) take('synthetic', readFlag(synthetic.replace(/^合成$/, '是').replace(/^真实$/, '否'), '合成数据'), (v) => (registry.synthetic = v));
  return registry;
}

/**
 * 千元 is the unit of the 一套表 financial forms but of no published figure, so it is known here rather than in the
 * platform's unit list: a value in 千元 is read as 1000 × the value in 元 (an exact decimal shift).
 */
function convertEnterpriseValue(value: number, from: string, to: string, units: UnitCatalogue): Result<number> {
  if (from.trim() !== '千元') return convertValue(value, from, to, units);
  return convertValue(shiftDecimal(value, 3), '元', to, units);
}

const plainReaders = (ctx: EnterpriseRowContext): Readers => ({
  item: (t) => ctx.item(t),
  uscc: checkUscc,
  period: readPeriod,
  industry: (t) => readIndustry(t, ctx),
  region: (t) => ctx.regionCode(t),
  convert: (value, from, to) => convertEnterpriseValue(value, from, to, ctx.units),
});

/** Checks one row afresh (tests and one-off rows). `hasFigure`: whether the row carries a figure (else registry only). */
export function checkEnterpriseRow(raw: RawEnterpriseRow, ctx: EnterpriseRowContext, hasFigure: boolean): EnterpriseRowResult {
  return checkWith(raw, ctx, plainReaders(ctx), hasFigure);
}

/** A checker for one import: the same checks and messages as `checkEnterpriseRow`, each distinct text read once. */
export function createEnterpriseRowChecker(ctx: EnterpriseRowContext): (raw: RawEnterpriseRow, hasFigure: boolean) => EnterpriseRowResult {
  const plain = plainReaders(ctx);
  const conversions = new Map<string, Result<number>>();
  const read: Readers = {
    item: memo(plain.item),
    uscc: memo(plain.uscc),
    period: memo(plain.period),
    industry: memo(plain.industry),
    region: memo(plain.region),
    // A unit pair converts by a power of ten: the factor is learnt once per pair (from 1), the error text once too.
    convert(value, from, to) {
      const key = `${from}\u0000${to}`;
      let unit = conversions.get(key);
      if (unit === undefined) {
        unit = convertEnterpriseValue(1, from, to, ctx.units);
        conversions.set(key, unit);
      }
      return unit.ok ? convertEnterpriseValue(value, from, to, ctx.units) : unit;
    },
  };
  return (raw, hasFigure) => checkWith(raw, ctx, read, hasFigure);
}
