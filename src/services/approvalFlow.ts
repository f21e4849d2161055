/**
 * Approvals that flow (issue 15): the actions each figure offers to this person, and decisions on many figures at
 * once — a bulk approve / return / submit with one comment, and "approve all" of an import batch after review. A
 * bulk decision is ONE transaction: every figure is decided by the same rule as a single one (services/approval.ts
 * `decideIn`, each with its own audit record), and if any figure may not be decided nothing changes and the error
 * names that figure.
 */
import type { Database } from '../db/client';
import { draftsOfBatch } from '../db/directApproval';
import { getObservation } from '../db/observations';
import { figureActions, type FigureAction } from '../domain/observation/actions';
import type { Observation } from '../domain/observation/observation';
import { decideIn, type Decision } from './approval';
import { audit, type AuditContext } from './access/audit';
import { fourEyesRule } from './access/fourEyes';
import { BadRequestError, NotFoundError } from './errors';

/** The actions this person may take on each figure (none for a figure computed by the platform). */
export function actionsOf(figure: Observation, ctx: AuditContext): FigureAction[] {
  if (!figure.approval) return [];
  return figureActions({ state: figure.approval.state, enteredBy: figure.approval.enteredBy, regionCode: figure.regionCode }, ctx.principal, fourEyesRule());
}

export const withActions = (figures: readonly Observation[], ctx: AuditContext) => figures.map((f) => ({ ...f, actions: actionsOf(f, ctx) }));

/** The actions this person may take on one stored figure now (a figure's history offers only these). */
export async function actionsOfFigure(database: Database, id: number, ctx: AuditContext): Promise<FigureAction[]> {
  const figure = await getObservation(database.db, id);
  if (!figure) throw new NotFoundError(`no figure ${id}`);
  return actionsOf(figure, ctx);
}

export const approvalFlow = {
  async decideMany(
    database: Database,
    action: Decision,
    input: { items: ReadonlyArray<{ id: number; version: number }>; comment?: string | undefined },
    ctx: AuditContext,
  ): Promise<Observation[]> {
    const ids = input.items.map((i) => i.id);
    if (new Set(ids).size !== ids.length) throw new BadRequestError('items: a figure is listed twice');
    return database.db.transaction(async (tx) => {
      const out: Observation[] = [];
      for (const item of input.items) out.push(await decideIn(tx, database.driver, item.id, action, { version: item.version, comment: input.comment }, ctx));
      return out;
    });
  },

  /** Approves every draft of an import batch (the wizard's "approve all after review"), as one transaction. */
  async approveBatch(database: Database, batchId: number, comment: string | undefined, ctx: AuditContext): Promise<Observation[]> {
    return database.db.transaction(async (tx) => {
      const drafts = await draftsOfBatch(tx, batchId);
      if (drafts.length === 0) throw new NotFoundError(`import batch ${batchId} has no draft figures to approve`);
      const out: Observation[] = [];
      for (const d of drafts) out.push(await decideIn(tx, database.driver, d.id, 'approve', { version: d.version, comment }, ctx));
      await audit(tx, ctx, { action: 'import.approve_all', entity: 'import_batch', entityId: batchId, newValue: { figures: out.length, comment: comment?.trim() || null } });
      return out;
    });
  },
};
