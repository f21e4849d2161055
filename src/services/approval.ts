/**
 * Approval of figures (审核): submit, approve, reject, withdraw, edit a draft, correct an approved figure. Each use case runs
 * in one transaction with its audit record; a stale version or a state that does not allow the action is a
 * conflict (HTTP 409) and changes nothing.
 */
import type { Database, DatabaseTarget, Db } from '../db/client';
import { applyTransition, fingerprintTaken, insertCorrection, updateDraftContent } from '../db/approval';
import { applyDirectApproval } from '../db/directApproval';
import { getObservation, listObservations } from '../db/observations';
import { getPlan, listPlanIndicators } from '../db/plans';
import { listRegions } from '../db/regions';
import { createRegionRegistry } from '../domain/region/registry';
import { may, mayWriteRegion, type Principal } from '../domain/access/roles';
import { DIRECT_APPROVAL_FROM } from '../domain/observation/actions';
import { allowedFrom, nextState, type ApprovalAction, type ApprovalState } from '../domain/observation/approval';
import { ok } from '../domain/result';
import type { Observation } from '../domain/observation/observation';
import { checkRow, type RawRow } from '../domain/observation/row';
import { audit, type AuditContext } from './access/audit';
import { requireFourEyes } from './access/fourEyes';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from './errors';
import { fingerprintOf } from './import/fingerprint';
import { qualityGate } from './quality/gate';
import { rowContextOf } from './import/rowContext';

/** What a person may change in a draft, or give a correction. */
export interface FigureChanges {
  value?: number | undefined;
  unit?: string | undefined;
  quote?: string | null | undefined;
  notes?: string | null | undefined;
  status?: string | undefined;
  publishedDate?: string | undefined;
}

export type Decision = Extract<ApprovalAction, 'submit' | 'approve' | 'reject' | 'withdraw'>;

export const approvalService = {
  /** The approvals queue: figures in the given states (default: submitted), oldest first. */
  /**
   * The figures waiting in these states; with a plan, only its indicators' figures for its region and the regions
   * within it (the approvals page of one plan), otherwise every plan's.
   */
  async queue(database: Database, states: readonly ApprovalState[] = ['submitted'], planId?: string): Promise<Observation[]> {
    if (!planId) return listObservations(database.db, { states });
    const plan = await getPlan(database.db, planId);
    if (!plan) throw new NotFoundError(`no plan with id "${planId}"`);
    const [indicators, regions] = await Promise.all([listPlanIndicators(database.db, planId), listRegions(database.db)]);
    const registry = createRegionRegistry(regions);
    const regionCodes = regions.filter((r) => r.code === plan.regionCode || registry.isWithin(r.code, plan.regionCode)).map((r) => r.code);
    return listObservations(database.db, { states, indicatorCodes: indicators.map((i) => i.code), regionCodes });
  },

  async decide(database: Database, id: number, action: Decision, input: { version: number; comment?: string | undefined }, ctx: AuditContext): Promise<Observation> {
    return database.db.transaction((tx) => decideIn(tx, database.driver, id, action, input, ctx));
  },

  /** Edits a draft (or a rejected figure, which becomes a draft again); checked exactly like an imported row. */
  async edit(database: Database, id: number, input: { version: number } & FigureChanges, ctx: AuditContext): Promise<Observation> {
    return database.db.transaction(async (tx) => {
      const figure = await load(tx, id);
      const who = user(ctx.principal);
      requireWriter(who, figure);
      const to = nextState(current(figure).state, 'edit');
      if (!to.ok) throw new ConflictError(`figure ${id}: ${to.error}`);
      requireVersion(figure, input.version);
      const draft = await recheck(tx, figure, input);
      const fingerprint = fingerprintOf(draft);
      const twin = await fingerprintTaken(tx, fingerprint, id);
      if (twin !== null) throw new ConflictError(`the same figure is already stored as figure ${twin}`);
      if (!(await updateDraftContent(tx, { id, version: input.version, from: allowedFrom('edit'), draft, fingerprint }))) throw stale(id);
      await audit(tx, ctx, { action: 'figure.edit', entity: 'observation', entityId: id, oldValue: snapshot(figure), newValue: { ...snapshot({ ...figure, ...draft }), version: input.version + 1 } });
      return load(tx, id);
    });
  },

  /** A correction of an approved figure: a new figure (a new vintage) in draft, pointing at the one it corrects. */
  async correct(database: Database, id: number, changes: FigureChanges, ctx: AuditContext): Promise<Observation> {
    return database.db.transaction(async (tx) => {
      const figure = await load(tx, id);
      const who = user(ctx.principal);
      requireWriter(who, figure);
      if (current(figure).state !== 'approved') throw new ConflictError(`figure ${id} is not approved yet: edit it instead of correcting it`);
      const draft = await recheck(tx, figure, changes);
      const fingerprint = fingerprintOf(draft);
      const newId = await insertCorrection(tx, { corrects: id, draft, fingerprint, origin: `correction of ${id}`, userId: who.userId });
      if (newId === null) throw new ConflictError(`the correction changes nothing: the same figure is already stored (${fingerprint.slice(0, 12)}…)`);
      await audit(tx, ctx, { action: 'figure.correct', entity: 'observation', entityId: newId, oldValue: { corrects: id, ...snapshot(figure) }, newValue: snapshot({ ...figure, ...draft }) });
      return load(tx, newId);
    });
  },
};

