/**
 * The drafted text of a report, section by section in the official order (总体情况; 主要指标完成情况; 重点任务推进情况;
 * 重大项目进展; 存在的问题; 下一步工作建议). Pure: every number comes from the report context — the same evaluation
 * the table shows. A figure that is missing reads "数据暂缺". Paragraphs are separated by a newline; the planner may
 * edit any section's text before export (`applyEdits`), tables and numbers still come from the evaluation.
 */
import { agree, counted } from '../domain/report/plural';
import type { Language, LocalizedText } from '../domain/text';
import { zhDate, zhTypography } from '../domain/typography';
import type { ReportContext } from './context';
import { REPORT_TITLES } from './kinds';
import { ended } from './cells';
import { indicatorTexts } from './draftIndicators';
import { qualityParagraph } from './quality';
import { versionParagraph } from './version';
import { measuresText, projectsText } from './supervision';
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
    title: lang === 'zh' ? zhTypography(`${ctx.plan.name.zh}${REPORT_TITLES[ctx.kind].zh}`) : `${ctx.plan.name.en}: ${REPORT_TITLES[ctx.kind].en}`,
    subtitle: lang === 'zh' ? `（截至${zhDate(ctx.asOf.text)}）` : `(as of ${ctx.asOf.text})`,
    // 重点任务推进情况 and 重大项目进展 come from the supervision records once there are any (reports/supervision.ts).
    sections: withProsperityBox(
      SECTION_IDS.map((id) => {
      const recorded = id === 'measures' ? measuresText(ctx.supervision, ctx.kind, lang) : id === 'projects' ? projectsText(ctx.supervision, lang) : null;
      const text = recorded ? (lang === 'zh' ? recorded.map(zhTypography) : recorded) : w[id];
        return { id, heading: SECTION_HEADINGS[id][lang], text: text.join('\n') };
      }),
      ctx,
    ),
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


function zh(ctx: ReportContext): Texts {
  const { plan, asOf } = ctx;
  // After the plan has ended, the year that matters is its target year: later years are never asked for.
  const isFinal = ended(ctx);
  const year = isFinal ? plan.period.end : asOf.maxYear;
  const kindPhrase = ctx.kind === 'annual' ? `${year}年度监测` : ctx.kind === 'midterm' ? '中期评估' : '总结评估';
  const byDate = asOf.publishedBy ? `（仅采用${zhDate(asOf.text)}前发布的数据）` : '';
  const lag =
    ctx.latestDataYear === null
      ? '，目前尚无可用的统计数据'
      : ctx.latestDataYear < year
        ? `，其中最新统计数据截至${ctx.latestDataYear}年，${ctx.latestDataYear + 1 === year ? `${year}年` : `${ctx.latestDataYear + 1}—${year}年`}数据暂缺`
        : '';
  const ind = indicatorTexts(ctx);
  const scope = isFinal ? `按规划目标年（${year}年）的实际值评判` : `评估截至${year}年`;

  const overview = [
    `《${plan.name.zh}》（${plan.period.start}—${plan.period.end}年）由${plan.issuer.zh}组织实施。本报告为规划实施的${kindPhrase}，${scope}${byDate}，所用数据为平台收录并按优选规则选用的统计数据${lag}。`,
    ...versionParagraph(ctx.version, 'zh'),
    ...ind.overview,
    ...(ctx.figures === 'including_drafts' ? ['注意：本稿包含尚未审核的数据（草稿、已报送），仅供内部研究，不得对外发布。'] : []),
    ...qualityParagraph(ctx.quality, ctx.kind, 'zh'),
  ];

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

  const problems = [...ind.problems];
  if (ctx.latestDataYear !== null && ctx.latestDataYear < year && !isFinal) problems.push(`统计数据滞后：最新数据截至${ctx.latestDataYear}年，评估年份的数据暂缺。`);
  if (!ctx.supervision?.recorded) problems.push('重点任务和重大项目尚未建立进展填报，无法量化评估任务和项目推进情况。');

  const suggestions = [...ind.suggestions];
  suggestions.push(ctx.supervision?.recorded ? '对红灯和逾期事项加强督办，督促牵头单位按时报送进展、按期完成时间节点。' : '建立重点任务和重大项目进展填报机制，由牵头单位定期报送进展，纳入平台监测。');
  suggestions.push(
    ctx.kind === 'annual'
      ? `做好${year + 1}年度监测，跟踪指标年度变化，及时预警。`
      : ctx.kind === 'midterm'
        ? '结合中期评估结果，明确规划后半期工作重点，必要时按程序对目标作出调整。'
        : '全面总结规划实施经验，做好与下一个五年规划的衔接。',
  );
  const texts = { overview, indicators: ind.indicators, measures, projects, problems: numbered(problems, 'zh'), suggestions: numbered(suggestions, 'zh') };
  // Chinese typography in all generated text: “” quotes and full-width punctuation (plan names carry "十四五").
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.map(zhTypography)])) as Texts;
}

