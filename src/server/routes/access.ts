/** Sign-in, users, API tokens and the audit log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { listAudit, listUsers, type UserRecord } from '../../db/access';
import type { Policy } from '../../domain/access/roles';
import { audit } from '../../services/access/audit';
import { createToken, login, logout, revokeToken } from '../../services/access/auth';
import { createUser } from '../../services/access/users';
import { neutralise } from '../../services/export/safeCell';
import { auditEntryDto, auditQuery, errorResponse, loginBody, loginResponse, meResponse, newTokenBody, newTokenResponse, newUserBody, userDto } from '../../shared/api';
import { auditContext, sessionCsrf, SESSION_COOKIE } from '../policy';
import { announceNext, pageDescription, pageOf, pageQuery } from '../paging';
import { setSessionCookie } from '../sessionCookie';

const present = (u: UserRecord) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, regionScope: u.regionScope, departmentScope: u.departmentScope, disabled: u.disabled });

export const accessRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.post('/api/auth/login', {
      config: { policy: 'public' },
      schema: { tags: ['access'], summary: 'Sign in: sets an HttpOnly session cookie and returns the CSRF token for writes', body: loginBody, response: { 200: loginResponse, 401: errorResponse, 429: errorResponse } },
      handler: async (req, reply) => {
        const result = await login(database, { ...req.body, clientAddress: req.ip, requestId: String(req.id), priorSessionId: req.cookies[SESSION_COOKIE] });
        setSessionCookie(req, reply, result.sessionId);
        return { user: present(result.user), csrfToken: result.csrfToken };
      },
    });

    app.post('/api/auth/logout', {
      config: { policy: 'read' },
      schema: { tags: ['access'], summary: 'Sign out (ends the session)', response: { 204: z.null(), 401: errorResponse } },
      handler: async (req, reply) => {
        const id = req.cookies[SESSION_COOKIE];
        if (id) await logout(database, id, auditContext(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    });

    app.get('/api/auth/me', {
      config: { policy: 'public' },
      schema: { tags: ['access'], summary: 'Who is signed in', response: { 200: meResponse } },
      handler: (req) => {
        const p = req.principal;
        return p.kind === 'user'
          ? { signedIn: true, username: p.username, role: p.role, regions: [...p.regions], via: p.via, csrfToken: sessionCsrf(req) }
          : { signedIn: false, username: null, role: null, regions: [], via: null };
      },
    });

    app.get('/api/users', {
      config: { policy: 'manage:users' },
      schema: { tags: ['access'], summary: 'Users and their roles', description: pageDescription('Users'), querystring: pageQuery(1000), response: { 200: z.array(userDto), 400: errorResponse } },
      handler: async (req, reply) => pageOf(req, reply, (await listUsers(database.db)).map(present), req.query),
    });

    app.post('/api/users', {
      config: { policy: 'manage:users' },
      schema: { tags: ['access'], summary: 'Create a user', body: newUserBody, response: { 201: userDto, 400: errorResponse } },
      handler: async (req, reply) => {
        const user = await database.db.transaction(async (tx) => {
          const u = await createUser({ ...database, db: tx }, req.body);
          await audit(tx, auditContext(req), { action: 'user_created', entity: 'user', entityId: u.username, newValue: { role: u.role, regions: u.regionScope, departments: u.departmentScope } });
          return u;
        });
        return reply.code(201).send(present(user));
      },
    });

    app.post('/api/tokens', {
      config: { policy: 'read' },
      schema: { tags: ['access'], summary: 'Create an API token for yourself, scoped to policies your role has', body: newTokenBody, response: { 201: newTokenResponse, 403: errorResponse } },
      handler: async (req, reply) => {
        const t = await createToken(database, auditContext(req), { name: req.body.name, scopes: req.body.scopes as Policy[], days: req.body.days });
        return reply.code(201).send(t);
      },
    });

    app.delete('/api/tokens/:id', {
      config: { policy: 'read' },
      schema: { tags: ['access'], summary: 'Revoke an API token (yours; an administrator may revoke any)', params: z.object({ id: z.coerce.number().int() }), response: { 204: z.null(), 404: errorResponse } },
      handler: async (req, reply) => {
        if (!(await revokeToken(database, auditContext(req), req.params.id))) return reply.code(404).send({ error: `no active token ${req.params.id} of yours` });
        return reply.code(204).send(null);
      },
    });

    app.get('/api/audit', {
      config: { policy: 'read:audit' },
      schema: { tags: ['access'], summary: 'The audit log, newest first (page with before=id or cursor); format=csv to export', description: pageDescription('Audit entries'), querystring: auditQuery },
      handler: async (req, reply) => {
        const entries = await listAudit(database.db, { limit: req.query.limit, before: req.query.before ?? req.query.cursor });
        // Paged by id, newest first: the next page starts before the last entry of this one.
        const last = entries[entries.length - 1];
        if (last && entries.length === req.query.limit) announceNext(req, reply, String(last.id));
        if (req.query.format === 'json') return z.array(auditEntryDto).parse(entries);
        const header = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'old_value', 'new_value', 'client_address', 'request_id'];
        const rows = entries.map((e) => [e.id, e.at, e.actorName, e.action, e.entity, e.entityId ?? '', JSON.stringify(e.oldValue), JSON.stringify(e.newValue), e.clientAddress ?? '', e.requestId ?? '']);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="audit-log.csv"')
          // A failed sign-in's user name is anyone's text: no cell may run as a formula (services/export/safeCell.ts).
          .send(`\uFEFF${stringify([header, ...rows.map((r) => r.map((c) => neutralise(String(c))))])}`);
      },
    });
  };
