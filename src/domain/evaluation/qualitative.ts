/**
 * 定性目标 (基本建成国际消费中心城市): no figure can judge it, so a planner records an assessment with its evidence;
 * the latest assessment made by the as-of date stands. In progress any of the five assessments reads; after the
 * target year only a final one (实现 / 基本实现 / 未实现) does — until one is recorded the target waits (grey).
 */
import type { LocalizedText } from '../text';
import type { Phase, Standing } from './standing';
import { STANDING_LIGHTS } from './lights';
import { zhDate } from '../typography';

export const ASSESSMENTS = ['achieved', 'largely_achieved', 'on_track', 'at_risk', 'not_achieved'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ASSESSMENT_LABELS: Record<Assessment, LocalizedText> = {
  achieved: { zh: '已实现', en: 'Achieved' },
  largely_achieved: { zh: '基本实现', en: 'Largely achieved' },
  on_track: { zh: '进展顺利', en: 'On track' },
  at_risk: { zh: '进展滞后', en: 'At risk' },
  not_achieved: { zh: '未实现', en: 'Not achieved' },
};

/** Assessments that can close a target once its year has passed. */
const FINAL: readonly Assessment[] = ['achieved', 'largely_achieved', 'not_achieved'];

export interface RecordedAssessment {
  assessment: Assessment;
  evidence: string;
  assessedOn: string;
  assessedBy: string;
}

export function qualitativeStanding(
  t: { year: number; printed: string; statement: string },
  recorded: RecordedAssessment | null,
  phase: Phase,
  name: LocalizedText,
): Standing {
  const quoted = `“${t.printed}”`;
  const usable = recorded && (phase === 'progress' || FINAL.includes(recorded.assessment)) ? recorded : null;
  if (!usable) {
    const missing: LocalizedText =
      phase === 'final'
        ? { zh: `${name.zh}的定性目标${quoted}尚无终期评估结论：请规划部门录入评估结论（实现、基本实现或未实现）及佐证材料`, en: `${name.en}: the qualitative target ${quoted} has no final assessment yet: a planner records one (achieved, largely achieved or not achieved) with its evidence` }
        : { zh: `${name.zh}的定性目标${quoted}尚未评估：请规划部门录入评估结论及佐证材料`, en: `${name.en}: the qualitative target ${quoted} has not been assessed: a planner records an assessment with its evidence` };
    return { phase, code: 'not_assessed', label: { zh: '尚未评估', en: 'Not assessed' }, light: 'grey', sentence: { zh: `${missing.zh}。`, en: `${missing.en}.` }, missing, verdict: null, growth: null };
  }
  const label = ASSESSMENT_LABELS[usable.assessment];
  return {
    phase,
    code: usable.assessment,
    label,
    light: STANDING_LIGHTS[usable.assessment] ?? 'grey',
    sentence: {
      zh: `${name.zh}：${quoted}，${zhDate(usable.assessedOn)}评估为“${label.zh}”（${usable.assessedBy}）；佐证：${usable.evidence}。`,
      en: `${name.en}: ${quoted} assessed “${label.en}” on ${usable.assessedOn} (${usable.assessedBy}); evidence: ${usable.evidence}.`,
    },
    missing: null,
    verdict: null,
    growth: null,
  };
}

/**
 * The assessment that stands as of a date: the latest one made on or before it (null date: the latest of all).
 * Ties on the same day go to the one recorded last (the list is in recording order).
 */
export function latestAssessment<T extends RecordedAssessment>(recorded: readonly T[], asOfDate: string | null): T | null {
  let best: T | null = null;
  for (const r of recorded) {
    if (asOfDate !== null && r.assessedOn > asOfDate) continue;
    if (!best || r.assessedOn >= best.assessedOn) best = r;
  }
  return best;
}
