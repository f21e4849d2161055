/**
 * The indicator parts of a report's text — 总体情况, 主要指标完成情况, and the indicator points of 存在的问题 and
 * 下一步工作建议 — in the framing the report's moment calls for: progress (序时进度, forecasts and warnings) while
 * the plan runs, verdicts (完成/未完成, by how much) once its target year has passed. An ended plan is never said to
 * be "at risk", a target met in its own year never "提前完成", and the report asks only for figures it lacks.
 * Every number comes from the report context's rows (the same assessment as the table).
 */
import { inYearSentence } from '../domain/report/inYear';
import { agree, counted } from '../domain/report/plural';
import type { Light } from '../domain/evaluation/lights';
import type { Language } from '../domain/text';
import { percent1 } from '../domain/evaluation/targetText';
import { figure, percent, targetCell } from './cells';
import type { ReportContext } from './context';
import type { IndicatorRow } from './rows';

export interface IndicatorTexts {
  overview: string[];
  indicators: string[];
  problems: string[];
  suggestions: string[];
}

const withLight = (ctx: ReportContext, light: Light) => ctx.rows.filter((r) => r.light === light);
const withStatus = (ctx: ReportContext, ...codes: string[]) => ctx.rows.filter((r) => codes.includes(r.status));
const isFinal = (ctx: ReportContext) => ctx.rows.length > 0 && ctx.rows.every((r) => r.phase === 'final');

/** "3项、2项" lists without zero counts: "已完成3项、未完成1项"; nothing when every count is zero. */
function countList(parts: Array<[string, number]>, lang: Language): string {
  const kept = parts.filter(([, n]) => n > 0);
  return lang === 'zh' ? kept.map(([w, n]) => `${w}${n}项`).join('、') : kept.map(([w, n]) => `${n} ${w}`).join(', ');
}

export function indicatorTexts(ctx: ReportContext): IndicatorTexts {
  return isFinal(ctx) ? finalTexts(ctx) : progressTexts(ctx);
}

function progressTexts(ctx: ReportContext): IndicatorTexts {
  const { lang, counts: c } = ctx;
  const zh = lang === 'zh';
  const year = ctx.asOf.maxYear;
  const s = c.byStatus;
  const n = (...codes: string[]) => codes.reduce((sum, k) => sum + (s[k] ?? 0), 0);
  const detail = countList(
    zh
      ? [['提前完成', n('completed_early', 'completed')], ['快于序时进度', n('ahead')], ['基本符合序时进度', n('on_schedule')], ['处于目标区间', n('within_band')], ['高于目标区间', n('above_band')], ['低于目标区间', n('below_band')], ['滞后于序时进度', n('behind')], ['数据不足', n('insufficient_data')], ...qualitativeCounts(n, lang)]
      : [['completed early', n('completed_early', 'completed')], ['ahead of schedule', n('ahead')], ['broadly on schedule', n('on_schedule')], ['within the target band', n('within_band')], ['above the band', n('above_band')], ['below the band', n('below_band')], ['behind schedule', n('behind')], ['without enough data', n('insufficient_data')], ...qualitativeCounts(n, lang)],
    lang,
  );
  const lights = countList(zh ? [['绿灯（正常）', c.lights.green], ['黄灯（关注）', c.lights.yellow], ['红灯（预警）', c.lights.red], ['灰灯（数据不足）', c.lights.grey]] : [['green (on track)', c.lights.green], ['yellow (watch)', c.lights.yellow], ['red (warning)', c.lights.red], ['grey (no reading)', c.lights.grey]], lang);
  const overview = zh
    ? [`规划指标体系共${c.total}项指标。截至${year}年，${detail}。综合评估结论与趋势预测，${lights}。`]
    : [`The plan's indicator system has ${counted(c.total, 'indicator')}. As of ${year}: ${detail}. Taking the status and the forecasts together: ${lights}.`];

  const indicators = ctx.rows.map((r) => {
    const forecast = r.forecast?.warning ? r.forecast.warning.sentence[lang] : '';
    // The standing's own sentence already says a missed milestone; the progress sentence built here adds it.
    const milestone = PROGRESS_CODES.includes(r.status) && r.missedMilestone ? (zh ? `阶段目标：${r.missedMilestone.zh}` : ` Milestone: ${r.missedMilestone.en}`) : '';
    const text = PROGRESS_CODES.includes(r.status) ? `${progressSentence(r, lang)}${milestone}` : r.sentence[lang];
    // 年内监测: the newest 1–N月 / quarterly figure after the latest annual one, with its 同比.
    const inYear = r.inYear ? inYearSentence(r.inYear, r.unit, lang) : '';
    return zh ? `${text}${forecast}${inYear}` : [text, forecast, inYear].filter((x) => x !== '').join(' ');
  });

  const names = (rows: IndicatorRow[]) => rows.map((r) => r.name[lang]).join(zh ? '、' : '; ');
  const behind = withStatus(ctx, 'behind');
  const red = withLight(ctx, 'red').filter((r) => r.status !== 'behind');
  const grey = withLight(ctx, 'grey');
  const problems: string[] = [];
  if (behind.length > 0) problems.push(zh ? `部分指标滞后于序时进度：${behind.map((r) => `${r.name.zh}（完成进度${percent(r.completion, 'zh')}）`).join('、')}。` : `Behind schedule: ${behind.map((r) => `${r.name.en} (progress ${percent(r.completion, 'en')})`).join('; ')}.`);
  if (red.length > 0) problems.push(zh ? `按当前趋势，${names(red)}到期完成目标存在较大风险。` : `On current trends the targets of ${names(red)} are at serious risk.`);
  if (grey.length > 0) problems.push(zh ? `数据缺口影响评估：${grey.map((r) => `${r.name.zh}（${r.missing?.zh ?? '数据暂缺'}）`).join('；')}。` : `Data gaps prevent assessment: ${grey.map((r) => `${r.name.en} (${r.missing?.en ?? 'not available'})`).join('; ')}.`);
  const suggestions: string[] = [];
  if (behind.length + red.length > 0) suggestions.push(zh ? `针对滞后和预警指标（${names([...behind, ...red])}），深入分析原因，制定针对性措施，加大推进力度。` : `Analyse why ${names([...behind, ...red])} ${agree(behind.length + red.length, 'lags or is', 'lag or are')} at risk, and take targeted measures.`);
  if (grey.length > 0) suggestions.push(zh ? `补齐统计数据：协调统计部门和行业主管部门补充${names(grey)}的数据，统一统计口径。` : `Close the data gaps of ${names(grey)} with the statistics bureau and the departments.`);
  return { overview, indicators, problems, suggestions };
}

