/** 用户与权限: sign-in, users, tokens, audit. */
import { z } from 'zod';
// ── Access ──────────────────────────────────────────────────────────────────────────────────────────────

export const ROLES_API = ['admin', 'planner', 'statistician', 'reporter', 'viewer'] as const;
export const POLICIES_API = ['public', 'read', 'write:observations', 'approve:observations', 'manage:users', 'read:audit', 'supervise:tasks', 'report:tasks', 'read:microdata', 'write:enterprises', 'write:survey', 'manage:regions', 'assess:targets'] as const;

export const loginBody = z.object({ username: z.string().min(1).max(80), password: z.string().min(1).max(200) });
export const userDto = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES_API),
  regionScope: z.array(z.string()),
  departmentScope: z.array(z.string()),
  disabled: z.boolean(),
});
export const loginResponse = z.object({ user: userDto, csrfToken: z.string() });
export const meResponse = z.object({
  signedIn: z.boolean(),
  username: z.string().nullable(),
  role: z.enum(ROLES_API).nullable(),
  regions: z.array(z.string()),
  via: z.enum(['session', 'token']).nullable(),
  csrfToken: z.string().nullable().optional().describe('the session\'s CSRF token, for a page that was signed in without the sign-in form (a console ticket)'),
});
export const newUserBody = z.object({
  username: z.string(),
  displayName: z.string().optional(),
  password: z.string(),
  role: z.enum(ROLES_API),
  regions: z.array(z.string()).optional(),
  departments: z.array(z.string()).optional(),
});
export const newTokenBody = z.object({ name: z.string().min(1).max(80), scopes: z.array(z.enum(POLICIES_API)).min(1), days: z.number().int().positive().max(3650).optional() });
export const newTokenResponse = z.object({ id: z.number().int(), token: z.string().describe('shown once; only its hash is stored') });
export const auditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100_000).default(200),
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  cursor: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe('the next page: the x-next-cursor header of the page before (the same as before=)'),
  format: z.enum(['json', 'csv']).default('json'),
});

