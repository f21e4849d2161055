/**
 * The Excel report's supervision sheets (issue 16): 重点任务 (every task with its unit, state, light and reasons) and
 * 重大项目 (plan, baseline, completed investment, rates). Numbers stay numbers; a missing one reads 数据暂缺.
 */
import type ExcelJS from 'exceljs';
import { NOT_AVAILABLE } from '../domain/unit/format';
import { PROJECT_PHASE_LABELS, TASK_KIND_LABELS, TASK_LIGHT_LABELS, TASK_STATE_LABELS } from '../domain/supervision/terms';
import type { ReportContext } from './context';

export function addSupervisionSheets(wb: ExcelJS.Workbook, ctx: ReportContext): void {
  const s = ctx.supervision;
  if (!s) return;
  const lang = ctx.lang;
  const zh = lang === 'zh';
  const na = NOT_AVAILABLE[lang];
  const or = (x: number | null | undefined): string | number => (x === null || x === undefined || !Number.isFinite(x) ? na : x);

  const tasks = wb.addWorksheet(zh ? '重点任务' : 'Tasks');
  const th = tasks.addRow(
    zh ? ['编号', '类别', '章', '任务', '牵头单位', '配合单位', '状态', '预警', '原因', '最新进度', '逾期未报', '截止日期', '办结时间', '提级督办']
      : ['Id', 'Kind', 'Chapter', 'Task', 'Lead unit', 'Co-operating units', 'State', 'Light', 'Reasons', 'Latest progress', 'Reports missing', 'Deadline', 'Completed', 'Escalated'],
  );
  th.font = { bold: true };
  for (const t of s.tasks) {
    const row = tasks.addRow([
      t.itemKey ?? `#${t.id}`, TASK_KIND_LABELS[t.kind][lang], t.chapter?.number ?? '', t.title[lang], t.leadUnit?.name[lang] ?? '', t.coUnits.map((u) => u.name[lang]).join(zh ? '、' : '; '),
      TASK_STATE_LABELS[t.state][lang], TASK_LIGHT_LABELS[t.light][lang], t.reasons.map((r) => r.text[lang]).join(zh ? '；' : '; '), t.percent === null ? na : t.percent / 100,
      t.missing.join(', '), t.deadline ?? '', t.completedAt?.slice(0, 10) ?? '', t.escalated ? (zh ? '是' : 'yes') : '',
    ]);
    if (typeof row.getCell(10).value === 'number') row.getCell(10).numFmt = '0%';
  }
  tasks.columns.forEach((c, i) => (c.width = [10, 10, 6, 36, 22, 26, 10, 16, 60, 10, 14, 12, 12, 8][i] ?? 12));
  tasks.views = [{ state: 'frozen', ySplit: 1, xSplit: 4 }];

  const p = s.projects;
  const projects = wb.addWorksheet(zh ? '重大项目' : 'Projects');
  projects.addRow([zh ? `${p.year}年重大项目进展（截至${p.asOf}）` : `Major projects ${p.year} (as of ${p.asOf})`]).font = { bold: true };
  const ph = projects.addRow(
    zh ? ['编号', '专栏', '领域', '项目', '项目代码', '责任单位', '总投资（亿元）', '年度计划投资（亿元）', '基线年度计划（亿元）', '计划版本', '本年累计完成投资（亿元）', '报告期', '年度投资完成率', '与序时进度之差', '项目阶段', '计划开工', '实际开工', '计划竣工', '实际竣工', '形象进度', '存在问题']
      : ['Key', 'Box', 'Field', 'Project', 'Code', 'Owner', 'Total investment', 'Annual plan', 'Baseline annual plan', 'Plan version', 'Completed this year', 'Period', 'Completion rate', 'Gap to time progress', 'Phase', 'Planned start', 'Actual start', 'Planned completion', 'Actual completion', 'Progress', 'Problems'],
  );
  ph.font = { bold: true };
  for (const r of p.rows) {
    const row = projects.addRow([
      r.itemKey, r.column ?? '', r.field?.[lang] ?? '', r.name[lang], r.code ?? '', p.unitName(r.ownerUnitId)?.[lang] ?? '', or(r.plan?.totalInvestment), or(r.plan?.annualPlan), or(r.plan?.baselineAnnualPlan), r.plan?.version ?? na,
      or(r.latest?.ytdCompleted), r.latest?.month ?? na, or(r.completionRate), or(r.gap), r.latest?.phase ? PROJECT_PHASE_LABELS[r.latest.phase][lang] : '', r.plan?.plannedStart ?? '', r.latest?.actualStart ?? '',
      r.plan?.plannedCompletion ?? '', r.latest?.actualCompletion ?? '', r.latest?.imageProgress ?? '', r.latest?.problems ?? '',
    ]);
    for (const col of [13, 14]) if (typeof row.getCell(col).value === 'number') row.getCell(col).numFmt = '0.0%';
  }
  const m = p.summary;
  projects.addRow([]);
  projects.addRow([zh ? '合计' : 'Total', '', '', '', '', '', '', m.annualPlan, '', '', m.ytdCompleted, '', or(m.completionRate)]).font = { bold: true };
  projects.addRow([zh ? '开工率' : 'Start rate', or(m.start.rate), zh ? `${m.start.started}/${m.start.due}` : `${m.start.started} of ${m.start.due}`]);
  projects.addRow([zh ? '按期竣工率' : 'On-time completion', or(m.onTimeCompletion.rate), zh ? `${m.onTimeCompletion.onTime}/${m.onTimeCompletion.due}` : `${m.onTimeCompletion.onTime} of ${m.onTimeCompletion.due}`]);
  projects.columns.forEach((c, i) => (c.width = [8, 8, 10, 34, 26, 22][i] ?? 14));
  projects.views = [{ state: 'frozen', ySplit: 2, xSplit: 4 }];
}
