/**
 * Admin-channel routes of `plan-monitor tasks`, `quality` and `prosperity` (server/adminChannel.ts): what those
 * commands do beside a running server that the public API has no route for — a file on this machine to import or
 * check, reminders to send, a panel to draw from a frame file. Their reads use the public routes. Policy `system`,
 * hidden from the OpenAPI document like server/routes/admin.ts: only a request on the admin socket with the server's
 * token gets here, as the operator (the CLI principal, audited as `cli`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { isIsoDay } from '../../domain/supervision/dates';
import { csvFrame } from '../../services/prosperity/enterpriseFrame';
import { importWaveAnswers } from '../../services/prosperity/importWave';
import { drawSurveyPanel } from '../../services/prosperity/panel';
import { defaultSurvey } from '../../services/prosperity/query';
import { validateQualityFile } from '../../services/quality/validateFile';
import { notifierFor } from '../../services/supervision/notifier';
import { importProjects, type ProjectImportReport } from '../../services/supervision/projectImport';
import { sendReminders } from '../../services/supervision/remind';
import { readSupervisionEnv } from '../../services/supervision/settings';
import { auditContext } from '../policy';

const hidden = { hide: true } as const;
const file = z.string().min(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD').refine(isIsoDay, 'a real day, YYYY-MM-DD');
/** The end of an as-of day (UTC), as the supervision routes read it. */
const atOf = (d: string | undefined): Date | undefined => (d ? new Date(`${d}T23:59:59.999Z`) : undefined);
const projectsRefused = (r: ProjectImportReport) => r.errors.length > 0 || r.counts.rejected > 0;

export const adminCommandRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    // plan-monitor tasks import FILE --plan ID [--dry-run]: the dispatch table read from this machine.
    app.post('/api/admin/projects/import', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ planId: z.string().min(1), file, dryRun: z.boolean().default(false) }) },
      handler: async (req, reply) => {
        const report = await importProjects(database, { planId: req.body.planId, file: req.body.file, dryRun: req.body.dryRun, audit: auditContext(req) });
        return reply.code(projectsRefused(report) ? 422 : 200).send(report);
      },
    });

    // plan-monitor tasks remind --send: sent by this server's notifier (its SMTP_URL, else its log); the lines a log
    // notifier writes come back to the command, which prints them as it does on the database itself.
    app.post('/api/admin/reminders/send', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ planId: z.string().min(1).optional(), asOf: day.optional() }) },
      handler: async (req) => {
        const log: string[] = [];
        const at = atOf(req.body.asOf);
        const sent = await sendReminders(database, notifierFor(readSupervisionEnv(), (line) => log.push(line)), { ...(req.body.planId ? { planId: req.body.planId } : {}), ...(at ? { at } : {}) });
        return { sent, log };
      },
    });

    // plan-monitor quality validate FILE: a rule file or reporting calendar checked against this database.
    app.post('/api/admin/quality/validate', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ file }) },
      handler: async (req) => validateQualityFile(database, req.body.file),
    });

    // plan-monitor prosperity import FILE --wave P: the wave opened when new, its answers imported.
    app.post('/api/admin/prosperity/import', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ file, wave: z.string().min(1).max(40), survey: z.string().min(1).max(100).optional(), dryRun: z.boolean().default(false), onError: z.enum(['reject', 'skip']).default('reject') }) },
      handler: async (req, reply) => {
        const report = await importWaveAnswers(database, { ...req.body, audit: auditContext(req) });
        const refused = report.errors.length > 0 || (report.counts.rejectedRows > 0 && !report.committed);
        return reply.code(refused ? 422 : 200).send(report);
      },
    });

    // plan-monitor prosperity panel --frame FILE: the panel drawn from a frame file on this machine.
    app.post('/api/admin/prosperity/panel', {
      config: { policy: 'system' },
      schema: { ...hidden, body: z.object({ frame: file, survey: z.string().min(1).max(100).optional(), seed: z.number().int(), joined: z.string().min(1).max(40) }) },
      handler: async (req) => {
        const { frame, survey, seed, joined } = req.body;
        return drawSurveyPanel(database, survey ?? (await defaultSurvey(database)), csvFrame(frame), { seed, joined, who: auditContext(req) });
      },
    });
  };
