/**
 * The report as an Excel workbook (exceljs): the indicator table with numbers as numbers and number formats (so a
 * planner can sum, sort and print them; services/export/sheetLayout.ts), the figures behind it with their sources,
 * and the drafted text. A missing figure is the text
 * "数据暂缺" in its cell — never 0 and never an empty cell that a formula would read as 0.
 */
import ExcelJS from 'exceljs';
import { NOT_AVAILABLE } from '../domain/unit/format';
import { LIGHT_LABELS } from '../domain/evaluation/lights';
import { ATTRIBUTE_LABELS, ended, FINAL_TABLE_NOTE, FORECAST_NOT_AVAILABLE, TABLE_NOTE } from './cells';
import type { ReportContext } from './context';
import { paragraphs, type ReportDraft } from './draft';
import { addSupervisionSheets } from './supervisionXlsx';
import { layoutSheet, NUMBER_FORMATS, setFigure, setFraction } from '../services/export/sheetLayout';

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
  table.addRow(headers);
  ctx.rows.forEach((r, i) => {
    const f = r.forecast;
    const row = table.addRow([r.number ?? i + 1, r.code, r.name[lang], ATTRIBUTE_LABELS[r.attribute][lang], r.unit]);
    // Figures in the indicator's unit (a share in % becomes Excel's percent); years as whole numbers.
    const put = (col: number, value: number | string | null | undefined, missing = na) => setFigure(row.getCell(col), value, r.unit, missing);
    const year = (col: number, value: number | null | undefined) => {
      row.getCell(col).value = or(value);
      if (typeof value === 'number') row.getCell(col).numFmt = NUMBER_FORMATS.integer;
    };
    put(6, r.baseline?.value);
    year(7, r.baseline?.year);
    put(8, r.latest?.value);
    year(9, r.latest?.year);
    put(10, r.target?.value ?? r.growthTarget ?? null);
    year(11, r.target?.year);
    row.getCell(12).value = r.target?.printed ?? r.growthTarget ?? na;
    setFraction(row.getCell(13), r.completion, na);
    row.getCell(14).value = r.statusLabel[lang];
    put(15, f?.atTarget?.point, noForecast);
    put(16, f?.atTarget?.lo80, noForecast);
    put(17, f?.atTarget?.hi80, noForecast);
    setFraction(row.getCell(18), f?.probability, noForecast);
    row.getCell(19).value = f?.warning ? f.warning.sentence[lang] : noForecast;
    row.getCell(20).value = LIGHT_LABELS[r.light][lang];
  });
  layoutSheet(table, { headerRows: 2, titleRows: 1, freezeColumns: 3, maxWidth: 30 });
  // The note under the table spans the table's width and wraps (laid out after the widths, which it must not set).
  table.addRow([]);
  const note = table.addRow([(final ? FINAL_TABLE_NOTE : TABLE_NOTE)[lang]]);
  table.mergeCells(note.number, 1, note.number, headers.length);
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = 48;

  const figures = wb.addWorksheet(zh ? '数据' : 'Figures');
  figures.addRow(zh ? ['指标代码', '指标', '年份', '数值', '单位', '来源', '发布日期', '推算（比重）'] : ['Code', 'Indicator', 'Year', 'Value', 'Unit', 'Source', 'Published', 'Derived (share)']);
  for (const r of ctx.rows) {
    if (r.series.length === 0) figures.addRow([r.code, r.name[lang], na, na, r.unit, na, na, '']);
    for (const p of r.series) {
      const row = figures.addRow([r.code, r.name[lang], p.year, null, r.unit, p.source ?? (p.derived ? (zh ? '由分子、分母推算' : 'derived from numerator and denominator') : na), p.publishedDate ?? (p.derived ? '' : na), p.derived ? (zh ? '是' : 'yes') : '']);
      row.getCell(3).numFmt = NUMBER_FORMATS.integer;
      setFigure(row.getCell(4), p.value, r.unit, na);
    }
  }
  layoutSheet(figures, { headerRows: 1, freezeColumns: 2 });

  const text = wb.addWorksheet(zh ? '报告正文' : 'Text');
  text.addRow([draft.title]).font = { bold: true, size: 14 };
  text.addRow([draft.subtitle]);
  for (const s of draft.sections) {
    text.addRow([s.heading]).font = { bold: true };
    for (const p of paragraphs(s.text)) text.addRow([p]).alignment = { wrapText: true, vertical: 'top' };
  }
  text.getColumn(1).width = 120;
  text.pageSetup = { ...text.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  addSupervisionSheets(wb, ctx);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
