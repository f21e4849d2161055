/**
 * The indicator table as people read it, in either language. A missing figure reads "数据暂缺" (never 0, never
 * blank); a missing forecast reads "预测暂缺". Word, PDF and Excel print these same strings.
 */
import type { Language, LocalizedText } from '../domain/text';
import { NOT_AVAILABLE, formatValue } from '../domain/unit/format';
import { readable } from '../domain/evaluation/format';
import { percent1 } from '../domain/evaluation/targetText';
import type { IndicatorRow } from './rows';

export const FORECAST_NOT_AVAILABLE: LocalizedText = { zh: '预测暂缺', en: 'forecast not available' };

export const ATTRIBUTE_LABELS: Record<IndicatorRow['attribute'], LocalizedText> = {
  expected: { zh: '预期性', en: 'Expected' },
  binding: { zh: '约束性', en: 'Binding' },
};

/** Relative widths of the table's columns (percent of the text width), shared by Word and PDF. */
export const COLUMN_WIDTHS = { number: 4, name: 16, attribute: 8, baseline: 11, latest: 13, target: 11, completion: 8, status: 11, forecast: 18 } as const;

export const TABLE_COLUMNS = ['number', 'name', 'attribute', 'baseline', 'latest', 'target', 'completion', 'status', 'forecast'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** The table's headers; after the target year (`final`) the columns say what a final evaluation reports. */
export function columnHeaders(lang: Language, baseYear: number, final = false): Record<TableColumn, string> {
  const zh = { number: '序号', name: '指标', attribute: '属性', baseline: `${baseYear}年基期值`, latest: '最新值（年份）', target: '目标值', completion: '完成进度', status: '状态', forecast: '预测及达标概率' };
  const en = { number: 'No.', name: 'Indicator', attribute: 'Attribute', baseline: `Baseline ${baseYear}`, latest: 'Latest value (year)', target: 'Target', completion: 'Progress', status: 'Status', forecast: 'Forecast and probability' };
  if (!final) return lang === 'zh' ? zh : en;
  return lang === 'zh'
    ? { ...zh, latest: '目标年实际值', completion: '完成率', status: '终期判断', forecast: '说明' }
    : { ...en, latest: 'Target-year value', completion: 'Share of target', status: 'Verdict', forecast: 'Remarks' };
}

/** The light as a word beside the status, so a printed black-and-white page still says it. */
const LIGHT_WORDS: Record<IndicatorRow['light'], LocalizedText> = {
  green: { zh: '绿灯', en: 'green' },
  yellow: { zh: '黄灯', en: 'yellow' },
  red: { zh: '红灯', en: 'red' },
  grey: { zh: '灰灯', en: 'grey' },
};

/**
 * A figure for people: at most two decimals (a share derived from two figures would otherwise print 15.860969356%),
 * three significant digits below 1 (0.282吨标准煤/万元, not 0.28), with its unit; null reads 数据暂缺.
 */
export function figure(value: number | null, unit: string, lang: Language): string {
  return formatValue(value === null ? null : readable(value), unit, lang);
}

/** "56.03%", or 数据暂缺. */
export function percent(x: number | null, lang: Language): string {
  return x === null || !Number.isFinite(x) ? NOT_AVAILABLE[lang] : `${Number((x * 100).toFixed(2))}%`;
}

export function yearLabel(year: number, lang: Language): string {
  return lang === 'zh' ? `${year}年` : String(year);
}

/** A qualitative target has no figures: its number cells say "not applicable", never "数据暂缺". */
const NOT_APPLICABLE = '—';
const qualitative = (r: IndicatorRow) => r.target?.kind === 'qualitative';

export function latestCell(r: IndicatorRow, lang: Language): string {
  if (qualitative(r)) return NOT_APPLICABLE;
  if (!r.latest) return NOT_AVAILABLE[lang];
  const v = figure(r.latest.value, r.unit, lang);
  // After the target year a cumulative target's value is the cumulative amount, not the year's level.
  if (r.phase === 'final' && r.target?.kind === 'cumulative') return lang === 'zh' ? `累计${v}（截至${r.latest.year}年）` : `${v} cumulative (to ${r.latest.year})`;
  return lang === 'zh' ? `${v}（${r.latest.year}年）` : `${v} (${r.latest.year})`;
}

export function baselineCell(r: IndicatorRow, baseYear: number, lang: Language): string {
  if (qualitative(r)) return NOT_APPLICABLE;
  if (!r.baseline) return NOT_AVAILABLE[lang];
  const v = figure(r.baseline.value, r.unit, lang);
  return r.baseline.year === baseYear ? v : `${v}${lang === 'zh' ? `（${r.baseline.year}年）` : ` (${r.baseline.year})`}`;
}

export function targetCell(r: IndicatorRow, lang: Language): string {
  if (!r.target) return r.growthTarget ?? NOT_AVAILABLE[lang];
  // English says a 左右 target as "about …"; the printed Chinese target is for the Chinese text only — except a
  // qualitative target, which has no value: its statement is printed in either language.
  const printed = (lang === 'zh' || r.target.value === null) && r.target.printed ? r.target.printed : `${r.target.comparator === 'about' ? 'about ' : ''}${figure(r.target.value, r.unit, lang)}`;
  // A printed target may carry its year already ("2028年达到3000万标箱"): the year is not said twice.
  if (lang === 'zh' && printed.includes(`${r.target.year}年`)) return printed;
  return lang === 'zh' ? `${printed}（${r.target.year}年）` : `${printed} (${r.target.year})`;
}

/** A forecast is no more precise than its interval: whole numbers from 100 up, else two decimals. */
function forecastFigure(x: number, unit: string, lang: Language): string {
  return Math.abs(x) >= 100 ? formatValue(Math.round(x), unit, lang) : figure(x, unit, lang);
}

export function forecastCell(r: IndicatorRow, lang: Language): string {
  // After the target year there is nothing to forecast: the cell says, in a few words, what the verdict rests on.
  if (r.phase === 'final') return finalRemark(r, lang);
  const f = r.forecast;
  if (!f || !f.atTarget) return FORECAST_NOT_AVAILABLE[lang];
  const a = f.atTarget;
  const v = forecastFigure(a.point, r.unit, lang);
  const band = `${forecastFigure(a.lo80, r.unit, lang)}–${forecastFigure(a.hi80, r.unit, lang)}`;
  const p = f.probability === null ? NOT_AVAILABLE[lang] : `${Math.round(f.probability * 100)}%`;
  return lang === 'zh' ? `${a.year}年预计${v}（80%区间${band}），达标概率${p}` : `${a.year}: ${v} (80% interval ${band}); probability of meeting the target ${p}`;
}

function finalRemark(r: IndicatorRow, lang: Language): string {
  const zh = lang === 'zh';
  const unit = r.unit === '%' ? (zh ? '个百分点' : 'percentage points') : r.unit;
  if (qualitative(r)) return r.status === 'not_assessed' ? (zh ? '待录入评估结论' : 'awaiting an assessment') : NOT_APPLICABLE;
  if (!r.latest) {
    const year = r.target?.year;
    const known = r.lastKnown ? (zh ? `；最新为${r.lastKnown.year}年${figure(r.lastKnown.value, r.unit, 'zh')}` : `; latest ${figure(r.lastKnown.value, r.unit, 'en')} (${r.lastKnown.year})`) : '';
    return zh ? `待导入${year !== undefined ? `${year}年` : '目标年'}数值${known}` : `awaiting the ${year ?? 'target-year'} figure${known}`;
  }
  if (r.status === 'not_completed' && r.gap !== null) return zh ? `${r.target?.comparator === 'at_most' ? '超出' : '差'}${figure(Math.abs(r.gap), unit, 'zh')}` : `${r.target?.comparator === 'at_most' ? 'over by' : 'short by'} ${figure(Math.abs(r.gap), unit, 'en')}`;
  if (r.status === 'above_band' && r.target?.band && r.latest) return zh ? `高于区间上限${figure(r.latest.value - r.target.band[1], unit, 'zh')}` : `${figure(r.latest.value - r.target.band[1], unit, 'en')} above the band`;
  return '—';
}

/** @param position the row's place in the table, numbering an indicator the plan printed without a 序号. */
export function rowCells(r: IndicatorRow, position: number, baseYear: number, lang: Language): Record<TableColumn, string> {
  return {
    number: String(r.number ?? position + 1),
    name: r.name[lang],
    attribute: ATTRIBUTE_LABELS[r.attribute][lang],
    baseline: baselineCell(r, baseYear, lang),
    latest: latestCell(r, lang),
    target: targetCell(r, lang),
    completion: qualitative(r) ? NOT_APPLICABLE : r.phase === 'final' && r.completion !== null ? percent1(r.completion) : percent(r.completion, lang),
    status: `${r.statusLabel[lang]}${lang === 'zh' ? '·' : ' · '}${LIGHT_WORDS[r.light][lang]}`,
    forecast: forecastCell(r, lang),
  };
}

/** Printed under the table, so a reader knows how progress and status were worked out. */
export const TABLE_NOTE: LocalizedText = {
  zh: '注：完成进度 = (最新值 − 基期值) ÷ (目标值 − 基期值)；状态按序时进度法判断（完成进度与时间进度之差在±5个百分点以内为基本符合序时进度），“左右”目标按目标区间判断；信号灯为状态与趋势预测中较差者；“数据暂缺”表示平台尚无该数据，“预测暂缺”表示尚无预测结果。',
  en: 'Note: progress = (latest − baseline) ÷ (target − baseline); status by time-proportional progress (within ±5 points of elapsed time = broadly on schedule), “about” targets by their band; the light is the worse of the status and the forecast; “not available” means the platform holds no such figure.',
};

/** The note of a final evaluation's table. */
export const FINAL_TABLE_NOTE: LocalizedText = {
  zh: '注：完成率 = 目标年实际值 ÷ 目标值；“突破/达到”类目标实际值不低于目标值为完成，超过目标值为超额完成；“左右”目标实际值处于目标区间内为基本完成，低于区间为未完成，高于区间单列说明；“控制在……以内”类目标实际值不高于目标值为完成。',
  en: 'Note: share of target = target-year value ÷ target; an at-least target is met when the value reaches it (exceeded when it passes it); an “about” target is basically completed inside its band, not completed below it, and above it is flagged; an at-most target is met when the value does not pass it.',
};

/** Whether the report's indicators are all past their target year (a final evaluation's table). */
export const ended = (ctx: { rows: readonly IndicatorRow[] }): boolean => ctx.rows.length > 0 && ctx.rows.every((r) => r.phase === 'final');
