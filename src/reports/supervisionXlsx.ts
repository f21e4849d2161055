/**
 * The Excel report's supervision sheets (issue 16): 重点任务 (every task with its unit, state, light and reasons) and
 * 重大项目 (plan, baseline, completed investment, rates). Numbers stay numbers with number formats (sheetLayout.ts);
 * a missing one reads 数据暂缺.
 */
import type ExcelJS from 'exceljs';
import { NOT_AVAILABLE } from '../domain/unit/format';
import { PROJECT_PHASE_LABELS, TASK_KIND_LABELS, TASK_LIGHT_LABELS, TASK_STATE_LABELS } from '../domain/supervision/terms';
import type { ReportContext } from './context';
import { zhDate, zhTypography } from '../domain/typography';
import { layoutSheet, setFigure, setFraction } from '../services/export/sheetLayout';

export function addSupervisionSheets(wb: ExcelJS.Workbook, ctx: ReportContext): void {
  const s = ctx.supervision;
  if (!s) return;
  const lang = ctx.lang;
  const zh = lang === 'zh';
  const na = NOT_AVAILABLE[lang];
  // Chinese sheets write dates and quotation marks as Chinese documents do (2025年12月31日, “互联网+”).
  const date = (iso: string | null | undefined): string => (!iso ? '' : zh ? zhDate(iso) : iso);
  const text = (s: string): string => (zh ? zhTypography(s) : s);

  const tasks = wb.addWorksheet(zh ? '重点任务' : 'Tasks');
  tasks.addRow(
    zh ? ['编号', '类别', '章', '任务', '牵头单位', '配合单位', '状态', '预警', '原因', '最新进度', '逾期未报', '截止日期', '办结时间', '提级督办']
      : ['Id', 'Kind', 'Chapter', 'Task', 'Lead unit', 'Co-operating units', 'State', 'Light', 'Reasons', 'Latest progress', 'Reports missing', 'Deadline', 'Completed', 'Escalated'],
  );
  for (const t of s.tasks) {
    const row = tasks.addRow([
      t.itemKey ?? `#${t.id}`, TASK_KIND_LABELS[t.kind][lang], t.chapter?.number ?? '', t.title[lang], t.leadUnit?.name[lang] ?? '', t.coUnits.map((u) => u.name[lang]).join(zh ? '、' : '; '),
      TASK_STATE_LABELS[t.state][lang], TASK_LIGHT_LABELS[t.light][lang], t.reasons.map((r) => r.text[lang]).join(zh ? '；' : '; '), null,
      t.missing.join(zh ? '、' : ', '), date(t.deadline), date(t.completedAt?.slice(0, 10)), t.escalated ? (zh ? '是' : 'yes') : '',
    ]);
    setFigure(row.getCell(10), t.percent, '%', na);
  }
  layoutSheet(tasks, { headerRows: 1, freezeColumns: 4 });

  const p = s.projects;
  const projects = wb.addWorksheet(zh ? '重大项目' : 'Projects');
  projects.addRow([zh ? `${p.year}年重大项目进展（截至${zhDate(p.asOf)}）` : `Major projects ${p.year} (as of ${p.asOf})`]).font = { bold: true };
  projects.addRow(
    zh ? ['编号', '专栏', '领域', '项目', '项目代码', '责任单位', '总投资（亿元）', '年度计划投资（亿元）', '基线年度计划（亿元）', '计划版本', '本年累计完成投资（亿元）', '报告期', '年度投资完成率', '与序时进度之差', '项目阶段', '计划开工', '实际开工', '计划竣工', '实际竣工', '形象进度', '存在问题']
      : ['Key', 'Box', 'Field', 'Project', 'Code', 'Owner', 'Total investment', 'Annual plan', 'Baseline annual plan', 'Plan version', 'Completed this year', 'Period', 'Completion rate', 'Gap to time progress', 'Phase', 'Planned start', 'Actual start', 'Planned completion', 'Actual completion', 'Progress', 'Problems'],
  );
  for (const r of p.rows) {
    const row = projects.addRow([
      r.itemKey, r.column ?? '', r.field?.[lang] ?? '', text(r.name[lang]), r.code ?? '', p.unitName(r.ownerUnitId)?.[lang] ?? '', null, null, null, r.plan?.version ?? na,
      null, r.latest?.month ?? na, null, null, r.latest?.phase ? PROJECT_PHASE_LABELS[r.latest.phase][lang] : '', date(r.plan?.plannedStart), date(r.latest?.actualStart),
      date(r.plan?.plannedCompletion), date(r.latest?.actualCompletion), r.latest?.imageProgress ?? '', r.latest?.problems ?? '',
    ]);
    for (const [col, v] of [[7, r.plan?.totalInvestment], [8, r.plan?.annualPlan], [9, r.plan?.baselineAnnualPlan], [11, r.latest?.ytdCompleted]] as const) setFigure(row.getCell(col), v, '亿元', na);
    setFraction(row.getCell(13), r.completionRate, na);
    setFraction(row.getCell(14), r.gap, na);
  }
  const m = p.summary;
  projects.addRow([]);
  const total = projects.addRow([zh ? '合计' : 'Total']);
  total.font = { bold: true };
  setFigure(total.getCell(8), m.annualPlan, '亿元', na);
  setFigure(total.getCell(11), m.ytdCompleted, '亿元', na);
  setFraction(total.getCell(13), m.completionRate, na);
  const starts = projects.addRow([zh ? '开工率' : 'Start rate', null, zh ? `${m.start.started}/${m.start.due}` : `${m.start.started} of ${m.start.due}`]);
  setFraction(starts.getCell(2), m.start.rate, na);
  const onTime = projects.addRow([zh ? '按期竣工率' : 'On-time completion', null, zh ? `${m.onTimeCompletion.onTime}/${m.onTimeCompletion.due}` : `${m.onTimeCompletion.onTime} of ${m.onTimeCompletion.due}`]);
  setFraction(onTime.getCell(2), m.onTimeCompletion.rate, na);
  layoutSheet(projects, { headerRows: 2, titleRows: 1, freezeColumns: 4 });
}
