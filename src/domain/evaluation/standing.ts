/**
 * 评估结论: where one indicator stands, in one status — the thing its light (./light.ts) is made of.
 *
 * Phase: before the target year has ended (as of its last day) an indicator is in progress; from then on it gets
 * the final verdict (./verdict.ts) on the target year's value, and later years never enter (no E > 100%).
 *
 * In progress:
 * - a 左右 (about) target is read against its band, with or without a baseline: inside → 符合目标区间; past it on
 *   the side the indicator should move to → 高于目标区间 (flagged); short of it → the 序时进度 status where a
 *   baseline allows one, else 低于目标区间;
 * - another level target is read by 序时进度 (time-proportional progress, ./timeProportional.ts); without a
 *   baseline a value that already meets the target is 提前完成, anything else lacks a baseline (grey, saying which
 *   figure is missing and how to supply it);
 * - a 年均增长 target by the growth achieved so far on its own basis (./growthStanding.ts).
 * A target with a level and a growth part stands as its worse part; both are shown.
 */
import type { Target } from '../plan/model';
import type { Direction } from '../plan/terms';
import type { LocalizedText } from '../text';
import { formatValue } from '../unit/format';
import type { BaselineChoice } from './baseline';
import { meetsTarget } from './comparator';
import { growthStanding, type GrowthData, type GrowthRequirement, type GrowthStanding } from './growthStanding';
import type { EvaluationResult } from './result';
import type { EvaluationSettings } from './settings';
import { standInNote } from './standIn';
import { shown, targetPhrase } from './targetText';
import { finalVerdict, type FinalVerdict, type VerdictPoint } from './verdict';
import { STANDING_LIGHTS, worse, type Light } from './lights';

export type Phase = 'progress' | 'final';

export interface Standing {
  phase: Phase;
  /** A status code of the verdict, the progress method, the band or the growth reading (./lights.ts maps each). */
  code: string;
  label: LocalizedText;
  /** The light of the status alone, before any forecast (./light.ts adds the forecast). */
  light: Light;
  sentence: LocalizedText;
  /** For a grey light: exactly which figure is missing and how to supply it. */
  missing: LocalizedText | null;
  verdict: FinalVerdict | null;
  growth: GrowthStanding | null;
}

export interface StandingInput {
  name: LocalizedText;
  unit: string;
  direction: Direction;
  target: Target | null;
  growth: GrowthRequirement | null;
  phase: Phase;
  baseYear: number;
  baseline: BaselineChoice | null;
  /** Annual values up to the target year (≤ T), ascending. */
  points: readonly VerdictPoint[];
  growthData: GrowthData | null;
  /** The 序时进度 result on the same values. */
  primary: EvaluationResult | null;
  settings: EvaluationSettings;
  /** For a share: the names of its numerator and denominator (what to import when the share is missing). */
  shareParts?: { numerator: LocalizedText; denominator: LocalizedText } | null;
}

/** The last day of a target year, for deciding the phase: an evaluation as of a later date (or a later year, or the target year itself given as a year) is final. */
export function phaseOf(targetYear: number, asOf: { maxYear: number; publishedBy: string | null }): Phase {
  if (asOf.publishedBy === null) return asOf.maxYear >= targetYear ? 'final' : 'progress';
  return asOf.publishedBy > `${targetYear}-12-31` ? 'final' : 'progress';
}

export function standingOf(s: StandingInput): Standing {
  const levelPart = s.target ? (s.phase === 'final' ? finalPart(s, s.target) : progressPart(s, s.target)) : null;
  const growthPart = s.growth ? growthPartOf(s, s.growth) : null;
  if (levelPart && growthPart) {
    const g = growthPart.growth as GrowthStanding;
    const light = worse(levelPart.light, growthPart.light);
    const main = light === levelPart.light ? levelPart : growthPart;
    return {
      ...main,
      light,
      verdict: levelPart.verdict,
      growth: g,
      sentence: { zh: `${levelPart.sentence.zh}${growthPart.sentence.zh}`, en: `${levelPart.sentence.en} ${growthPart.sentence.en}` },
      missing: levelPart.missing ?? growthPart.missing,
    };
  }
  const only = levelPart ?? growthPart;
  if (only) return only;
  const none: LocalizedText = { zh: `${s.name.zh}未设定量化目标`, en: `${s.name.en} has no quantified target` };
  return { phase: s.phase, code: 'no_target', label: { zh: '无量化目标', en: 'No quantified target' }, light: 'grey', sentence: none, missing: null, verdict: null, growth: null };
}

function finalPart(s: StandingInput, target: Target): Standing {
  const verdict = finalVerdict({ name: s.name, unit: s.unit, direction: s.direction, target, points: s.points, settings: s.settings });
  return {
    phase: 'final',
    code: verdict.code,
    label: verdict.label,
    light: STANDING_LIGHTS[verdict.code] ?? 'grey',
    sentence: verdict.sentence,
    missing: verdict.code === 'pending' || verdict.code === 'undetermined' ? verdict.sentence : null,
    verdict,
    growth: null,
  };
}

