/**
 * Approval (审核) writes on figures. Each change is ONE conditional UPDATE: it applies only while the figure still
 * has the version the writer saw and a state the action may start from. Two people acting at once cannot both
 * win — the second finds no row to change and gets a conflict — so no update is ever lost.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ApprovalState } from '../domain/observation/approval';
import type { ObservationDraft } from '../domain/observation/row';
import { monthRange } from '../domain/period/period';
import type { Db } from './client';
import { observations } from './schema';

export interface Transition {
  id: number;
  version: number;
  from: readonly ApprovalState[];
  to: ApprovalState;
  userId: number;
  comment: string | null;
}

/** Returns false when the figure was changed meanwhile or is in a state the action may not start from. */
export async function applyTransition(db: Db, t: Transition): Promise<boolean> {
  const who = t.to === 'submitted'
    ? { submittedBy: t.userId, submittedAt: sql`now()`, decidedBy: null, decidedAt: null }
    : { decidedBy: t.userId, decidedAt: sql`now()` };
  const rows = await db
    .update(observations)
    .set({ approvalState: t.to, approvalVersion: sql`${observations.approvalVersion} + 1`, decisionComment: t.comment, ...who })
    .where(and(eq(observations.id, t.id), eq(observations.approvalVersion, t.version), inArray(observations.approvalState, [...t.from])))
    .returning({ id: observations.id });
  return rows.length === 1;
}

/** A draft's new content (checked like an imported row), written only if the version still matches. */
export async function updateDraftContent(
  db: Db,
  e: { id: number; version: number; from: readonly ApprovalState[]; draft: ObservationDraft; fingerprint: string },
): Promise<boolean> {
  const d = e.draft;
  const rows = await db
    .update(observations)
    .set({
      value: String(d.value), unit: d.unit, valueStd: String(d.valueStd), quote: d.quote, notes: d.notes, status: d.status,
      publishedDate: d.publishedDate, publishedDateEstimated: d.publishedDateEstimated, fingerprint: e.fingerprint,
      approvalState: 'draft', approvalVersion: sql`${observations.approvalVersion} + 1`,
      submittedBy: null, submittedAt: null, decidedBy: null, decidedAt: null, decisionComment: null,
    })
    .where(and(eq(observations.id, e.id), eq(observations.approvalVersion, e.version), inArray(observations.approvalState, [...e.from])))
    .returning({ id: observations.id });
  return rows.length === 1;
}

/** A correction of an approved figure: a new draft figure beside it, pointing at it. */
export async function insertCorrection(
  db: Db,
  c: { corrects: number; draft: ObservationDraft; fingerprint: string; origin: string; userId: number },
): Promise<number | null> {
  const d = c.draft;
  const { start, end } = monthRange(d.period);
  const rows = await db
    .insert(observations)
    .values({
      indicatorCode: d.indicatorCode, regionCode: d.regionCode, periodCode: d.periodCode, periodType: d.period.type,
      periodStart: start.year * 100 + start.month, periodEnd: end.year * 100 + end.month,
      value: String(d.value), unit: d.unit, valueStd: String(d.valueStd), priceBasis: d.priceBasis, status: d.status,
      sourceKind: d.sourceKind, sourcePublication: d.source.publication, sourcePublisher: d.source.publisher, sourceLink: d.source.link,
      sourceReadAt: d.source.readAt, precision: d.precision,
      quote: d.quote, notes: d.notes, publishedDate: d.publishedDate, publishedDateEstimated: d.publishedDateEstimated,
      origin: c.origin, fingerprint: c.fingerprint, approvalState: 'draft', enteredBy: c.userId, corrects: c.corrects,
    })
    .onConflictDoNothing({ target: observations.fingerprint })
    .returning({ id: observations.id });
  // null: the very same figure is already stored.
  return rows[0]?.id ?? null;
}

/** Whether a figure with this fingerprint is stored (other than the given one). */
export async function fingerprintTaken(db: Db, fingerprint: string, exceptId: number): Promise<number | null> {
  const rows = await db
    .select({ id: observations.id })
    .from(observations)
    .where(and(eq(observations.fingerprint, fingerprint), sql`${observations.id} <> ${exceptId}`));
  return rows[0]?.id ?? null;
}
