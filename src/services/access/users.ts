/** Creating users: the password policy is checked, then the password is hashed with argon2id. */
import argon2 from 'argon2';
import type { Database } from '../../db/client';
import { insertUser, userByName, type UserRecord } from '../../db/access';
import { listRegions } from '../../db/regions';
import { passwordProblems } from '../../domain/access/password';
import { ROLES, type Role } from '../../domain/access/roles';
import { BadRequestError } from '../errors';

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  regions?: string[];
  departments?: string[];
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function createUser({ db }: Database, u: NewUser): Promise<UserRecord> {
  if (!/^[A-Za-z0-9._-]{2,40}$/.test(u.username)) throw new BadRequestError('username: 2–40 letters, digits, dots, dashes or underscores');
  if (!ROLES.includes(u.role)) throw new BadRequestError(`role: one of ${ROLES.join(', ')}`);
  if (u.role === 'reporter' && (u.regions ?? []).length === 0 && (u.departments ?? []).length === 0) {
    throw new BadRequestError('a reporter needs at least one region or department in scope');
  }
  const known = new Set((await listRegions(db)).map((r) => r.code));
  const unknown = (u.regions ?? []).filter((r) => !known.has(r));
  if (unknown.length > 0) throw new BadRequestError(`regions: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a region' : 'are not regions'} of the registry (GET /api/regions)`);
  const problems = passwordProblems(u.password, u.username);
  if (problems.length > 0) throw new BadRequestError(`password: ${problems.join('; ')}`);
  if (await userByName(db, u.username)) throw new BadRequestError(`username "${u.username}" is taken`);
  return insertUser(db, {
    username: u.username,
    displayName: u.displayName ?? u.username,
    passwordHash: await hashPassword(u.password),
    role: u.role,
    regionScope: u.regions ?? [],
    departmentScope: u.departments ?? [],
  });
}