function en(ctx: ReportContext): Texts {
  const { plan, asOf } = ctx;
  const isFinal = ended(ctx);
  const year = isFinal ? plan.period.end : asOf.maxYear;
  const kindPhrase = ctx.kind === 'annual' ? `annual monitoring for ${year}` : ctx.kind === 'midterm' ? 'mid-term evaluation' : 'final evaluation';
  const byDate = asOf.publishedBy ? ` (only figures published by ${asOf.publishedBy})` : '';
  const lag =
    ctx.latestDataYear === null
      ? '; no figures are available yet'
      : ctx.latestDataYear < year
        ? `; the latest figures are for ${ctx.latestDataYear}, figures for ${ctx.latestDataYear + 1 === year ? year : `${ctx.latestDataYear + 1}–${year}`} are not available`
        : '';
  const ind = indicatorTexts(ctx);

  const overview = [
    `The ${plan.name.en} (${plan.period.start}–${plan.period.end}) is implemented under ${plan.issuer.en}. This report is the ${kindPhrase} of the plan ${isFinal ? `on the actual values of its target year ${year}` : `as of ${year}`}${byDate}, on the figures held by the platform and chosen by its preference rule${lag}.`,
    ...versionParagraph(ctx.version, 'en'),
    ...ind.overview,
    ...(ctx.figures === 'including_drafts' ? ['Note: this draft includes figures not yet approved (drafts, submitted); for internal study only, not for publication.'] : []),
    ...qualityParagraph(ctx.quality, ctx.kind, 'en'),
  ];

  const measureCount = ctx.chapters.reduce((n, ch) => n + ch.measures.length, 0);
  const measures = [
    `The plan sets out ${counted(measureCount, 'key measure')} in ${counted(ctx.chapters.length, 'chapter')}. ${agree(measureCount, 'Its', 'Their')} progress has not yet been reported to the platform (not available); this section lists the measures by chapter until the lead departments report.`,
    ...ctx.chapters.map((ch) => `Chapter ${ch.number} ${ch.title.en} (${ch.measures.length}): ${ch.measures.map((m) => m.title.en).join('; ')}.`),
  ];

  const projectCount = ctx.projects.reduce((n, g) => n + g.projects.length, 0);
  const projects =
    projectCount === 0
      ? ['The plan lists no major projects.']
      : [
          `The plan lists ${counted(projectCount, 'major project')}. ${agree(projectCount, 'Its', 'Their')} progress has not yet been reported to the platform (not available); this section lists ${agree(projectCount, 'it', 'them')} by box and field.`,
          ...ctx.projects.map((g) => `${g.column}${g.field ? ` · ${g.field.en}` : ''} (${g.projects.length}): ${g.projects.map((p) => p.en).join('; ')}.`),
        ];

  const problems = [...ind.problems];
  if (ctx.latestDataYear !== null && ctx.latestDataYear < year && !isFinal) problems.push(`Figures lag: the latest are for ${ctx.latestDataYear}; figures for the evaluation year are not available.`);
  if (!ctx.supervision?.recorded) problems.push('Progress of key measures and major projects is not yet reported, so it cannot be assessed.');

  const suggestions = [...ind.suggestions];
  suggestions.push(ctx.supervision?.recorded ? 'Step up supervision of red and overdue items: lead units report on time and meet their nodes.' : 'Set up regular progress reporting for key measures and major projects by their lead departments.');
  suggestions.push(
    ctx.kind === 'annual'
      ? `Monitor ${year + 1} and warn early.`
      : ctx.kind === 'midterm'
        ? 'Set the priorities for the second half of the plan and, where needed, adjust targets by the due procedure.'
        : 'Draw the lessons of the plan and link them to the next five-year plan.',
  );
  return { overview, indicators: ind.indicators, measures, projects, problems: numbered(problems, 'en'), suggestions: numbered(suggestions, 'en') };
}

function numbered(items: string[], lang: Language): string[] {
  return items.map((t, i) => (lang === 'zh' ? `（${'一二三四五六七八九十'[i] ?? i + 1}）${t}` : `(${i + 1}) ${t}`));
}
