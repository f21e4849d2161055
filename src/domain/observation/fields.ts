/**
 * The fields of an import row, and the column headers that name them: the template's Chinese headers, the
 * English working headers of the bundled data, and our own field names. A file may also map columns explicitly.
 */
export const FIELDS = [
  'indicator', 'indicatorName', 'region', 'period', 'value', 'unit', 'priceBasis', 'status',
  'sourceKind', 'source', 'publisher', 'publishedDate', 'link', 'readAt', 'precision', 'quote', 'notes',
] as const;
export type Field = (typeof FIELDS)[number];

export const REQUIRED_FIELDS: readonly Field[] = ['indicator', 'region', 'period', 'value', 'unit', 'source'];

/** Template headers (Chinese, in template order) — also what the export writes. */
export const TEMPLATE_HEADERS: Record<Field, string> = {
  indicator: '指标代码',
  indicatorName: '指标名称',
  region: '地区',
  period: '期间',
  value: '数值',
  unit: '单位',
  priceBasis: '价格口径',
  status: '数据状态',
  sourceKind: '来源类型',
  source: '来源',
  publisher: '发布机构',
  publishedDate: '发布日期',
  link: '链接',
  readAt: '转载/读取处',
  precision: '数据精度',
  quote: '原文',
  notes: '备注',
};

const aliases: Record<Field, string[]> = {
  indicator: ['指标代码', '指标', 'indicator_code', 'indicator', 'indicatorcode'],
  indicatorName: ['指标名称', 'indicator_name_zh', 'indicator_name', 'indicatorname'],
  region: ['地区', '地区代码', '区域', 'region', 'region_code', 'regioncode'],
  period: ['期间', '时期', '统计期', '统计时期', 'period'],
  value: ['数值', '值', '数据', 'value'],
  unit: ['单位', '计量单位', 'unit'],
  priceBasis: ['价格口径', 'price_basis', 'pricebasis'],
  status: ['数据状态', '状态', 'status'],
  sourceKind: ['来源类型', 'source_kind', 'sourcekind'],
  // The publication a figure comes from (its title); older files put everything in one "source" column.
  source: ['来源', '出处', '数据来源', '发布物', 'source', 'publication'],
  publisher: ['发布机构', '发布单位', 'publisher'],
  publishedDate: ['发布日期', '发布时间', 'published_date', 'publisheddate', 'published'],
  link: ['链接', '网址', 'link', 'url'],
  readAt: ['转载/读取处', '读取处', '转载处', '转载来源', 'read_at', 'readat', 'mirror'],
  precision: ['数据精度', '精度', 'precision'],
  quote: ['原文', '引文', 'quote'],
  notes: ['备注', '说明', 'notes', 'note'],
};

const byHeader = new Map<string, Field>();
for (const f of FIELDS) for (const a of aliases[f]) byHeader.set(a.toLowerCase(), f);

/** The field a header names, or null (an unknown column is reported, not guessed). */
export function fieldForHeader(header: string): Field | null {
  return byHeader.get(header.replace(/^\uFEFF/, '').trim().toLowerCase()) ?? null;
}
