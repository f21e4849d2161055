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
export const SYSTEM: AuditContext = { principal: { kind: 'system', name: 'system' }, clientAddress: null, requestId: null };

/** The operator at the server's console: the plan-monitor command, directly or through the running server. */
export const CLI: AuditContext = { principal: { kind: 'system', name: 'cli' }, clientAddress: null, requestId: null };

export async function audit(
  db: Db,
  ctx: AuditContext,
  e: { action: string; entity: string; entityId?: string | number | null; oldValue?: unknown; newValue?: unknown },
): Promise<void> {
  const who = ctx.principal;
  await insertAudit(db, {
    actorUserId: who.kind === 'user' ? who.userId : null,
    actorName: who.kind === 'user' ? `${who.username}${who.via === 'token' ? ' (token)' : ''}` : who.kind === 'system' ? who.name : 'anonymous',
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    oldValue: e.oldValue ?? null,
    newValue: e.newValue ?? null,
    clientAddress: ctx.clientAddress,
    requestId: ctx.requestId,
  });
}
