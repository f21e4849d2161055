/**
 * The fields of an enterprise file, and the headers that name them. One file may carry the registry (名录: who the
 * enterprise is, where, in which industry, how large), figures (统计期, 指标, 数值), or both, as an 一套表 export does.
 * Figures come in two layouts: long (our template: one 指标 and 数值 per row) and wide (the 一套表 export: one row per
 * enterprise and report period, one column per item, e.g. 营业收入（千元）本年累计 — see `wideColumn`).
 */
export const ENTERPRISE_FIELDS = [
  'uscc', 'name', 'industry', 'region', 'aboveDesignatedSize', 'sizeClass', 'openedOn', 'closedOn', 'validFrom', 'keyLists', 'synthetic',
  'period', 'item', 'value', 'unit',
] as const;
export type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number];

/** Registry fields: a row with any of them (besides the USCC) says who the enterprise is as of its period. */
export const REGISTRY_FIELDS: readonly EnterpriseField[] = ['name', 'industry', 'region', 'aboveDesignatedSize', 'sizeClass', 'openedOn', 'closedOn', 'validFrom', 'keyLists', 'synthetic'];

/** Template headers (Chinese, in template order). */
export const ENTERPRISE_HEADERS: Record<EnterpriseField, string> = {
  uscc: '统一社会信用代码',
  name: '单位名称',
  industry: '行业代码',
  region: '区划代码',
  aboveDesignatedSize: '规模以上',
  sizeClass: '企业规模',
  openedOn: '成立日期',
  closedOn: '注销日期',
  validFrom: '变更日期',
  keyLists: '重点企业名录',
  synthetic: '合成数据',
  period: '统计期',
  item: '指标',
  value: '数值',
  unit: '计量单位',
};

const aliases: Record<EnterpriseField, string[]> = {
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc'],
  name: ['单位名称', '单位详细名称', '企业名称', 'name'],
  industry: ['行业代码', '国民经济行业代码', '行业小类代码', 'industry'],
  region: ['区划代码', '行政区划代码', '地区', '所在区', 'region'],
  aboveDesignatedSize: ['规模以上', '是否规模以上', '规上', 'above_designated_size'],
  sizeClass: ['企业规模', '单位规模', 'size_class'],
  openedOn: ['成立日期', '开业日期', 'opened_on'],
  closedOn: ['注销日期', '关闭日期', '吊销注销日期', 'closed_on'],
  validFrom: ['变更日期', '生效日期', 'valid_from'],
  keyLists: ['重点企业名录', '名录', 'key_lists'],
  synthetic: ['合成数据', '数据性质', 'synthetic'],
  period: ['统计期', '报告期', '期间', 'period'],
  item: ['指标', '数据项', '指标名称', 'item'],
  value: ['数值', '值', 'value'],
  unit: ['计量单位', '单位', 'unit'],
};

const byHeader = new Map<string, EnterpriseField>();
for (const f of ENTERPRISE_FIELDS) for (const a of aliases[f]) byHeader.set(a.toLowerCase(), f);

/** The field a header names, or null. */
export function enterpriseFieldForHeader(header: string): EnterpriseField | null {
  return byHeader.get(header.replace(/^\uFEFF/, '').trim().toLowerCase()) ?? null;
}

/** How a wide column's value relates to the row's report period. */
export type WideQualifier = 'cumulative' | 'month' | 'as_period';

export interface WideColumn {
  itemText: string;
  unit: string | null;
  qualifier: WideQualifier;
}

/**
 * Reads a wide (一套表) column header: an item name, optionally its unit in brackets, optionally what the value
 * covers — 本年累计 / 1-本月 (cumulative from January to the report month), 本月 / 本期 / 期末 (the report month) —
 * before or after the unit. Returns null for a header of no such form; whether the item exists is the caller's.
 *
 * @example
 * wideColumn('营业收入（千元）本年累计') // { itemText: '营业收入', unit: '千元', qualifier: 'cumulative' }
 * wideColumn('从业人员期末人数_本月')      // { itemText: '从业人员期末人数', unit: null, qualifier: 'month' }
 */
export function wideColumn(header: string): WideColumn | null {
  let h = header.replace(/\s+/g, '');
  let qualifier: WideQualifier = 'as_period';
  const q = /[_|:：-]?(本年累计|1-本月累计|1-本月|1—本月|累计|本月|本期|本月末)$/.exec(h);
  if (q) {
    qualifier = /累计|1[-—]本月/.test(q[1] ?? '') ? 'cumulative' : 'month';
    h = h.slice(0, q.index);
  }
  let unit: string | null = null;
  const u = /[（(]([^）)]+)[）)]$/.exec(h);
  if (u) {
    unit = u[1] ?? null;
    h = h.slice(0, u.index);
  }
  if (h === '' || /^[\d.]+$/.test(h)) return null;
  return { itemText: h, unit, qualifier };
}
