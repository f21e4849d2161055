/** Helpers for the supervision tests: units by name, users acting for units, a task of a plan item. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client';
import type { Role } from '../../src/domain/access/roles';
import { allUnits, addMember } from '../../src/db/supervision/units';
import { signIn } from './session';

export const PLAN = 'shenzhen-services-14th-fyp';

export async function unitId(database: Database, nameZh: string): Promise<number> {
  const u = (await allUnits(database.db)).find((x) => x.name.zh === nameZh);
  if (!u) throw new Error(`no unit ${nameZh}`);
  return u.id;
}

/** A signed-in user acting for the given units; returns the headers a browser would send. */
export async function unitUser(app: FastifyInstance, database: Database, username: string, role: Role, units: string[], regions: string[] = []): Promise<Record<string, string>> {
  const headers = await signIn(app, database, username, role, role === 'reporter' && regions.length === 0 ? ['440300'] : regions);
  const users = await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, username) });
  expect(users).toBeTruthy();
  for (const name of units) await addMember(database.db, await unitId(database, name), users?.id ?? 0);
  return headers;
}

export async function taskOf(app: FastifyInstance, headers: Record<string, string>, kind: string, itemKey: string): Promise<number> {
  let after: string | null = null;
  for (;;) {
    const res: { statusCode: number; body: string; json<T>(): T } = await app.inject({ method: 'GET', url: `/api/plans/${PLAN}/tasks?kind=${kind}&limit=500${after ? `&after=${after}` : ''}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    const body: { items: Array<{ id: number; itemKey: string | null }>; next: string | null } = res.json();
    const t = body.items.find((x) => x.itemKey === itemKey);
    if (t) return t.id;
    if (!body.next) throw new Error(`no task for ${itemKey}`);
    after = body.next;
  }
}

/** The reporting period (quarterly) that contains a day. */
export const quarterOf = (d: Date): string => `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
