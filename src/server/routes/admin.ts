/**
 * Routes of the local admin channel (server/adminChannel.ts): what the plan-monitor command does beside a running
 * server that has no route of its own in the public API — migrate, load a plan file, import a file from this
 * machine, and give a one-time sign-in link. Policy `system`: only a request on the admin socket with the server's
 * token gets there; hidden from the OpenAPI document, as nothing outside this machine can call them.
 * The one public route here, GET /api/auth/ticket, turns such a link into a session in the browser.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { userByName } from '../../db/access';
import { openSession } from '../../services/access/auth';
import { newSecret } from '../../services/access/secrets';
import { NotFoundError } from '../../services/errors';
import { importObservations, type ImportReport } from '../../services/import/importObservations';
import { loadPlanFile } from '../../services/loadPlan';
import { loadRegionFiles } from '../../services/regions/loadRegionFiles';
import { loadUnitFile } from '../../services/units/loadUnits';
import { errorResponse } from '../../shared/api';
import { auditContext } from '../policy';
import { adminCommandRoutes } from './adminCommands';
import { setSessionCookie } from '../sessionCookie';

/** A console ticket is good for one use within this many seconds. */
export const TICKET_SECONDS = 120;

const hidden = { hide: true } as const;
const statusOf = (r: ImportReport) => (r.forbidden ? 403 : r.errors.length > 0 || (r.counts.rejected > 0 && !r.committed) ? 422 : 200);

export const adminRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    const tickets = new Map<string, { username: string; until: number }>();
    const ticketKey = (t: string) => createHash('sha256').update(t).digest('hex');
    // The routes of the tasks, quality and prosperity commands, in a file of their own.
    await app.register(adminCommandRoutes(database));

    app.post('/api/admin/migrate', {
      config: { policy: 'system' },
      schema: hidden,
      handler: async () => {
        await database.migrate();
        return { driver: database.driver, status: 'migrated' };
      },
    });

    app.post('/api/admin/plans/load', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ file: z.string().min(1) }) },
      handler: async (req) => loadPlanFile(database, req.body.file),
    });

    // Reference data from files on this machine (plan-monitor regions load / units load beside a running server).
    app.post('/api/admin/regions/load', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ files: z.array(z.string().min(1)).min(1), parent: z.string().nullable().default(null) }) },
      handler: async (req) => loadRegionFiles(database, req.body.files, { parent: req.body.parent, who: auditContext(req) }),
    });

    app.post('/api/admin/units/load', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ file: z.string().min(1) }) },
      handler: async (req) => loadUnitFile(database, req.body.file, auditContext(req)),
    });

    app.post('/api/admin/import', {
      config: { policy: 'system' },
      schema: {
        ...hidden,
        body: z.object({ file: z.string().min(1), dryRun: z.boolean().default(false), onError: z.enum(['reject', 'skip']).default('reject'), mapping: z.record(z.string(), z.string()).optional(), within: z.string().nullable().default(null) }),
      },
      handler: async (req, reply) => {
        const { file, dryRun, onError, mapping, within } = req.body;
        const report = await importObservations(database, { file, dryRun, onError, within, audit: auditContext(req), ...(mapping ? { mapping } : {}) });
        return reply.code(statusOf(report)).send(report);
      },
    });

    app.post('/api/admin/sign-in', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ username: z.string().min(1) }) },
      handler: async (req) => {
        const user = await userByName(database.db, req.body.username);
        if (!user || user.disabled) throw new NotFoundError(`no active user "${req.body.username}"`);
        const ticket = newSecret();
        const now = Date.now();
        for (const [k, t] of tickets) if (t.until < now) tickets.delete(k);
        tickets.set(ticketKey(ticket), { username: user.username, until: now + TICKET_SECONDS * 1000 });
        return { path: `/api/auth/ticket?t=${ticket}`, expiresInSeconds: TICKET_SECONDS };
      },
    });

    app.get('/api/auth/ticket', {
      config: { policy: 'public' },
      schema: {
        tags: ['access'],
        summary: 'Sign in with a one-time link from the server\'s console (plan-monitor users sign-in): sets the session cookie and goes to the web app',
        querystring: z.object({ t: z.string().min(1).max(200) }),
        response: { 303: z.null(), 400: errorResponse },
      },
      handler: async (req, reply) => {
        const key = ticketKey(req.query.t);
        const ticket = tickets.get(key);
        tickets.delete(key);
        const user = ticket && ticket.until >= Date.now() ? await userByName(database.db, ticket.username) : null;
        if (!user || user.disabled) return reply.code(400).send({ error: 'this sign-in link is unknown, used or expired: ask the console for a new one (plan-monitor users sign-in)' });
        const { sessionId } = await openSession(database, user, { clientAddress: req.ip ?? null, requestId: String(req.id) }, 'console ticket');
        setSessionCookie(req, reply, sessionId);
        return reply.code(303).header('location', '/').send(null);
      },
    });
  };
