/**
 * Reads an enterprise file's header and says which layout it has, and turns each data row into the rows the checker
 * takes (one per figure; a wide row gives one per filled item column):
 *   long     — our template: 统一社会信用代码, 统计期, 指标, 数值 (+ 计量单位, + registry columns);
 *   wide     — the 一套表 export: 统一社会信用代码, 报告期, registry columns, and one column per item, e.g.
 *              营业收入（千元）本年累计, 营业收入（千元）本月, 从业人员期末人数;
 *   registry — 名录 only: 统一社会信用代码 and registry columns, no figures.
 * A column naming no field and no item is reported and ignored; an explicit mapping (header → field) overrides.
 */
import { ENTERPRISE_FIELDS, ENTERPRISE_HEADERS, REGISTRY_FIELDS, enterpriseFieldForHeader, wideColumn, type EnterpriseField, type WideQualifier } from '../../../domain/enterprise/fields';
import type { EnterpriseItem } from '../../../domain/enterprise/items';
import type { RawEnterpriseRow } from '../../../domain/enterprise/row';
import { formatPeriod } from '../../../domain/period/format';
import { periodFromMonths } from '../../../domain/period/canonical';
import { parsePeriod } from '../../../domain/period/parse';
import { monthRange } from '../../../domain/period/period';

export type LayoutKind = 'long' | 'wide' | 'registry';

export interface WideValueColumn {
  index: number;
  header: string;
  item: EnterpriseItem;
  unit: string | null;
  qualifier: WideQualifier;
}

export interface EnterpriseLayout {
  kind: LayoutKind;
  columns: Partial<Record<EnterpriseField, number>>;
  headers: Partial<Record<EnterpriseField, string>>;
  wide: WideValueColumn[];
  ignored: string[];
  errors: string[];
}

const isField = (f: string): f is EnterpriseField => (ENTERPRISE_FIELDS as readonly string[]).includes(f);

export function mapEnterpriseHeader(header: readonly string[], item: (text: string) => EnterpriseItem | null, explicit: Readonly<Record<string, string>> = {}): EnterpriseLayout {
  const layout: EnterpriseLayout = { kind: 'registry', columns: {}, headers: {}, wide: [], ignored: [], errors: [] };
  header.forEach((raw, index) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    const wanted = Object.hasOwn(explicit, name) ? explicit[name] : undefined;
    let field: EnterpriseField | null;
    if (wanted !== undefined) {
      if (!isField(wanted)) {
        layout.errors.push(`mapping for column "${name}": unknown field "${wanted}" (fields: ${ENTERPRISE_FIELDS.join(', ')})`);
        return;
      }
      field = wanted;
    } else field = enterpriseFieldForHeader(name);
    if (field !== null) {
      const prior = layout.headers[field];
      if (prior !== undefined) layout.errors.push(`columns "${prior}" and "${name}" both give ${ENTERPRISE_HEADERS[field]}: keep one, or map one explicitly`);
      layout.columns[field] = index;
      layout.headers[field] = name;
      return;
    }
    const w = wideColumn(name);
    const it = w ? item(w.itemText) : null;
    if (w && it) layout.wide.push({ index, header: name, item: it, unit: w.unit, qualifier: w.qualifier });
    else layout.ignored.push(name);
  });
  const has = (f: EnterpriseField) => layout.columns[f] !== undefined;
  if (!has('uscc')) layout.errors.push(`no column for ${ENTERPRISE_HEADERS.uscc}: every row names its enterprise`);
  const long = has('item') || has('value');
  if (long) {
    layout.kind = 'long';
    for (const f of ['item', 'value', 'period'] as const) if (!has(f)) layout.errors.push(`no column for ${ENTERPRISE_HEADERS[f]}: a figure file in the template's layout has 统计期, 指标 and 数值`);
    if (layout.wide.length > 0) layout.errors.push(`item columns (${layout.wide.map((w) => w.header).join(', ')}) beside 指标/数值: use one layout per file`);
  } else if (layout.wide.length > 0) {
    layout.kind = 'wide';
    if (!has('period')) layout.errors.push(`no column for ${ENTERPRISE_HEADERS.period} (报告期): a wide file's item columns need the report period`);
  } else if (!REGISTRY_FIELDS.some(has)) {
    layout.errors.push('neither figures (指标 and 数值, or item columns such as 营业收入（千元）本年累计) nor registry columns (单位名称, 行业代码, 区划代码 …): nothing to import');
  }
  return layout;
}