/**
 * One decision inside the caller's transaction (a single figure, or each figure of a bulk decision). An approver's
 * `approve` of a draft is the direct approval: submit and approve as one step, audited as `figure.approve_direct`,
 * allowed when the four-eyes rule lets this person approve the figure.
 */
export async function decideIn(tx: Db, driver: DatabaseTarget['driver'], id: number, action: Decision, input: { version: number; comment?: string | undefined }, ctx: AuditContext): Promise<Observation> {
  const figure = await load(tx, id);
  const who = user(ctx.principal);
  if (action === 'submit' || action === 'withdraw') requireWriter(who, figure);
  else if (!may(who, 'approve:observations')) throw new ForbiddenError(`role ${who.role} may not ${action} figures`);
  if (action === 'approve') requireFourEyes(who, current(figure).enteredBy);
  const approval = current(figure);
  const direct = action === 'approve' && DIRECT_APPROVAL_FROM.includes(approval.state);
  const to = direct ? ok<ApprovalState>('approved') : nextState(approval.state, action);
  if (!to.ok) throw new ConflictError(`figure ${id}: ${to.error}`);
  requireVersion(figure, input.version);
  const comment = input.comment?.trim() || null;
  if (action === 'reject' && !comment) throw new BadRequestError('say why the figure is rejected (comment)');
  if (action === 'approve') await qualityGate(tx, driver, figure, comment, ctx);
  const applied = direct
    ? await applyDirectApproval(tx, { id, version: input.version, from: DIRECT_APPROVAL_FROM, userId: who.userId, comment })
    : await applyTransition(tx, { id, version: input.version, from: allowedFrom(action), to: to.value, userId: who.userId, comment });
  if (!applied) throw stale(id);
  await audit(tx, ctx, {
    action: direct ? 'figure.approve_direct' : `figure.${action}`,
    entity: 'observation',
    entityId: id,
    oldValue: { state: approval.state, version: approval.version },
    newValue: { state: to.value, version: approval.version + 1, comment },
  });
  return load(tx, id);
}

async function load(db: Db, id: number): Promise<Observation> {
  const figure = await getObservation(db, id);
  if (!figure) throw new NotFoundError(`no figure ${id}`);
  return figure;
}

function user(who: Principal): Extract<Principal, { kind: 'user' }> {
  if (who.kind !== 'user') throw new ForbiddenError('sign in first');
  return who;
}

function requireWriter(who: Extract<Principal, { kind: 'user' }>, figure: Observation): void {
  if (!may(who, 'write:observations')) throw new ForbiddenError(`role ${who.role} may not write figures`);
  if (!mayWriteRegion(who, figure.regionCode)) throw new ForbiddenError(`region ${figure.regionCode} is outside your scope: you may not write its figures`);
}

function current(figure: Observation) {
  // Every stored figure has an approval record; only figures computed by the platform lack one, and those are never loaded here.
  if (!figure.approval) throw new Error(`figure ${figure.id} has no approval record`);
  return figure.approval;
}

function requireVersion(figure: Observation, version: number): void {
  const a = current(figure);
  if (a.version !== version) {
    const by = a.decidedBy ?? a.submittedBy ?? a.enteredBy;
    throw new ConflictError(`figure ${figure.id} was changed meanwhile${by ? ` (last by ${by})` : ''}: it is at version ${a.version}, you sent ${version}; reload it and try again`);
  }
}

const stale = (id: number) => new ConflictError(`figure ${id} was changed by someone else at the same moment: reload it and try again`);

/** The figure with the changes applied, checked by the same rule as an imported row. */
async function recheck(db: Db, figure: Observation, changes: FigureChanges) {
  const raw: RawRow = {
    indicator: figure.indicatorCode,
    region: figure.regionCode,
    period: figure.periodCode,
    value: String(changes.value ?? figure.value),
    unit: changes.unit ?? figure.unit,
    priceBasis: figure.priceBasis ?? '',
    status: changes.status ?? figure.status,
    sourceKind: figure.sourceKind,
    source: figure.source.publication,
    publisher: figure.source.publisher ?? '',
    link: figure.source.link ?? '',
    readAt: figure.source.readAt ?? '',
    precision: figure.precision,
    // An estimated vintage is estimated again by the same rule, unless a date is given now.
    publishedDate: changes.publishedDate ?? (figure.publishedDateEstimated ? '' : figure.publishedDate),
    quote: (changes.quote === undefined ? figure.quote : changes.quote) ?? '',
    notes: (changes.notes === undefined ? figure.notes : changes.notes) ?? '',
  };
  const ctx = await rowContextOf(db);
  // No scope to fail on: the figure's region is a code.
  if (!ctx.ok) throw new BadRequestError(ctx.error);
  const checked = checkRow(raw, ctx.value);
  if (!checked.ok) throw new BadRequestError(checked.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '));
  return checked.draft;
}

const snapshot = (f: Pick<Observation, 'value' | 'unit' | 'status' | 'publishedDate' | 'quote' | 'notes'>) => ({
  value: f.value, unit: f.unit, status: f.status, publishedDate: f.publishedDate, quote: f.quote, notes: f.notes,
});
