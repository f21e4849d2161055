/** Writes an audit record. Call it inside the same transaction as the write it records, so both land or neither. */
import type { Db } from '../../db/client';
import { insertAudit } from '../../db/access';
import type { Principal } from '../../domain/access/roles';

export interface AuditContext {
  principal: Principal;
  clientAddress: string | null;
  requestId: string | null;
}

/** The platform itself (first start, bundled data). */
export const SYSTEM: AuditContext = { principal: { kind: 'public' }, clientAddress: null, requestId: null };

export async function audit(
  db: Db,
  ctx: AuditContext,
  e: { action: string; entity: string; entityId?: string | number | null; oldValue?: unknown; newValue?: unknown },
): Promise<void> {
  const who = ctx.principal;
  await insertAudit(db, {
    actorUserId: who.kind === 'user' ? who.userId : null,
    actorName: who.kind === 'user' ? `${who.username}${who.via === 'token' ? ' (token)' : ''}` : ctx === SYSTEM ? 'system' : 'anonymous',
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    oldValue: e.oldValue ?? null,
    newValue: e.newValue ?? null,
    clientAddress: ctx.clientAddress,
    requestId: ctx.requestId,
  });
}
