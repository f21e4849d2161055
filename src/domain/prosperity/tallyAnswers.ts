/**
 * Counts answers held in columns (member, period, item, answer) into the cells of every group — the in-memory twin of
 * the SQL `GROUP BY GROUPING SETS` the service runs (db/prosperity.ts), used for the benchmark, the demo check and
 * the tests that prove both give the same cells.
 */
import { groupsOf } from './groups';
import type { TallyCell } from './indices';
import type { FrameMember } from './sampling';
import type { SurveyDefinition } from './survey';
import { askedItems } from './survey';
import type { Tally } from './tally';
import type { WavePeriod } from './wavePeriod';

export interface AnswerColumns {
  member: ArrayLike<number>;
  period: ArrayLike<number>;
  item: ArrayLike<number>;
  answer: ArrayLike<number>;
  length: number;
}

export function tallyAnswers(survey: SurveyDefinition, members: readonly FrameMember[], periods: readonly WavePeriod[], answers: AnswerColumns): TallyCell[] {
  const items = askedItems(survey);
  const weightOf = survey.settings.weight === 'revenue' ? (m: FrameMember) => m.revenue ?? 0 : (m: FrameMember) => m.employees ?? 0;
  // Each member's groups become small integers, so a cell is an index into one flat array of tallies.
  const groupIds = new Map<string, number>();
  const memberGroups = members.map((m) =>
    groupsOf(m).map((g) => {
      let id = groupIds.get(g);
      if (id === undefined) groupIds.set(g, (id = groupIds.size));
      return id;
    }),
  );
  const weights = Float64Array.from(members, weightOf);
  const G = groupIds.size;
  const I = items.length;
  // Eight numbers per cell in one typed array (n, up, same, down, their weights, the largest weight): counting 10
  // million answers touches no object.
  const F = 8;
  const groupsFlat = memberGroups.map((g) => Int32Array.from(g));
  const acc = new Float64Array(periods.length * I * G * F);
  for (let k = 0; k < answers.length; k++) {
    const m = answers.member[k] ?? 0;
    const base = ((answers.period[k] ?? 0) * I + (answers.item[k] ?? 0)) * G;
    const a = answers.answer[k] ?? 0;
    const w = weights[m] ?? 0;
    const slot = a === 1 ? 1 : a === 0 ? 2 : 3;
    const gs = groupsFlat[m] ?? new Int32Array(0);
    for (let j = 0; j < gs.length; j++) {
      const o = (base + (gs[j] ?? 0)) * F;
      acc[o] = (acc[o] ?? 0) + 1;
      acc[o + slot] = (acc[o + slot] ?? 0) + 1;
      acc[o + slot + 3] = (acc[o + slot + 3] ?? 0) + w;
      if (w > (acc[o + 7] ?? 0)) acc[o + 7] = w;
    }
  }
  const groupNames = [...groupIds.keys()];
  const out: TallyCell[] = [];
  for (let idx = 0; idx < periods.length * I * G; idx++) {
    const o = idx * F;
    if ((acc[o] ?? 0) === 0) continue;
    const g = idx % G;
    const rest = (idx - g) / G;
    const i = rest % I;
    const p = (rest - i) / I;
    const it = items[i];
    const period = periods[p];
    if (!it || !period) continue;
    const tally: Tally = {
      n: acc[o] ?? 0, positive: acc[o + 1] ?? 0, neutral: acc[o + 2] ?? 0, negative: acc[o + 3] ?? 0,
      wPositive: acc[o + 4] ?? 0, wNeutral: acc[o + 5] ?? 0, wNegative: acc[o + 6] ?? 0, wMax: acc[o + 7] ?? 0,
    };
    out.push({ period: period.code, group: groupNames[g] ?? 'all', question: it.question.code, horizon: it.horizon, tally });
  }
  return out;
}
