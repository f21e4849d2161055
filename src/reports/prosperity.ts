/**
 * The 服务业景气指数 in the annual and mid-term reports: a box (专栏, as government reports set one apart from their
 * numbered sections) after 主要指标完成情况, drafted from the survey's indices as they stood at the report's as-of
 * date: the latest climate and confidence indices, the composite indices and their turning points, and the signal
 * lights. Pure drafting here; `loadProsperityBrief` gathers the numbers once for the report context.
 */
import type { AsOf } from '../domain/evaluation/asOf';
import { LIGHT_LABELS, type Light } from '../domain/prosperity/signals';
import type { Language, LocalizedText } from '../domain/text';
import { climateIndices, compositeIndices } from '../services/prosperity/indices';
import { surveyPage } from '../services/prosperity/query';
import type { Database } from './database';
import type { DraftSection } from './draft';
import type { ReportKind } from './kinds';

export const PROSPERITY_SECTION_ID = 'prosperity';
export const PROSPERITY_HEADING: LocalizedText = { zh: '专栏　服务业景气指数', en: 'Box: service-industry prosperity index' };

export interface ProsperityBrief {
  survey: LocalizedText;
  synthetic: boolean;
  period: string;
  respondents: number;
  climate: { value: number | null; previous: number | null } | null;
  confidence: { value: number | null } | null;
  baseYear: number | null;
  coincident: { level: number | null; yearAgo: number | null } | null;
  leading: { level: number | null; threeMonthsAgo: number | null } | null;
  lastTurn: { group: 'leading' | 'coincident'; kind: 'peak' | 'trough'; period: string } | null;
  signal: { score: number | null; light: Light | null; lights: Array<{ name: LocalizedText; light: Light | null }> } | null;
}

/** The last period a report as of `asOf` may use: December (or Q4) of the as-of year, or the as-of date's month. */
function lastPeriodOf(asOf: AsOf, frequency: string): string {
  if (asOf.publishedBy) {
    const month = Number(asOf.publishedBy.slice(5, 7));
    return frequency === 'monthly' ? asOf.publishedBy.slice(0, 7) : `${asOf.maxYear}Q${Math.ceil(month / 3)}`;
  }
  return frequency === 'monthly' ? `${asOf.maxYear}-12` : `${asOf.maxYear}Q4`;
}

/** The numbers of the box, from the first survey; null when there is no survey or no wave by the as-of date. */
export async function loadProsperityBrief(database: Database, asOf: AsOf): Promise<ProsperityBrief | null> {
  const summary = (await surveyPage(database, 1, undefined)).items[0];
  if (!summary) return null;
  const upTo = lastPeriodOf(asOf, summary.frequency);
  const [{ points }, { cycle }] = await Promise.all([climateIndices(database, summary.code, { to: upTo }), compositeIndices(database, summary.code, upTo)]);
  const period = cycle.periods[cycle.periods.length - 1];
  if (!period) return null;
  const at = (kind: 'climate' | 'confidence', p: string | undefined) => points.find((x) => x.group === 'all' && x.kind === kind && x.period === p);
  const t = cycle.periods.length - 1;
  const level = (g: string, back: number) => cycle.indices.find((x) => x.group === g)?.level[t - back] ?? null;
  const turns = cycle.indices
    .filter((g) => g.group !== 'lagging')
    .flatMap((g) => g.turningPoints.map((p) => ({ group: g.group as 'leading' | 'coincident', kind: p.kind, index: p.index })))
    .sort((a, b) => b.index - a.index);
  const row = cycle.signals[cycle.signals.length - 1];
  const now = at('climate', period);
  return {
    survey: summary.name,
    synthetic: summary.synthetic,
    period,
    respondents: now?.nCurrent ?? 0,
    climate: now ? { value: now.value, previous: at('climate', cycle.periods[t - 1])?.value ?? null } : null,
    confidence: at('confidence', period) ? { value: at('confidence', period)?.value ?? null } : null,
    baseYear: cycle.baseYear,
    coincident: cycle.indices.some((g) => g.group === 'coincident') ? { level: level('coincident', 0), yearAgo: level('coincident', 12) } : null,
    leading: cycle.indices.some((g) => g.group === 'leading') ? { level: level('leading', 0), threeMonthsAgo: level('leading', 3) } : null,
    lastTurn: turns[0] ? { group: turns[0].group, kind: turns[0].kind, period: cycle.periods[turns[0].index] ?? '' } : null,
    signal: row ? { score: row.score, light: row.light, lights: cycle.signalComponents.map((c) => ({ name: c.name, light: row.lights[c.code]?.light ?? null })) } : null,
  };
}

const n1 = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toFixed(1));

/** The box's text in the report's language, or null where it does not belong (the final report, no survey). */
export function prosperitySection(brief: ProsperityBrief | null, kind: ReportKind, lang: Language): DraftSection | null {
  if (!brief || kind === 'final') return null;
  const text = lang === 'zh' ? zh(brief) : en(brief);
  return { id: PROSPERITY_SECTION_ID as DraftSection['id'], heading: PROSPERITY_HEADING[lang], text: text.join('\n') };
}

