/**
 * The report as an Excel workbook (exceljs): the indicator table with numbers as numbers (so a planner can
 * recompute), the figures behind it with their sources, and the drafted text. A missing figure is the text
 * "数据暂缺" in its cell — never 0 and never an empty cell that a formula would read as 0.
 */
import ExcelJS from 'exceljs';
import { NOT_AVAILABLE } from '../domain/unit/format';
import { LIGHT_LABELS } from '../domain/evaluation/lights';
import { ATTRIBUTE_LABELS, ended, FINAL_TABLE_NOTE, FORECAST_NOT_AVAILABLE, TABLE_NOTE } from './cells';
import type { ReportContext } from './context';
import { paragraphs, type ReportDraft } from './draft';
import { addSupervisionSheets } from './supervisionXlsx';

type Cell = string | number;

export async function reportXlsx(ctx: ReportContext, draft: ReportDraft): Promise<Buffer> {
  const lang = ctx.lang;
  const zh = lang === 'zh';
  const na = NOT_AVAILABLE[lang];
  const nf = FORECAST_NOT_AVAILABLE[lang];
  const or = (x: number | null | undefined, missing = na): Cell => (x === null || x === undefined || !Number.isFinite(x) ? missing : x);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Plan Monitor 规划监测评估平台';

  const final = ended(ctx);
  // After the target year nothing is forecast: the forecast columns say so rather than "not available".
  const noForecast = final ? '—' : nf;
  const table = wb.addWorksheet(zh ? '主要指标完成情况' : 'Indicators');
  table.addRow([`${draft.title}${draft.subtitle}`]).font = { bold: true, size: 14 };
  const headers = zh
    ? ['序号', '指标代码', '指标', '属性', '单位', '基期值', '基期年份', '最新值', '最新值年份', '目标值', '目标年份', '目标值（原文）', final ? '完成率' : '完成进度', final ? '终期判断' : '状态', '预测值（目标年）', '80%区间下限', '80%区间上限', '达标概率', '预警', '信号灯']
    : ['No.', 'Code', 'Indicator', 'Attribute', 'Unit', 'Baseline', 'Baseline year', 'Latest value', 'Latest year', 'Target', 'Target year', 'Target as printed', final ? 'Share of target' : 'Progress', final ? 'Verdict' : 'Status', 'Forecast (target year)', '80% low', '80% high', 'Probability', 'Warning', 'Light'];
  const head = table.addRow(headers);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } }));
  ctx.rows.forEach((r, i) => {
    const f = r.forecast;
    const row = table.addRow([
      r.number ?? i + 1,
      r.code,
      r.name[lang],
      ATTRIBUTE_LABELS[r.attribute][lang],
      r.unit,
      or(r.baseline?.value),
      or(r.baseline?.year),
      or(r.latest?.value),
      or(r.latest?.year),
      or(r.target?.value, r.growthTarget ?? na),
      or(r.target?.year),
      r.target?.printed ?? r.growthTarget ?? na,
      or(r.completion),
      r.statusLabel[lang],
      or(f?.atTarget?.point, noForecast),
      or(f?.atTarget?.lo80, noForecast),
      or(f?.atTarget?.hi80, noForecast),
      or(f?.probability, noForecast),
      f?.warning ? f.warning.sentence[lang] : noForecast,
      LIGHT_LABELS[r.light][lang],
    ]);
    for (const col of [13, 18]) if (typeof row.getCell(col).value === 'number') row.getCell(col).numFmt = '0.00%';
  });
  table.addRow([]);
  table.addRow([(final ? FINAL_TABLE_NOTE : TABLE_NOTE)[lang]]);
  table.columns.forEach((c, i) => (c.width = [6, 22, 36, 8, 8, 12, 10, 12, 10, 12, 10, 14, 10, 16, 14, 12, 12, 10, 40, 10][i] ?? 12));
  table.views = [{ state: 'frozen', ySplit: 2, xSplit: 3 }];

  const figures = wb.addWorksheet(zh ? '数据' : 'Figures');
  const fh = figures.addRow(zh ? ['指标代码', '指标', '年份', '数值', '单位', '来源', '发布日期', '推算（比重）'] : ['Code', 'Indicator', 'Year', 'Value', 'Unit', 'Source', 'Published', 'Derived (share)']);
  fh.font = { bold: true };
  for (const r of ctx.rows) {
    if (r.series.length === 0) figures.addRow([r.code, r.name[lang], na, na, r.unit, na, na, '']);
    for (const p of r.series) {
      figures.addRow([r.code, r.name[lang], p.year, p.value, r.unit, p.source ?? (p.derived ? (zh ? '由分子、分母推算' : 'derived from numerator and denominator') : na), p.publishedDate ?? (p.derived ? '' : na), p.derived ? (zh ? '是' : 'yes') : '']);
    }
  }
  figures.columns.forEach((c, i) => (c.width = [22, 36, 8, 14, 8, 60, 12, 12][i] ?? 12));
  figures.views = [{ state: 'frozen', ySplit: 1 }];

  const text = wb.addWorksheet(zh ? '报告正文' : 'Text');
  text.addRow([draft.title]).font = { bold: true, size: 14 };
  text.addRow([draft.subtitle]);
  for (const s of draft.sections) {
    text.addRow([s.heading]).font = { bold: true };
    for (const p of paragraphs(s.text)) text.addRow([p]).alignment = { wrapText: true, vertical: 'top' };
  }
  text.getColumn(1).width = 120;
  addSupervisionSheets(wb, ctx);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