function finalTexts(ctx: ReportContext): IndicatorTexts {
  const { lang, counts: c, plan } = ctx;
  const zh = lang === 'zh';
  const s = c.byStatus;
  const n = (...codes: string[]) => codes.reduce((sum, k) => sum + (s[k] ?? 0), 0);
  // A qualitative target assessed 已实现 or 基本实现 is done like a met one; 未实现 is not.
  const done = n('exceeded', 'completed', 'basically_completed', 'achieved', 'largely_achieved');
  const detail = countList(
    zh
      ? [['超额完成', n('exceeded')], ['已完成', n('completed')], ['基本完成', n('basically_completed')], ['高于目标区间', n('above_band')], ['未完成', n('not_completed')], ['无法判定', n('undetermined')], [`${plan.period.end}年数据尚未取得`, n('pending', 'insufficient_data')], ...qualitativeCounts(n, lang)]
      : [['exceeded', n('exceeded')], ['completed', n('completed')], ['basically completed', n('basically_completed')], ['above the target band', n('above_band')], ['not completed', n('not_completed')], ['cannot be judged', n('undetermined')], [`awaiting the ${plan.period.end} figure`, n('pending', 'insufficient_data')], ...qualitativeCounts(n, lang)],
    lang,
  );
  // A target without its target-year figure (a verdict pending, or a growth target lacking a level) awaits data.
  const pendingCount = n('pending', 'insufficient_data');
  const overview =
    pendingCount === c.total
      ? zh
        ? [`规划期已于${plan.period.end}年结束。规划指标体系共${c.total}项指标，${plan.period.end}年数值均尚未取得，暂无法作出终期判断。`]
        : [`The plan period ended in ${plan.period.end}. ${c.total === 1 ? 'Its one indicator has no' : `None of its ${c.total} indicators has a`} ${plan.period.end} value yet, so no final verdict can be given.`]
      : zh
        ? [`规划期已于${plan.period.end}年结束。规划指标体系共${c.total}项指标，按目标年实际值评判：${done > 0 ? `完成目标${done}项` : '尚无指标完成目标'}（${detail}）。`]
        : [`The plan period ended in ${plan.period.end}. Of the ${counted(c.total, 'indicator')}, judged on ${agree(c.total, 'its', 'their')} target-year ${agree(c.total, 'value', 'values')}, ${done === 1 ? '1 met its target' : `${done} met their targets`} (${detail}).`];
  const indicators = ctx.rows.map((r) => r.sentence[lang]);

  const names = (rows: IndicatorRow[]) => rows.map((r) => r.name[lang]).join(zh ? '、' : '; ');
  const missed = withStatus(ctx, 'not_completed', 'not_achieved');
  const above = withStatus(ctx, 'above_band');
  const pending = withStatus(ctx, 'pending', 'undetermined', 'insufficient_data');
  const unassessed = withStatus(ctx, 'not_assessed');
  const problems: string[] = [];
  if (missed.length > 0) {
    problems.push(
      zh
        ? `${missed.length}项指标未完成规划目标：${missed.map((r) => `${r.name.zh}（${missedDetail(r, 'zh')}）`).join('、')}。`
        : `${counted(missed.length, 'indicator')} missed ${agree(missed.length, 'its target', 'their targets')}: ${missed.map((r) => `${r.name.en} (${missedDetail(r, 'en')})`).join('; ')}.`,
    );
  }
  if (above.length > 0) problems.push(zh ? `${names(above)}高于规划预期的目标区间，需说明原因。` : `${names(above)} ended above the band the plan expected; the ${agree(above.length, 'reason is', 'reasons are')} to be explained.`);
  if (pending.length > 0) problems.push(zh ? `${names(pending)}缺少${plan.period.end}年的数值，尚无法作出终期判断。` : `${names(pending)} ${agree(pending.length, 'lacks', 'lack')} the ${plan.period.end} figure, so no final verdict can be given yet.`);
  if (unassessed.length > 0) problems.push(zh ? `${names(unassessed)}的定性目标尚无终期评估结论。` : `The qualitative ${agree(unassessed.length, 'target', 'targets')} of ${names(unassessed)} ${agree(unassessed.length, 'has', 'have')} no final assessment yet.`);
  const suggestions: string[] = [];
  if (missed.length > 0) suggestions.push(zh ? `深入分析${names(missed)}未完成目标的原因，在下一个五年规划中研究提出针对性举措。` : `Analyse why ${names(missed)} missed ${agree(missed.length, 'its target', 'their targets')} and address it in the next five-year plan.`);
  if (pending.length > 0) suggestions.push(zh ? `尽快补齐${names(pending)}的${plan.period.end}年统计数据，完成终期判断。` : `Obtain the ${plan.period.end} figures of ${names(pending)} to complete the final verdict.`);
  if (unassessed.length > 0) suggestions.push(zh ? `由规划部门对${names(unassessed)}作出评估结论（实现、基本实现或未实现）并附佐证材料。` : `Have the planning office assess ${names(unassessed)} (achieved, largely achieved or not achieved) with evidence.`);
  return { overview, indicators, problems, suggestions };
}

