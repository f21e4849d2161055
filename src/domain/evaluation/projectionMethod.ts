/**
 * The skeleton the UNSD and ESCAP methods share: check the inputs, project the trend (./projection.ts), settle the
 * cases where the target is already met or the indicator has regressed, and otherwise classify the ratio of the
 * projected to the required change. Each method supplies its names, thresholds, labels and the sentence it writes.
 */
import type { LocalizedText } from '../text';
import { finite } from './format';
import type { EvaluationInput } from './input';
import { baseWorkings } from './inputs';
import { prepare, stateRule, withPrepared, type Prepared } from './prepare';
import { project, type Projection } from './projection';
import { evaluated, insufficient, type Evaluation, type MethodId } from './result';

export interface ProjectionMethod<S extends string> {
  method: MethodId;
  formula: string;
  source: string;
  thresholds: Record<string, number>;
  labels: Record<S, LocalizedText>;
  /** Names under which the workings show the projected value and the ratio (UNSD: projected, P; ESCAP: expected, R). */
  names: { projected: string; ratio: string };
  /** Status when the target is already met, and when the indicator regressed from a baseline that met it. */
  met: S;
  regressed: S;
  /** Why no projection exists (a non-positive baseline or latest value). */
  noProjection: LocalizedText;
  /** The status for a ratio, with the comparison to show (e.g. "P ≥ 0.95"). */
  classify(ratio: number): { status: S; comparison: string };
  /** The sentence, in both languages, with the numbers. */
  rule(p: Prepared, pr: Projection, comparison: string, label: LocalizedText): LocalizedText;
}

const SHARE_NOTE: LocalizedText = { zh: '比重指标按水平值外推', en: 'Share indicator: projected as a level' };

export function evaluateProjection<S extends string>(m: ProjectionMethod<S>, input: EvaluationInput): Evaluation<MethodId, S> {
  const base = baseWorkings(input, m.formula, m.source, { ...m.thresholds });
  const prepared = prepare(input);
  if (!prepared.ok) return insufficient(m.method, prepared.error, base);
  const p = prepared.value;
  const pr = project(p.y0, p.t0, p.yt, p.t, p.yStar, p.T);
  const workings = withPrepared(
    base,
    p,
    { cagr: finite(pr?.cagr ?? null), [m.names.projected]: finite(pr?.projected ?? null), [m.names.ratio]: finite(pr?.ratio ?? null) },
    input.indicator.isShare ? [SHARE_NOTE] : [],
  );
  if (p.state !== 'progressing') {
    const status = p.state === 'met' ? m.met : m.regressed;
    return evaluated(m.method, status, m.labels, workings, stateRule(p, input.indicator.unit, m.labels[status]));
  }
  if (!pr) return insufficient(m.method, m.noProjection, workings);
  const { status, comparison } = m.classify(pr.ratio);
  return evaluated(m.method, status, m.labels, workings, m.rule(p, pr, comparison, m.labels[status]));
}
