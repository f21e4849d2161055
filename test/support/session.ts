/** Signs a test user in through the API and returns the headers a browser would send for writes. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client';
import type { Role } from '../../src/domain/access/roles';
import { createUser } from '../../src/services/access/users';

export const TEST_PASSWORD = 'Test-Password-2025!';

export async function signIn(app: FastifyInstance, database: Database, username: string, role: Role, regions: string[] = []): Promise<{ cookie: string; 'x-csrf-token': string }> {
  await createUser(database, { username, password: TEST_PASSWORD, role, regions });
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}