/** Qualitative targets by their assessment: 已实现, 基本实现, 进展顺利, 进展滞后, 未实现, 尚待评估. */
function qualitativeCounts(n: (...codes: string[]) => number, lang: Language): Array<[string, number]> {
  return lang === 'zh'
    ? [['已实现', n('achieved')], ['基本实现', n('largely_achieved')], ['进展顺利', n('on_track')], ['进展滞后', n('at_risk')], ['未实现', n('not_achieved')], ['尚待评估', n('not_assessed')]]
    : [['achieved', n('achieved')], ['largely achieved', n('largely_achieved')], ['on track', n('on_track')], ['at risk', n('at_risk')], ['not achieved', n('not_achieved')], ['awaiting an assessment', n('not_assessed')]];
}

/** Statuses of 序时进度, which a report states in words rather than in the method's formula. */
const PROGRESS_CODES = ['completed_early', 'completed', 'ahead', 'on_schedule', 'behind'];

/** "服务业增加值：2023年为21566.38亿元，2020年基期值17190.4亿元，目标为2.5万亿元（2025年），完成进度56.03%，基本符合序时进度。" */
function progressSentence(r: IndicatorRow, lang: Language): string {
  const zh = lang === 'zh';
  const latest = r.latest ? (zh ? `${r.latest.year}年为${figure(r.latest.value, r.unit, 'zh')}` : `${figure(r.latest.value, r.unit, 'en')} in ${r.latest.year}`) : zh ? '最新数据暂缺' : 'latest figure not available';
  const from = r.baseline?.fromData ? (zh ? '（取自统计数据）' : ' (from the statistics)') : '';
  const baseline = r.baseline ? (zh ? `${r.baseline.year}年基期值${figure(r.baseline.value, r.unit, 'zh')}${from}` : `baseline ${figure(r.baseline.value, r.unit, 'en')} (${r.baseline.year})${from}`) : zh ? '基期值数据暂缺' : 'baseline not available';
  return zh
    ? `${r.name.zh}：${latest}，${baseline}，目标为${targetCell(r, 'zh')}，完成进度${percent(r.completion, 'zh')}，${r.statusLabel.zh}。`
    : `${r.name.en}: ${latest}, ${baseline}, target ${targetCell(r, 'en')}, progress ${percent(r.completion, 'en')}: ${r.statusLabel.en}.`;
}

/** 完成96.0%，差1000亿元; 超出0.2个百分点 for a 控制在…以内 target; a band's gap is to the band. */
function missedDetail(r: IndicatorRow, lang: Language): string {
  const zh = lang === 'zh';
  const rate = r.completion !== null && r.target?.comparator === 'at_least' ? (zh ? `完成${percent1(r.completion)}` : `${percent1(r.completion)} of the target`) : null;
  const over = r.target?.comparator === 'at_most';
  const by = figure(r.gap === null ? null : Math.abs(r.gap), r.unit === '%' ? (zh ? '个百分点' : 'percentage points') : r.unit, lang);
  const gap = r.gap !== null ? (zh ? `${over ? '超出' : '差'}${by}` : `${over ? 'over by' : 'short by'} ${by}`) : null;
  const parts = [rate, gap].filter((x): x is string => x !== null);
  if (parts.length === 0) return zh ? `目标${targetCell(r, 'zh')}` : `target ${targetCell(r, 'en')}`;
  return parts.join(zh ? '，' : ', ');
}
