/**
 * The downloadable import template (导入模板.xlsx): a 数据 sheet with the Chinese headers and drop-down lists for
 * indicator, region, unit, price basis, status and source kind; a 填写说明 sheet; the lists on a hidden 选项 sheet.
 * The lists come from the database, so a new plan's indicators appear in the template with no code change.
 */
import type ExcelJS from 'exceljs';
import type { Database } from '../../db/client';
import { indicatorUnits } from '../../db/observations';
import { listRegions } from '../../db/regions';
import { FIELDS, REQUIRED_FIELDS, TEMPLATE_HEADERS, type Field } from '../../domain/observation/fields';
import { PRECISION_LABELS, PRICE_BASIS_LABELS, SOURCE_KIND_LABELS, STATUS_LABELS } from '../../domain/observation/terms';
import { unitCatalogueOf } from '../units/unitCatalogue';

/** Rows the drop-downs cover; far more than one office sends at once. */
const TEMPLATE_ROWS = 5000;

export async function buildTemplate(database: Database): Promise<Buffer> {
  const [catalogue, regions, units] = await Promise.all([indicatorUnits(database.db), listRegions(database.db), unitCatalogueOf(database.db)]);
  const today = new Date().toISOString().slice(0, 10);
  const lists: Partial<Record<Field, string[]>> = {
    indicator: [...catalogue.keys()].sort(),
    region: regions.filter((r) => r.validTo === null || r.validTo >= today).map((r) => r.name.zh),
    unit: units.units.map((u) => u.code),
    priceBasis: Object.values(PRICE_BASIS_LABELS).map((l) => l.zh),
    status: Object.values(STATUS_LABELS).map((l) => l.zh),
    sourceKind: Object.values(SOURCE_KIND_LABELS).map((l) => l.zh),
    precision: Object.values(PRECISION_LABELS).map((l) => l.zh.replace(/值$/, '')),
  };

  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Plan Monitor 规划监测评估平台';
  const data = wb.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet('填写说明');
  const options = wb.addWorksheet('选项', { state: 'veryHidden' });

  data.columns = FIELDS.map((f) => ({ header: TEMPLATE_HEADERS[f], key: f, width: f === 'quote' || f === 'source' ? 40 : 14 }));
  const header = data.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    const field = FIELDS[col - 1];
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: field && REQUIRED_FIELDS.includes(field) ? 'FFFFE58F' : 'FFE6F4FF' } };
  });

  let listColumn = 1;
  for (const field of FIELDS) {
    const values = lists[field];
    if (!values || values.length === 0) continue;
    const col = options.getColumn(listColumn);
    col.values = [TEMPLATE_HEADERS[field], ...values];
    const letter = col.letter;
    const dataLetter = data.getColumn(FIELDS.indexOf(field) + 1).letter;
    sheetValidations(data).add(`${dataLetter}2:${dataLetter}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: !REQUIRED_FIELDS.includes(field),
      formulae: [`选项!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorTitle: TEMPLATE_HEADERS[field],
      error: `请从下拉列表中选择${TEMPLATE_HEADERS[field]}`,
    });
    listColumn++;
  }
  const dateLetter = data.getColumn(FIELDS.indexOf('publishedDate') + 1).letter;
  data.getColumn(dateLetter).numFmt = 'yyyy-mm-dd';
  // Periods are text: Excel would otherwise turn 2023-08 into a date.
  data.getColumn(FIELDS.indexOf('period') + 1).numFmt = '@';

  guide.columns = [{ width: 14 }, { width: 90 }];
  guide.addRows([
    ['列', '填写要求'],
    ...FIELDS.map((f) => [TEMPLATE_HEADERS[f], GUIDE[f] + (REQUIRED_FIELDS.includes(f) ? '（必填）' : '')]),
    [],
    ['说明', '一个文件为一次导入：任何一行有错，整个文件不写入（可先"试导入"查看每个单元格的错误）。同一文件重复导入不会重复写入。'],
    ['说明', '修订数据请作为新的一行导入，并填写新的发布日期：原数据不会被覆盖，平台按来源优先规则选用。'],
  ]);
  guide.getRow(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * exceljs (4.4) keeps range validations in `worksheet.dataValidations` and writes them as one sqref each, but its
 * type definitions do not declare the property; per-cell validations would write 5000 entries per column.
 */
function sheetValidations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

const GUIDE: Record<Field, string> = {
  indicator: '指标代码，从下拉列表选择（如 TERTIARY_VA 服务业增加值）',
  indicatorName: '指标名称，仅供核对，可不填',
  region: '地区名称（深圳市、南山区……）或行政区划代码（440305）',
  period: '统计期：2023、2023年、2023H1、2023年上半年、2023Q3、2023年1-9月、2023年前三季度、2023-08',
  value: '数值，只填数字（不写"约""突破"等字样）',
  unit: '计量单位，从下拉列表选择；须能换算为指标的单位',
  priceBasis: '现价或可比价；增长率一般为可比价',
  status: '初步、最终、修订或预计；修订仅用于修订此前发布数据的数值；不填时按备注推断（初步、预计），默认为最终',
  sourceKind: '发布物的类型：统计公报、统计年鉴、统计局发布、政府工作报告、部门发布、媒体或第三方；不填时按发布物名称和发布机构推断（与在何处读到无关）',
  source: '发布物：公报、报告或文章的名称（数据出自哪一份发布物）',
  publisher: '发布机构',
  publishedDate: '发布日期（2024-04-30）；不填时取来源文字中的日期，否则按统计发布日历取最晚可能日期并标注为估计',
  link: '发布物的链接',
  readAt: '转载/读取处：在镜像、转载网站或归档中读到时填写；不影响数据的优先级',
  precision: '数据精度：精确、约数（约1.05万亿）、下限（突破、超过）或上限（近、不到）；不填时按原文推断',
  quote: '原文：数据所在的句子',
  notes: '备注：口径、修订、四舍五入等说明',
};
