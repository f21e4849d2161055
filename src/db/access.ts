/** Queries on users, sessions, API tokens, failed sign-ins and the audit log. */
import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Role } from '../domain/access/roles';
import type { Db } from './client';
import { apiTokens, auditLog, loginFailures, sessions, users } from './schema';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionScope: string[];
  departmentScope: string[];
  disabled: boolean;
}

const toUser = (r: typeof users.$inferSelect): UserRecord => ({ ...r, role: r.role as Role });

export async function insertUser(db: Db, u: Omit<UserRecord, 'id' | 'disabled'>): Promise<UserRecord> {
  const rows = await db.insert(users).values(u).returning();
  const row = rows[0];
  if (!row) throw new Error('user was not created');
  return toUser(row);
}

export async function userByName(db: Db, username: string): Promise<UserRecord | null> {
  const rows = await db.select().from(users).where(eq(users.username, username));
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  return (await db.select().from(users).orderBy(users.id)).map(toUser);
}

export async function userCount(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(users);
  return rows[0]?.n ?? 0;
}

export async function insertSession(db: Db, s: { idHash: string; userId: number; csrfToken: string; expiresAt: Date; clientAddress: string | null }): Promise<void> {
  await db.insert(sessions).values(s);
}

/** The live session and its user (not expired, user not disabled). */
export async function sessionWithUser(db: Db, idHash: string): Promise<{ csrfToken: string; user: UserRecord } | null> {
  const rows = await db
    .select({ csrf: sessions.csrfToken, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, new Date()), eq(users.disabled, false)));
  const row = rows[0];
  return row ? { csrfToken: row.csrf, user: toUser(row.user) } : null;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function insertToken(db: Db, t: { userId: number; name: string; tokenHash: string; scopes: string[]; expiresAt: Date | null }): Promise<number> {
  const rows = await db.insert(apiTokens).values(t).returning({ id: apiTokens.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('token was not created');
  return id;
}

/** The live token and its user (not revoked, not expired, user not disabled). */
export async function tokenWithUser(db: Db, tokenHash: string): Promise<{ scopes: string[]; user: UserRecord } | null> {
  const rows = await db
    .select({ scopes: apiTokens.scopes, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())), eq(users.disabled, false)));
  const row = rows[0];
  return row ? { scopes: row.scopes, user: toUser(row.user) } : null;
}

export async function revokeToken(db: Db, id: number, userId: number | null): Promise<boolean> {
  const where = userId === null ? eq(apiTokens.id, id) : and(eq(apiTokens.id, id), eq(apiTokens.userId, userId));
  const rows = await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(where, isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function insertLoginFailure(db: Db, username: string, clientAddress: string): Promise<void> {
  await db.insert(loginFailures).values({ username, clientAddress });
}

/** Failures in one scope: how many since a moment, and when the last one was. */
export interface FailureCount {
  count: number;
  last: Date | null;
}

/**
 * Failed sign-ins since a moment: for one account from one client address, for the address (any account) and for
 * the account (any address) — the three scopes of the sign-in throttle (services/access/auth.ts).
 */
export async function recentFailures(db: Db, username: string, clientAddress: string, since: Date): Promise<{ pair: FailureCount; address: FailureCount; account: FailureCount }> {
  const pair = sql`${loginFailures.username} = ${username} and ${loginFailures.clientAddress} = ${clientAddress}`;
  const address = sql`${loginFailures.clientAddress} = ${clientAddress}`;
  const account = sql`${loginFailures.username} = ${username}`;
  const rows = await db
    .select({
      pairCount: sql<number>`count(*) filter (where ${pair})::int`,
      pairLast: sql<string | null>`max(${loginFailures.at}) filter (where ${pair})`,
      addressCount: sql<number>`count(*) filter (where ${address})::int`,
      addressLast: sql<string | null>`max(${loginFailures.at}) filter (where ${address})`,
      accountCount: sql<number>`count(*) filter (where ${account})::int`,
      accountLast: sql<string | null>`max(${loginFailures.at}) filter (where ${account})`,
    })
    .from(loginFailures)
    .where(and(gt(loginFailures.at, since), or(address, account)));
  const r = rows[0];
  // A raw aggregate of a timestamptz comes back as text on one driver and as a Date on the other.
  const at = (v: string | Date | null | undefined) => (v === null || v === undefined ? null : new Date(v));
  return {
    pair: { count: r?.pairCount ?? 0, last: at(r?.pairLast) },
    address: { count: r?.addressCount ?? 0, last: at(r?.addressLast) },
    account: { count: r?.accountCount ?? 0, last: at(r?.accountLast) },
  };
}

export interface AuditEntry {
  actorUserId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  oldValue: unknown;
  newValue: unknown;
  clientAddress: string | null;
  requestId: string | null;
}

export async function insertAudit(db: Db, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(e);
}

export async function listAudit(db: Db, opts: { limit: number; before?: number | undefined }): Promise<Array<AuditEntry & { id: number; at: string }>> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(opts.before === undefined ? undefined : sql`${auditLog.id} < ${opts.before}`)
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