function progressPart(s: StandingInput, target: Target): Standing {
  const latest = s.points[s.points.length - 1] ?? null;
  const make = (code: string, label: LocalizedText, sentence: LocalizedText, missing: LocalizedText | null = null): Standing => ({
    phase: 'progress', code, label, light: missing ? 'grey' : (STANDING_LIGHTS[code] ?? 'grey'), sentence, missing, verdict: null, growth: null,
  });
  if (!latest) {
    const parts = s.shareParts;
    const m: LocalizedText = parts
      ? {
          zh: `尚无${s.name.zh}的统计数据：请在“数据”页导入该比重，或导入同一年份的${parts.numerator.zh}和${parts.denominator.zh}（统计公报或统计局发布的数值）`,
          en: `No figure of ${s.name.en} yet: import the share on the Data page, or ${parts.numerator.en} and ${parts.denominator.en} of the same year (from the statistical bulletin or a bureau release)`,
        }
      : {
          zh: `尚无${s.name.zh}的统计数据：请在“数据”页导入（统计公报或统计局发布的数值）`,
          en: `No figure of ${s.name.en} yet: import one on the Data page (from the statistical bulletin or a bureau release)`,
        };
    return make('insufficient_data', { zh: '数据不足，无法评估', en: 'Insufficient data' }, m, m);
  }
  const primary = s.primary;
  const primaryOk = primary && primary.status !== 'insufficient_data';
  const phrase = targetPhrase(target, s.unit);
  const value = shown(latest.value, s.unit);
  const standIn = standInNote(latest.standIn);
  const lead = { zh: `${s.name.zh}${latest.year}年为${value.zh}${standIn.zh}`, en: `${s.name.en} was ${value.en} in ${latest.year}${standIn.en}` };
  const check = meetsTarget(latest.value, target, s.direction);
  if (target.comparator === 'about' && (check.band === 'within' || check.overshoot || !primaryOk)) {
    // A range (5%—6%) is its own band: its phrase says it, so the band is not printed again in brackets.
    const range = target.range ? '' : `（${formatValue(check.lower ?? target.value, s.unit, 'zh')}—${formatValue(check.upper ?? target.value, s.unit, 'zh')}）`;
    const rangeEn = target.range ? '' : ` (${formatValue(check.lower ?? target.value, s.unit, 'en')}–${formatValue(check.upper ?? target.value, s.unit, 'en')})`;
    if (check.band === 'within') {
      return make('within_band', { zh: '符合目标区间', en: 'Within the target band' }, {
        zh: `${lead.zh}，处于${phrase.zh}的目标区间${range}内。`,
        en: `${lead.en}, inside the band of the ${phrase.en} target${rangeEn}.`,
      });
    }
    if (check.overshoot && s.settings.overshoot === 'flag') {
      return make('above_band', { zh: '高于目标区间', en: 'Above the target band' }, {
        zh: `${lead.zh}，已超出${phrase.zh}的目标区间${range}，超出规划预期，需关注。`,
        en: `${lead.en}, past the band of the ${phrase.en} target${rangeEn}: beyond what the plan expected, to be watched.`,
      });
    }
    if (!check.overshoot) {
      return make('below_band', { zh: '低于目标区间', en: 'Below the target band' }, {
        zh: `${lead.zh}，尚未进入${phrase.zh}的目标区间${range}。`,
        en: `${lead.en}, not yet inside the band of the ${phrase.en} target${rangeEn}.`,
      });
    }
  }
  if (primary && primaryOk) {
    const code = primary.status === 'completed' && latest.year < target.year ? 'completed_early' : primary.status;
    const note = s.baseline && s.baseline.note ? { zh: `（${s.baseline.note.zh}）`, en: ` (${s.baseline.note.en})` } : { zh: '', en: '' };
    return make(code, primary.label, { zh: `${primary.workings.rule.zh}${standIn.zh}${note.zh}`, en: `${primary.workings.rule.en}${standIn.en}${note.en}` });
  }
  if (check.met) {
    const early = latest.year < target.year;
    return make(early ? 'completed_early' : 'completed', early ? { zh: '提前完成', en: 'Completed ahead of time' } : { zh: '已完成', en: 'Completed' }, {
      zh: `${lead.zh}，已达到${phrase.zh}的目标。`,
      en: `${lead.en}, already meeting the ${phrase.en} target.`,
    });
  }
  const t0 = s.baseYear;
  const m: LocalizedText = {
    zh: `缺少${t0}年（基期年）的${s.name.zh}数值，规划亦未载明基期值，无法计算序时进度：请导入${t0}年数值（统计公报），或在规划文件中填写基期值`,
    en: `No ${t0} (base-year) value of ${s.name.en}, and the plan prints no baseline, so progress cannot be measured: import the ${t0} figure (statistical bulletin) or add the baseline to the plan file`,
  };
  return make('insufficient_data', { zh: '数据不足，无法评估', en: 'Insufficient data' }, { zh: `${lead.zh}。${m.zh}。`, en: `${lead.en}. ${m.en}.` }, m);
}

function growthPartOf(s: StandingInput, req: GrowthRequirement): Standing {
  const final = s.phase === 'final';
  const through = final ? req.toYear : Math.min(req.toYear, latestGrowthYear(s.growthData) ?? req.fromYear);
  const data = s.growthData ?? (req.basis === 'real' ? { basis: 'real' as const, rates: new Map<number, number>() } : { basis: 'nominal' as const, levels: new Map<number, number>() });
  const g = growthStanding(req, data, through, final, s.name);
  const light = g.code === 'insufficient_data' ? 'grey' : (STANDING_LIGHTS[g.code] ?? 'grey');
  return { phase: s.phase, code: g.code, label: g.label, light, sentence: g.sentence, missing: g.missing, verdict: null, growth: g };
}

function latestGrowthYear(d: GrowthData | null): number | null {
  if (!d) return null;
  const years = d.basis === 'real' ? [...d.rates.keys()] : [...d.levels.keys()];
  return years.length > 0 ? Math.max(...years) : null;
}