const entries = new WeakMap<EnterpriseLayout, Array<[EnterpriseField, number]>>();
/** The layout's (field, column) pairs, listed once per file rather than once per row. */
function columnsOf(layout: EnterpriseLayout): Array<[EnterpriseField, number]> {
  let e = entries.get(layout);
  if (!e) entries.set(layout, (e = Object.entries(layout.columns) as Array<[EnterpriseField, number]>));
  return e;
}

const headerFunctions = new WeakMap<EnterpriseLayout, (f: EnterpriseField | null) => string | null>();
/** The layout's header of a field (its own name for the field, or the template's), one function per file. */
function headersOf(layout: EnterpriseLayout): (f: EnterpriseField | null) => string | null {
  let h = headerFunctions.get(layout);
  if (!h) headerFunctions.set(layout, (h = (f) => (f === null ? null : (layout.headers[f] ?? ENTERPRISE_HEADERS[f]))));
  return h;
}

/** One row to check, with the column each of its fields came from (for error messages). */
export interface ExpandedRow {
  raw: RawEnterpriseRow;
  /** Column header of a field of this row (a wide row's value comes from its item column). */
  header(field: EnterpriseField | null): string | null;
  /** Whether the row carries a figure (false: registry cells only). */
  figure: boolean;
  /** Index of the column the value came from (-1 for registry-only rows). */
  valueColumn: number;
}

/**
 * The rows one data record gives. Registry cells go with the first figure of a wide row only: repeating them per
 * item would say the same thing again.
 */
export function expandRecord(layout: EnterpriseLayout, cells: readonly string[], periodOf: (text: string) => string | null): ExpandedRow[] {
  const base: RawEnterpriseRow = {};
  for (const [f, i] of columnsOf(layout)) base[f] = cells[i] ?? '';
  const headerOf = headersOf(layout);
  if (layout.kind !== 'wide') {
    // In the long layout a row with no 统计期, 指标 or 数值 is a registry row (a file may list its enterprises first).
    const figure = layout.kind === 'long' && [base.period, base.item, base.value].some((c) => (c ?? '').trim() !== '');
    return [{ raw: base, header: headerOf, figure, valueColumn: layout.columns.value ?? -1 }];
  }
  const out: ExpandedRow[] = [];
  const periodText = base.period ?? '';
  for (const col of layout.wide) {
    const cell = (cells[col.index] ?? '').trim();
    if (cell === '') continue;
    let period = periodText;
    if (col.qualifier !== 'as_period' || col.item.kind === 'stock') period = periodOf(`${col.qualifier === 'cumulative' && col.item.kind === 'flow' ? 'cumulative' : 'month'}\u0000${periodText}`) ?? periodText;
    const raw: RawEnterpriseRow = out.length === 0 ? { ...base } : { uscc: base.uscc ?? '' };
    raw.period = period;
    raw.item = col.item.code;
    raw.value = cell;
    raw.unit = col.unit ?? '';
    out.push({ raw, header: (f) => (f === 'value' || f === 'unit' || f === 'item' ? col.header : headerOf(f)), figure: true, valueColumn: col.index });
  }
  if (out.length === 0) out.push({ raw: base, header: headerOf, figure: false, valueColumn: -1 });
  return out;
}

/**
 * The period a wide column's value covers, from the row's report period: 'cumulative' → 1–N月 of its last month,
 * 'month' → that month. Key: `${qualifier}\0${text}`; null when the text is no period (the checker then says why).
 */
export function widePeriod(key: string): string | null {
  const [qualifier, text = ''] = key.split('\u0000');
  // 一套表 report periods are often written 202309.
  const compact = /^(\d{4})(\d{2})$/.exec(text.trim());
  const p = parsePeriod(compact ? `${compact[1]}-${compact[2]}` : text);
  if (!p.ok) return null;
  const { end } = monthRange(p.value);
  const q = qualifier === 'cumulative' ? periodFromMonths({ year: end.year, month: 1 }, end) : periodFromMonths(end, end);
  return q.ok ? formatPeriod(q.value) : null;
}
