/**
 * The approval gate (审核): before a figure is approved, the rules run on it against the approved figures. An
 * error-level violation blocks the approval (409: correct the figure, or reject it). Every warning must be
 * acknowledged: by the approver's comment, which is then recorded as the acknowledgement of each open warning (in
 * the approval's transaction, with its audit entry), or earlier on the data-quality page.
 */
import type { DatabaseTarget, Db } from '../../db/client';
import { acknowledgementsOf, insertAcknowledgements } from '../../db/quality';
import type { Observation } from '../../domain/observation/observation';
import { enteredText, type QualityFigure } from '../../domain/quality/figure';
import { parsePeriod } from '../../domain/period/parse';
import type { AuditContext } from '../access/audit';
import { audit } from '../access/audit';
import { BadRequestError, ConflictError } from '../errors';
import { checkAgainstApproved, checkEnvironment } from './check';

/** An approval refused by an error-level data-quality rule (HTTP 409, like any state that forbids the step). */
export class QualityBlockedError extends ConflictError {}

/** A stored figure in the form the rules read. */
export function asQualityFigure(o: Observation): QualityFigure {
  const p = parsePeriod(o.periodCode);
  if (!p.ok) throw new Error(`figure ${o.id} has an unreadable period ${o.periodCode}`);
  return {
    id: o.id, indicatorCode: o.indicatorCode, regionCode: o.regionCode, periodCode: o.periodCode, period: p.value, valueStd: o.valueStd,
    priceBasis: o.priceBasis, status: o.status, sourceKind: o.sourceKind, precision: o.precision, source: { readAt: o.source.readAt }, publishedDate: o.publishedDate,
    enteredAt: enteredText(o.enteredAt), corrects: o.approval?.corrects ?? null, supersededBy: o.supersededBy, state: o.approval?.state ?? 'approved',
  };
}

export async function qualityGate(db: Db, driver: DatabaseTarget['driver'], figure: Observation, comment: string | null, ctx: AuditContext): Promise<void> {
  const env = await checkEnvironment(db, driver);
  const { results } = await checkAgainstApproved(db, env, [asQualityFigure(figure)], [], 'all');
  const failed = results.filter((r) => r.outcome === 'fail');
  const errors = failed.filter((r) => r.severity === 'error');
  if (errors.length > 0) {
    throw new QualityBlockedError(
      `figure ${figure.id} cannot be approved: it violates ${errors.length === 1 ? 'an error-level data-quality rule' : `${errors.length} error-level data-quality rules`} — ${errors.map((e) => `${e.ruleId}: ${e.message.en}`).join('; ')}. Correct the figure (or the figures it is compared with), or reject it.`,
    );
  }
  const warnings = [...new Map(failed.map((w) => [w.key, w])).values()];
  if (warnings.length === 0) return;
  const acknowledged = await acknowledgementsOf(db, warnings.map((w) => w.key));
  const open = warnings.filter((w) => !acknowledged.has(w.key));
  if (open.length === 0) return;
  if (!comment) {
    throw new BadRequestError(
      `figure ${figure.id} has ${open.length === 1 ? 'a data-quality warning' : `${open.length} data-quality warnings`} to acknowledge with a comment (why the figure stands): ${open.map((w) => `${w.ruleId}: ${w.message.en}`).join('; ')}`,
    );
  }
  const userId = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
  await insertAcknowledgements(db, open.map((w) => ({ observationId: figure.id, ruleId: w.ruleId, violationKey: w.key, comment, userId })));
  await audit(db, ctx, {
    action: 'quality.acknowledge',
    entity: 'observation',
    entityId: figure.id,
    newValue: { comment, warnings: open.map((w) => ({ rule: w.ruleId, key: w.key, message: w.message.zh })), at: 'approval' },
  });
}
