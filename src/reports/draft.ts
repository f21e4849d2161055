/**
 * The drafted text of a report, section by section in the official order (总体情况; 主要指标完成情况; 重点任务推进情况;
 * 重大项目进展; 存在的问题; 下一步工作建议). Pure: every number comes from the report context — the same evaluation
 * the table shows. A figure that is missing reads "数据暂缺". Paragraphs are separated by a newline; the planner may
 * edit any section's text before export (`applyEdits`), tables and numbers still come from the evaluation.
 */
import type { Language, LocalizedText } from '../domain/text';
import { NOT_AVAILABLE } from '../domain/unit/format';
import { figure, percent, targetCell } from './cells';
import type { ReportContext } from './context';
import { REPORT_TITLES } from './kinds';
import type { IndicatorRow } from './rows';
import { withProsperityBox } from './prosperitySection';

export const SECTION_IDS = ['overview', 'indicators', 'measures', 'projects', 'problems', 'suggestions'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_HEADINGS: Record<SectionId, LocalizedText> = {
  overview: { zh: '一、总体情况', en: '1. Overall situation' },
  indicators: { zh: '二、主要指标完成情况', en: '2. Main indicators' },
  measures: { zh: '三、重点任务推进情况', en: '3. Progress of key measures' },
  projects: { zh: '四、重大项目进展', en: '4. Progress of major projects' },
  problems: { zh: '五、存在的问题', en: '5. Problems' },
  suggestions: { zh: '六、下一步工作建议', en: '6. Recommendations for the next stage' },
};

export interface DraftSection {
  id: SectionId;
  heading: string;
  text: string;
}

export interface ReportDraft {
  title: string;
  subtitle: string;
  sections: DraftSection[];
}

export function draftReport(ctx: ReportContext): ReportDraft {
  const { lang } = ctx;
  const w = lang === 'zh' ? zh(ctx) : en(ctx);
  return {
    title: `${ctx.plan.name[lang]}${lang === 'zh' ? '' : ': '}${REPORT_TITLES[ctx.kind][lang]}`,
    subtitle: lang === 'zh' ? `（截至${ctx.asOf.text}${ctx.asOf.publishedBy ? '' : '年'}）` : `(as of ${ctx.asOf.text})`,
    sections: withProsperityBox(SECTION_IDS.map((id) => ({ id, heading: SECTION_HEADINGS[id][lang], text: w[id].join('\n') })), ctx),
  };
}

/** Replaces the text of the sections the planner edited; unknown section ids are refused by the caller's schema. */
export function applyEdits(draft: ReportDraft, edits: ReadonlyArray<{ id: string; text: string }>): ReportDraft {
  const byId = new Map(edits.map((e) => [e.id, e.text]));
  return { ...draft, sections: draft.sections.map((s) => (byId.has(s.id) ? { ...s, text: byId.get(s.id) ?? s.text } : s)) };
}

export function paragraphs(text: string): string[] {
  return text.split(/\r?\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

type Texts = Record<SectionId, string[]>;

const val = (r: IndicatorRow, x: number | null, lang: Language) => figure(x, r.unit, lang);
const behindRows = (ctx: ReportContext) => ctx.rows.filter((r) => r.status === 'behind');
const unassessed = (ctx: ReportContext) => ctx.rows.filter((r) => r.status === 'insufficient_data');
const warned = (ctx: ReportContext, level: 'red' | 'yellow') => ctx.rows.filter((r) => r.forecast?.warning?.level === level);

/** What is missing for an indicator that cannot be assessed, in words. */
function missing(r: IndicatorRow, lang: Language): string {
  const parts: string[] = [];
  if (!r.baseline) parts.push(lang === 'zh' ? '基期值' : 'baseline');
  if (!r.latest) parts.push(lang === 'zh' ? '最新值' : 'latest figure');
  if (!r.target && !r.growthTarget) parts.push(lang === 'zh' ? '目标值' : 'target');
  if (parts.length === 0) return r.reason?.[lang] ?? NOT_AVAILABLE[lang];
  return lang === 'zh' ? `${parts.join('、')}数据暂缺` : `${parts.join(', ')} not available`;
}

function zh(ctx: ReportContext): Texts {
  const { plan, counts: c, asOf } = ctx;
  const year = asOf.maxYear;
  const kindPhrase = ctx.kind === 'annual' ? `${year}年度监测` : ctx.kind === 'midterm' ? '中期评估' : '总结评估';
  const byDate = asOf.publishedBy ? `（仅采用${asOf.publishedBy}前发布的数据）` : '';
  const lag =
    ctx.latestDataYear === null
      ? '，目前尚无可用的统计数据'
      : ctx.latestDataYear < year
        ? `，其中最新统计数据截至${ctx.latestDataYear}年，${ctx.latestDataYear + 1 === year ? `${year}年` : `${ctx.latestDataYear + 1}—${year}年`}数据暂缺`
        : '';
  const names = (rows: IndicatorRow[]) => rows.map((r) => r.name.zh).join('、');

  const overview = [
    `《${plan.name.zh}》（${plan.period.start}—${plan.period.end}年）由${plan.issuer.zh}组织实施。本报告为规划实施的${kindPhrase}，评估截至${year}年${byDate}，所用数据为平台收录并按优选规则选用的统计数据${lag}。`,
    `规划指标体系共${c.total}项指标。截至${year}年，${c.total}项指标中${c.onTrack}项达到序时进度（其中提前完成${c.completed}项、快于序时进度${c.ahead}项、基本符合序时进度${c.onSchedule}项），${c.behind}项滞后于序时进度，${c.insufficient}项因数据暂缺无法评估。`,
    ctx.forecastsAvailable
      ? `按当前趋势预测，${warned(ctx, 'red').length}项指标亮红灯、${warned(ctx, 'yellow').length}项亮黄灯。`
      : '指标趋势预测暂缺：本报告未纳入预测和预警结果。',
    ...(ctx.figures === 'including_drafts' ? ['注意：本稿包含尚未审核的数据（草稿、已报送），仅供内部研究，不得对外发布。'] : []),
  ];

  const indicators = ctx.rows.map((r) => {
    if (r.status === 'insufficient_data') {
      const latest = r.latest ? `最新值为${val(r, r.latest.value, 'zh')}（${r.latest.year}年），` : '';
      return `${r.name.zh}：${latest}${missing(r, 'zh')}，暂无法评估进度；目标为${targetCell(r, 'zh')}。${r.forecast?.warning?.sentence.zh ?? ''}`;
    }
    const latest = r.latest ? `${r.latest.year}年为${val(r, r.latest.value, 'zh')}` : '最新数据暂缺';
    const baseline = r.baseline ? `${r.baseline.year}年基期值${val(r, r.baseline.value, 'zh')}` : '基期值数据暂缺';
    const warning = r.forecast?.warning ? r.forecast.warning.sentence.zh : '';
    return `${r.name.zh}：${latest}，${baseline}，目标为${targetCell(r, 'zh')}，完成进度${percent(r.completion, 'zh')}，${r.statusLabel.zh}。${warning}`;
  });

  const measureCount = ctx.chapters.reduce((n, ch) => n + ch.measures.length, 0);
  const measures = [
    `规划部署重点任务${measureCount}项，分布在${ctx.chapters.length}章。各项任务推进情况尚未在平台填报（任务进展数据暂缺），本节按章列出规划部署的重点任务，待牵头单位报送进展后补充。`,
    ...ctx.chapters.map((ch) => `第${ch.number}章 ${ch.title.zh}（${ch.measures.length}项）：${ch.measures.map((m) => m.title.zh).join('；')}。`),
  ];

  const projectCount = ctx.projects.reduce((n, g) => n + g.projects.length, 0);
  const columns = [...new Set(ctx.projects.map((g) => g.column))].join('、');
  const projects =
    projectCount === 0
      ? ['规划未列重大项目。']
      : [
          `规划${columns}共列重大项目${projectCount}项。项目建设进展尚未在平台填报（项目进展数据暂缺），本节按专栏和领域列出项目清单，待责任单位报送进展后补充。`,
          ...ctx.projects.map((g) => `${g.column}${g.field ? `·${g.field.zh}` : ''}（${g.projects.length}项）：${g.projects.map((p) => p.zh).join('、')}。`),
        ];

  const problems: string[] = [];
  const behind = behindRows(ctx);
  if (behind.length > 0) problems.push(`部分指标滞后于序时进度：${behind.map((r) => `${r.name.zh}（完成进度${percent(r.completion, 'zh')}）`).join('、')}。`);
  const red = warned(ctx, 'red');
  if (red.length > 0) problems.push(`按当前趋势，${names(red)}到期完成目标存在较大风险。`);
  const gaps = unassessed(ctx);
  if (gaps.length > 0) problems.push(`数据缺口影响评估：${gaps.map((r) => `${r.name.zh}（${missing(r, 'zh')}）`).join('、')}，无法判断进度。`);
  if (ctx.latestDataYear !== null && ctx.latestDataYear < year) problems.push(`统计数据滞后：最新数据截至${ctx.latestDataYear}年，评估年份的数据暂缺。`);
  problems.push('重点任务和重大项目尚未建立进展填报，无法量化评估任务和项目推进情况。');

  const suggestions: string[] = [];
  if (behind.length > 0) suggestions.push(`针对滞后指标（${names(behind)}），深入分析原因，制定针对性措施，加大推进力度。`);
  if (gaps.length > 0) suggestions.push(`补齐统计数据：协调统计部门和行业主管部门补充${names(gaps)}的基期值和最新数据，统一统计口径。`);
  suggestions.push('建立重点任务和重大项目进展填报机制，由牵头单位定期报送进展，纳入平台监测。');
  suggestions.push(
    ctx.kind === 'annual'
      ? `做好${year + 1}年度监测，跟踪指标年度变化，及时预警。`
      : ctx.kind === 'midterm'
        ? '结合中期评估结果，明确规划后半期工作重点，必要时按程序对目标作出调整。'
        : '全面总结规划实施经验，做好与下一个五年规划的衔接。',
  );
  return { overview, indicators, measures, projects, problems: numbered(problems, 'zh'), suggestions: numbered(suggestions, 'zh') };
}

function en(ctx: ReportContext): Texts {
  const { plan, counts: c, asOf } = ctx;
  const year = asOf.maxYear;
  const kindPhrase = ctx.kind === 'annual' ? `annual monitoring for ${year}` : ctx.kind === 'midterm' ? 'mid-term evaluation' : 'final evaluation';
  const byDate = asOf.publishedBy ? ` (only figures published by ${asOf.publishedBy})` : '';
  const lag =
    ctx.latestDataYear === null
      ? '; no figures are available yet'
      : ctx.latestDataYear < year
        ? `; the latest figures are for ${ctx.latestDataYear}, figures for ${ctx.latestDataYear + 1 === year ? year : `${ctx.latestDataYear + 1}–${year}`} are not available`
        : '';
  const names = (rows: IndicatorRow[]) => rows.map((r) => r.name.en).join('; ');

  const overview = [
    `The ${plan.name.en} (${plan.period.start}–${plan.period.end}) is implemented under ${plan.issuer.en}. This report is the ${kindPhrase} of the plan as of ${year}${byDate}, on the figures held by the platform and chosen by its preference rule${lag}.`,
    `The plan's indicator system has ${c.total} indicators. As of ${year}, ${c.onTrack} of the ${c.total} indicators are on or ahead of schedule (completed ${c.completed}, ahead ${c.ahead}, broadly on schedule ${c.onSchedule}), ${c.behind} are behind schedule, and ${c.insufficient} cannot be assessed for lack of data.`,
    ctx.forecastsAvailable
      ? `On current trends, ${warned(ctx, 'red').length} indicators are red and ${warned(ctx, 'yellow').length} yellow.`
      : 'Forecasts are not available: this report contains no forecasts or warnings.',
    ...(ctx.figures === 'including_drafts' ? ['Note: this draft includes figures not yet approved (drafts, submitted); for internal study only, not for publication.'] : []),
  ];

  const indicators = ctx.rows.map((r) => {
    if (r.status === 'insufficient_data') {
      const latest = r.latest ? `latest value ${val(r, r.latest.value, 'en')} (${r.latest.year}); ` : '';
      const warning = r.forecast?.warning ? ` ${r.forecast.warning.sentence.en}` : '';
      return `${r.name.en}: ${latest}${missing(r, 'en')}, progress cannot be assessed; target ${targetCell(r, 'en')}.${warning}`;
    }
    const latest = r.latest ? `${val(r, r.latest.value, 'en')} in ${r.latest.year}` : 'latest figure not available';
    const baseline = r.baseline ? `baseline ${val(r, r.baseline.value, 'en')} (${r.baseline.year})` : 'baseline not available';
    const warning = r.forecast?.warning ? ` ${r.forecast.warning.sentence.en}` : '';
    return `${r.name.en}: ${latest}, ${baseline}, target ${targetCell(r, 'en')}, progress ${percent(r.completion, 'en')}: ${r.statusLabel.en}.${warning}`;
  });

  const measureCount = ctx.chapters.reduce((n, ch) => n + ch.measures.length, 0);
  const measures = [
    `The plan sets out ${measureCount} key measures in ${ctx.chapters.length} chapters. Their progress has not yet been reported to the platform (not available); this section lists the measures by chapter until the lead departments report.`,
    ...ctx.chapters.map((ch) => `Chapter ${ch.number} ${ch.title.en} (${ch.measures.length}): ${ch.measures.map((m) => m.title.en).join('; ')}.`),
  ];

  const projectCount = ctx.projects.reduce((n, g) => n + g.projects.length, 0);
  const projects =
    projectCount === 0
      ? ['The plan lists no major projects.']
      : [
          `The plan lists ${projectCount} major projects. Their progress has not yet been reported to the platform (not available); this section lists them by box and field.`,
          ...ctx.projects.map((g) => `${g.column}${g.field ? ` · ${g.field.en}` : ''} (${g.projects.length}): ${g.projects.map((p) => p.en).join('; ')}.`),
        ];

  const problems: string[] = [];
  const behind = behindRows(ctx);
  if (behind.length > 0) problems.push(`Indicators behind schedule: ${behind.map((r) => `${r.name.en} (progress ${percent(r.completion, 'en')})`).join('; ')}.`);
  const red = warned(ctx, 'red');
  if (red.length > 0) problems.push(`On current trends the targets of ${names(red)} are at serious risk.`);
  const gaps = unassessed(ctx);
  if (gaps.length > 0) problems.push(`Data gaps prevent assessment: ${gaps.map((r) => `${r.name.en} (${missing(r, 'en')})`).join('; ')}.`);
  if (ctx.latestDataYear !== null && ctx.latestDataYear < year) problems.push(`Figures lag: the latest are for ${ctx.latestDataYear}; figures for the evaluation year are not available.`);
  problems.push('Progress of key measures and major projects is not yet reported, so it cannot be assessed.');

  const suggestions: string[] = [];
  if (behind.length > 0) suggestions.push(`Analyse why ${names(behind)} lag and take targeted measures.`);
  if (gaps.length > 0) suggestions.push(`Close the data gaps: ask the statistics bureau and the departments for baselines and latest figures of ${names(gaps)}.`);
  suggestions.push('Set up regular progress reporting for key measures and major projects by their lead departments.');
  suggestions.push(
    ctx.kind === 'annual'
      ? `Monitor ${year + 1} and warn early.`
      : ctx.kind === 'midterm'
        ? 'Set the priorities for the second half of the plan and, where needed, adjust targets by the due procedure.'
        : 'Draw the lessons of the plan and link them to the next five-year plan.',
  );
  return { overview, indicators, measures, projects, problems: numbered(problems, 'en'), suggestions: numbered(suggestions, 'en') };
}

function numbered(items: string[], lang: Language): string[] {
  return items.map((t, i) => (lang === 'zh' ? `（${'一二三四五六七八九十'[i] ?? i + 1}）${t}` : `(${i + 1}) ${t}`));
}