function zh(b: ProsperityBrief): string[] {
  const out: string[] = [];
  const c = b.climate;
  if (c && c.value !== null) {
    const d = c.previous === null ? '' : `，比上期${c.value >= c.previous ? '上升' : '下降'}${n1(Math.abs(c.value - c.previous))}点`;
    out.push(`根据${b.survey.zh}（${b.period}，样本企业${b.respondents}家），服务业企业景气指数为${n1(c.value)}${d}，${c.value >= 100 ? '位于100的临界值以上，企业对经营状况的判断总体偏乐观' : '位于100的临界值以下，企业对经营状况的判断总体偏谨慎'}；企业家信心指数为${n1(b.confidence?.value) ?? '数据暂缺'}。`);
  } else out.push(`${b.survey.zh}${b.period}的企业景气指数数据暂缺（样本不足或未公布）。`);
  const co = b.coincident;
  const le = b.leading;
  if (co?.level !== null && co?.level !== undefined) {
    const yoy = co.yearAgo === null ? '' : `，比上年同期${co.level >= co.yearAgo ? '上升' : '下降'}${n1(Math.abs(co.level - co.yearAgo))}点`;
    const lead = le?.level !== null && le?.level !== undefined && le.threeMonthsAgo !== null ? `；先行指数为${n1(le.level)}，近三个月${le.level >= le.threeMonthsAgo ? '回升，预示未来几个月服务业景气趋于上行' : '回落，预示未来几个月服务业景气趋于放缓'}` : '';
    const turn = b.lastTurn ? `。按Bry–Boschan规则，${b.lastTurn.group === 'leading' ? '先行' : '一致'}指数最近一个转折点为${b.lastTurn.period}的${b.lastTurn.kind === 'peak' ? '峰' : '谷'}` : '';
    out.push(`合成指数（${b.baseYear ?? ''}年=100）：一致指数为${n1(co.level)}${yoy}${lead}${turn}。`);
  }
  const s = b.signal;
  if (s && s.score !== null && s.light) {
    const by = (l: Light) => s.lights.filter((x) => x.light === l).map((x) => x.name.zh);
    const parts = (['red', 'yellow', 'green', 'lightBlue', 'blue'] as const).filter((l) => by(l).length > 0).map((l) => `${LIGHT_LABELS[l].zh}${by(l).length}项（${by(l).join('、')}）`);
    out.push(`景气信号灯：${b.period}预警指数为${n1(s.score)}，综合为${LIGHT_LABELS[s.light].zh}；其中${parts.join('，')}。`);
  }
  if (b.synthetic) out.push('注：本专栏所用样本企业和问卷答案为合成数据（演示用），不反映真实企业情况：样本抽自企业数据库中的合成企业，抽取真实企业样本并开展正式调查后替换。');
  return out;
}

function en(b: ProsperityBrief): string[] {
  const out: string[] = [];
  const c = b.climate;
  if (c && c.value !== null) {
    const d = c.previous === null ? '' : `, ${c.value >= c.previous ? 'up' : 'down'} ${n1(Math.abs(c.value - c.previous))} points on the previous wave`;
    out.push(`In the ${b.survey.en} (${b.period}, ${b.respondents} enterprises), the business climate index of service enterprises was ${n1(c.value)}${d}, ${c.value >= 100 ? 'above the threshold of 100: enterprises judge their business favourably on balance' : 'below the threshold of 100: enterprises judge their business unfavourably on balance'}; the entrepreneur confidence index was ${n1(b.confidence?.value) ?? 'not available'}.`);
  } else out.push(`The business climate index of ${b.period} is not available (too few respondents or not published).`);
  const co = b.coincident;
  const le = b.leading;
  if (co?.level !== null && co?.level !== undefined) {
    const yoy = co.yearAgo === null ? '' : `, ${co.level >= co.yearAgo ? 'up' : 'down'} ${n1(Math.abs(co.level - co.yearAgo))} points on a year earlier`;
    const lead = le?.level !== null && le?.level !== undefined && le.threeMonthsAgo !== null ? `; the leading index was ${n1(le.level)}, ${le.level >= le.threeMonthsAgo ? 'rising over three months: the service economy is likely to pick up in the coming months' : 'falling over three months: the service economy is likely to slow in the coming months'}` : '';
    const turn = b.lastTurn ? `. By the Bry–Boschan rules, the latest turning point of the ${b.lastTurn.group} index was a ${b.lastTurn.kind} in ${b.lastTurn.period}` : '';
    out.push(`Composite indices (${b.baseYear ?? ''} = 100): the coincident index was ${n1(co.level)}${yoy}${lead}${turn}.`);
  }
  const s = b.signal;
  if (s && s.score !== null && s.light) {
    const by = (l: Light) => s.lights.filter((x) => x.light === l).map((x) => x.name.en);
    const parts = (['red', 'yellow', 'green', 'lightBlue', 'blue'] as const).filter((l) => by(l).length > 0).map((l) => `${LIGHT_LABELS[l].en}: ${by(l).join(', ')}`);
    out.push(`Signal lights: in ${b.period} the signal score was ${n1(s.score)}, overall ${LIGHT_LABELS[s.light].en}; ${parts.join('; ')}.`);
  }
  if (b.synthetic) out.push('Note: the enterprises and answers behind this box are synthetic demo data, not real enterprises: the panel is drawn from the enterprise database’s synthetic enterprises, and is replaced once a panel of real enterprises is drawn and the survey runs.');
  return out;
}
