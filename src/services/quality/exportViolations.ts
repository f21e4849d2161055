/**
 * The data-quality report as Excel: one sheet of violations (rule, severity, figures compared, the arithmetic,
 * acknowledgement), one of counts by rule, one by indicator and region, one by year — filtered as the page is.
 */
import type { Database } from '../../db/client';
import { listRegions } from '../../db/regions';
import { summarise } from '../../domain/quality/summary';
import { neutralise } from '../export/safeCell';
import { filterViolations, type ViolationFilter } from './violations';
import { qualityRun } from './run';

export async function exportViolations(database: Database, f: ViolationFilter): Promise<{ fileName: string; contentType: string; body: Buffer; rows: number }> {
  const run = await qualityRun(database, f.plan ?? null);
  const violations = filterViolations(run, f);
  const regionName = new Map((await listRegions(database.db)).map((r) => [r.code, r.name.zh]));
  const names = new Map(run.rules.map((r) => [r.rule.id, r.rule.name.zh]));
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const sheet = (name: string, header: string[], rows: Array<Array<string | number>>, widths: number[]) => {
    const s = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    s.addRow(header).font = { bold: true };
    // Comments and names are people's text: one beginning with = + - @ is written as text (export/safeCell.ts).
    for (const r of rows) s.addRow(r.map((c) => (typeof c === 'string' ? neutralise(c) : c)));
    s.columns.forEach((c, i) => (c.width = widths[i] ?? 14));
  };
  const severityZh = (s: string) => (s === 'error' ? '错误' : '警告');
  sheet(
    '问题清单',
    ['规则', '规则名称', '级别', '指标', '地区', '期间', '说明（含计算）', '涉及数据（编号 指标 地区 期间 数值）', '状态', '确认人', '确认时间', '确认意见'],
    violations.map((v) => [
      v.ruleId, names.get(v.ruleId) ?? v.ruleId, severityZh(v.severity), v.anchor.indicatorCode, regionName.get(v.anchor.regionCode) ?? v.anchor.regionCode, v.anchor.periodCode,
      v.message.zh, v.figures.map((x) => `#${x.id} ${x.indicatorCode} ${regionName.get(x.regionCode) ?? x.regionCode} ${x.periodCode} ${x.value}`).join('；'),
      v.acknowledgement ? '已确认' : '待处理', v.acknowledgement?.by ?? '', v.acknowledgement?.at.slice(0, 10) ?? '', v.acknowledgement?.comment ?? '',
    ]),
    [22, 28, 6, 18, 10, 12, 70, 60, 8, 10, 12, 30],
  );
  const s = summarise(violations);
  sheet('按规则', ['规则', '规则名称', '级别', '问题数', '待处理'], s.byRule.map((r) => [r.ruleId, names.get(r.ruleId) ?? r.ruleId, severityZh(r.severity), r.total, r.open]), [26, 32, 6, 8, 8]);
  sheet('按指标', ['指标', '问题数', '错误', '警告', '待处理'], s.byIndicator.map((r) => [r.indicatorCode, r.total, r.errors, r.warnings, r.open]), [22]);
  sheet('按地区', ['地区', '问题数', '错误', '警告', '待处理'], s.byRegion.map((r) => [regionName.get(r.regionCode) ?? r.regionCode, r.total, r.errors, r.warnings, r.open]), [14]);
  sheet('按年份', ['年份', '问题数', '错误', '警告', '待处理'], s.byYear.map((r) => [r.year, r.total, r.errors, r.warnings, r.open]), [8]);
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    fileName: `data-quality${f.plan ? `-${f.plan}` : ''}-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    rows: violations.length,
  };
}
