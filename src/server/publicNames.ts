/**
 * The public reads figures without the names of the staff who entered, submitted or approved them: in an answer
 * to a caller who is not signed in, every figure's approval record names a role (统计, 规划处 …) instead of a user
 * name. Signed-in users see the names, as the approvals work needs. Answers are copied where they change, never
 * modified: an evaluation is shared by every request that asks for it (services/cache/byDataVersion.ts).
 */
import fp from 'fastify-plugin';
import type { Database } from '../db/client';
import { listUsers } from '../db/access';
import { ROLE_LABELS, type Role } from '../domain/access/roles';
import { byDataVersion } from '../services/cache/byDataVersion';

const NAME_FIELDS = ['enteredBy', 'submittedBy', 'decidedBy'] as const;
/** Who a user name stands for when the user no longer exists. */
export const STAFF = '工作人员';

export const publicNames = fp<{ database: Database }>(async (app, { database }) => {
  // Kept while the data version stands (a user's row is data): an answer kept by server/answerCache.ts names the
  // roles the users had when it was made, and a new or changed user moves the version.
  const roleOf = () => byDataVersion(database, 'public-names:roles', async () => new Map((await listUsers(database.db)).map((u) => [u.username, u.role])));
  app.addHook('preSerialization', async (req, reply, payload: unknown) => {
    if (req.principal.kind !== 'public' || reply.statusCode >= 300 || payload === null || typeof payload !== 'object' || Buffer.isBuffer(payload)) return payload;
    // Without the user list (a database failure) every name still goes: as the generic 工作人员.
    const byName = await roleOf().catch(() => new Map<string, Role>());
    return withoutNames(payload, (name) => {
      const role = byName.get(name);
      return role === undefined ? STAFF : ROLE_LABELS[role].zh;
    });
  });
});

/** `value` with every approval record's user names replaced by `label(name)`; unchanged parts are shared. */
export function withoutNames<T>(value: T, label: (name: string) => string): T {
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((v, i) => {
      const w = withoutNames(v, label);
      if (w !== v) (copy ??= [...value])[i] = w;
    });
    return (copy ?? value) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  let copy: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    let w: unknown;
    if (k === 'approval' && v !== null && typeof v === 'object' && 'enteredBy' in v) {
      const a = { ...(v as Record<string, unknown>) };
      for (const f of NAME_FIELDS) if (typeof a[f] === 'string') a[f] = label(a[f]);
      w = a;
    } else w = withoutNames(v, label);
    if (w !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = w;
  }
  return (copy ?? value) as T;
}
