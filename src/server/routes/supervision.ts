/**
 * 督促检查 routes (issue 16): the board and task lists of a plan, one task's page, 交办 / 签收 / 任务分解, 进度填报 and
 * 审核 (with attachments), 督办单, units, supervision settings and reminders. Thin: schema → one use case → DTO.
 * Policies: reading needs a session (`read`; a reporter sees its units' tasks only); the plan owner's acts need
 * `supervise:tasks`; a unit's own acts need `report:tasks` and membership of the unit (checked in the use case).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { listRegions } from '../../db/regions';
import { BadRequestError } from '../../services/errors';
import { readerOf } from '../../services/supervision/actor';
import { lightCounts, loadBoard, rollup, visibleTasks } from '../../services/supervision/board';
import { noticesService } from '../../services/supervision/notices';
import { buildReminders } from '../../services/supervision/reminders';
import { reportsService } from '../../services/supervision/reports';
import { readSupervisionEnv, settingsService } from '../../services/supervision/settings';
import { tasksService } from '../../services/supervision/tasks';
import { unitsService } from '../../services/supervision/units';
import {
  assignBody, boardQuery, boardResponse, errorResponse, idParams, memberBody, newUnitBody, noticeBody, noticeDto, noticeReplyBody, noticeReviewBody, pageQuery, planParams,
  remindersQuery, remindersResponse, reportBody, reviewBody, settingsBody, settingsDto, subtaskBody, taskDetailResponse, taskParams, taskReportDto, tasksQuery, tasksResponse, unitDto, unitsResponse,
} from '../../shared/api';
import { auditContext, planReader } from '../policy';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['supervision'];

/** A moment from an as-of day: its end (UTC), so everything written that day counts. */
const atOf = (day: string | undefined): Date | undefined => (day ? new Date(`${day}T23:59:59.999Z`) : undefined);

/**
 * A page of a list with a unique numeric key: the items after the cursor's item, and the cursor of the next page. A
 * list in another order than its key (the reminders: most overdue first) pages by the cursor item's place, so no
 * item is skipped or given twice; when that item is gone (the data changed), by the key.
 */
export function page<T>(items: readonly T[], key: (t: T) => number, q: { limit: number; after?: string | undefined }): { items: T[]; next: string | null } {
  const after = q.after === undefined ? null : Number(q.after);
  if (after !== null && !Number.isSafeInteger(after)) throw new BadRequestError('after: the cursor a previous page returned (next)');
  const at = after === null ? -1 : items.findIndex((t) => key(t) === after);
  const rest = after === null ? items : at >= 0 ? items.slice(at + 1) : items.filter((t) => key(t) > after);
  const slice = rest.slice(0, q.limit);
  const last = slice[slice.length - 1];
  return { items: slice, next: rest.length > q.limit && last !== undefined ? String(key(last)) : null };
}

export const supervisionRoutes = (database: Database): FastifyPluginAsyncZod =>
  async function routes(app) {
    const env = readSupervisionEnv();
    const visible = async (req: FastifyRequest, planId: string, asOf?: string) => {
      const actor = await readerOf(database.db, req.principal);
      const at = atOf(asOf);
      const board = await loadBoard(database, planId, { reader: planReader(req), ...(at ? { at } : {}) });
      return { board, tasks: visibleTasks(board, actor) };
    };

    app.get('/api/plans/:planId/tasks', {
      config: { policy: 'read' },
      schema: { tags, summary: 'Tasks of a plan with their lights and reasons (filter by unit, light, kind, state, district, chapter); a reporter sees its units’ tasks', params: planParams, querystring: tasksQuery, response: { 200: tasksResponse, ...errors } },
      handler: async (req) => {
        const q = req.query;
        const { board, tasks } = await visible(req, req.params.planId, q.asOf);
        const chosen = tasks.filter(
          (t) =>
            (q.unit === undefined || t.leadUnitId === q.unit || t.coUnitIds.includes(q.unit)) && (q.light === undefined || t.light === q.light) && (q.kind === undefined || t.kind === q.kind) &&
            (q.state === undefined || t.state === q.state) && (q.district === undefined || t.districts.includes(q.district)) && (q.chapter === undefined || t.chapter?.number === q.chapter),
        );
        return { asOf: board.asOf, total: chosen.length, counts: lightCounts(chosen), ...page(chosen, (t) => t.id, q) };
      },
    });

    app.get('/api/plans/:planId/supervision/board', {
      config: { policy: 'read' },
      schema: { tags, summary: 'The supervision board: counts by light, by kind, and roll-ups by chapter, unit or district', params: planParams, querystring: boardQuery, response: { 200: boardResponse, ...errors } },
      handler: async (req) => {
        const { board, tasks } = await visible(req, req.params.planId, req.query.asOf);
        const regions = new Map((await listRegions(database.db)).map((r) => [r.code, r.name]));
        const byKind: Record<string, ReturnType<typeof lightCounts>> = {};
        for (const kind of new Set(tasks.map((t) => t.kind))) byKind[kind] = lightCounts(tasks.filter((t) => t.kind === kind));
        return {
          asOf: board.asOf,
          counts: lightCounts(tasks),
          byKind,
          rollups: rollup(tasks, req.query.by, (c) => regions.get(c) ?? { zh: c, en: c }),
          pendingReviews: tasks.reduce((n, t) => n + t.pendingReports, 0),
          escalated: tasks.filter((t) => t.escalated).length,
        };
      },
    });

    app.get('/api/plans/:planId/supervision/settings', {
      config: { policy: 'read' },
      schema: { tags, summary: 'The plan owner’s supervision settings: 填报周期 and the light rule', params: planParams, response: { 200: settingsDto, ...errors } },
      handler: (req) => settingsService.get(database, req.params.planId, planReader(req)),
    });

    app.put('/api/plans/:planId/supervision/settings', {
      config: { policy: 'supervise:tasks' },
      schema: { tags, summary: 'Set the reporting cycle (monthly / quarterly / half-yearly), grace days, 黄 warning days and tolerance', params: planParams, body: settingsBody, response: { 200: settingsDto, ...errors } },
      handler: (req) => settingsService.put(database, { planId: req.params.planId, ...req.body }, auditContext(req)),
    });

    app.get('/api/plans/:planId/reminders', {
      config: { policy: 'read' },
      schema: { tags, summary: 'What each unit must do and by when, as notice text (a reporter: its own units only)', params: planParams, querystring: remindersQuery, response: { 200: remindersResponse, ...errors } },
      handler: async (req) => {
        const actor = await readerOf(database.db, req.principal);
        const at = atOf(req.query.asOf);
        const r = await buildReminders(database, req.params.planId, { lang: req.query.lang, ...(at ? { at } : {}) });
        const mine = actor === null || actor.seesAll ? r.units : r.units.filter((u) => actor.units.includes(u.unit.id));
        return { asOf: r.asOf, ...page(mine, (u) => u.unit.id, req.query) };
      },
    });

    app.get('/api/tasks/:taskId', {
      config: { policy: 'read' },
      schema: { tags, summary: 'One task: light and reasons, nodes, reports, notices, sub-tasks, linked indicators, and what you may do', params: taskParams, querystring: boardQuery.pick({ asOf: true }), response: { 200: taskDetailResponse, ...errors } },
      handler: (req) => tasksService.detail(database, req.params.taskId, auditContext(req), atOf(req.query.asOf)),
    });

    app.post('/api/tasks/:taskId/assign', {
      config: { policy: 'supervise:tasks' },
      schema: { tags, summary: '交办: give the task to its lead unit with co-operating units, time nodes, deadline and indicators (before it is accepted)', params: taskParams, body: assignBody, response: { 200: taskDetailResponse, ...errors } },
      handler: (req) => tasksService.assign(database, req.params.taskId, req.body, auditContext(req)),
    });

    app.post('/api/tasks/:taskId/accept', {
      config: { policy: 'report:tasks' },
      schema: { tags, summary: '签收: the lead unit accepts the task', params: taskParams, response: { 200: taskDetailResponse, ...errors } },
      handler: (req) => tasksService.accept(database, req.params.taskId, auditContext(req)),
    });

    app.post('/api/tasks/:taskId/subtasks', {
      config: { policy: 'supervise:tasks' },
      schema: { tags, summary: '任务分解: a sub-task with its lead unit, co-operating units, nodes and indicators', params: taskParams, body: subtaskBody, response: { 201: taskDetailResponse, ...errors } },
      handler: async (req, reply) => reply.code(201).send(await tasksService.addSubtask(database, req.params.taskId, req.body, auditContext(req))),
    });

    app.post('/api/tasks/:taskId/reports', {
      config: { policy: 'report:tasks' },
      schema: { tags, summary: '进度填报: the lead unit reports a period (node status, narrative, percentage, problems, co-ordination requests)', params: taskParams, body: reportBody, response: { 201: taskReportDto, ...errors } },
      handler: async (req, reply) => reply.code(201).send(await reportsService.submit(database, req.params.taskId, req.body, auditContext(req))),
    });

    app.post('/api/task-reports/:id/review', {
      config: { policy: 'supervise:tasks' },
      schema: { tags, summary: '审核: approve a report (and close the task when it asks to, or with close) or return it with a reason', params: idParams, body: reviewBody, response: { 200: taskReportDto, ...errors } },
      handler: (req) => reportsService.review(database, req.params.id, req.body, auditContext(req)),
    });

    app.post('/api/task-reports/:id/attachments', {
      config: { policy: 'report:tasks' },
      schema: { tags, summary: `Attach a file to a report waiting for review (multipart field "file"; PDF, Word, Excel, PNG, JPEG; at most ${Math.round(env.attachmentMaxBytes / 1048576)} MB)`, consumes: ['multipart/form-data'], params: idParams, response: { 201: taskReportDto, ...errors, 413: errorResponse } },
      handler: async (req, reply) => {
        if (!req.isMultipart()) throw new BadRequestError('send the file as multipart/form-data (field "file")');
        const part = await req.file({ limits: { fileSize: env.attachmentMaxBytes, files: 1 } });
        if (!part) throw new BadRequestError('no file in the request (multipart field "file")');
        const data = await part.toBuffer();
        return reply.code(201).send(await reportsService.attach(database, req.params.id, { name: part.filename, data }, auditContext(req), env));
      },
    });

    app.get('/api/task-attachments/:id', {
      config: { policy: 'read' },
      schema: { tags, summary: 'Download an attachment', params: idParams },
      handler: async (req, reply) => {
        const a = await reportsService.attachment(database, req.params.id, auditContext(req), env);
        return reply.type(a.contentType).header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`).send(a.data);
      },
    });

    app.post('/api/tasks/:taskId/notices', {
      config: { policy: 'supervise:tasks' },
      schema: { tags, summary: '督办单: a notice on a red task with a deadline for the reply', params: taskParams, body: noticeBody, response: { 201: noticeDto, ...errors } },
      handler: async (req, reply) => reply.code(201).send(await noticesService.issue(database, req.params.taskId, req.body, auditContext(req))),
    });

    app.post('/api/task-notices/:id/reply', {
      config: { policy: 'report:tasks' },
      schema: { tags, summary: 'The lead unit replies to a notice', params: idParams, body: noticeReplyBody, response: { 200: noticeDto, ...errors } },
      handler: (req) => noticesService.reply(database, req.params.id, req.body.text, auditContext(req)),
    });

    app.post('/api/task-notices/:id/review', {
      config: { policy: 'supervise:tasks' },
      schema: { tags, summary: 'Accept a reply, or return it with a reason', params: idParams, body: noticeReviewBody, response: { 200: noticeDto, ...errors } },
      handler: (req) => noticesService.review(database, req.params.id, req.body.decision, req.body.comment, auditContext(req)),
    });

    app.get('/api/units', {
      config: { policy: 'read' },
      schema: { tags, summary: 'Units (市直部门 and districts), by id', querystring: pageQuery, response: { 200: unitsResponse, ...errors } },
      handler: async (req) => {
        const after = req.query.after === undefined ? undefined : Number(req.query.after);
        if (after !== undefined && !(Number.isInteger(after) && after >= 0 && after <= 2 ** 31 - 1)) throw new BadRequestError('after: the cursor a previous page returned (next)');
        const items = await unitsService.list(database, { limit: req.query.limit + 1, after });
        const slice = items.slice(0, req.query.limit);
        return { items: slice, next: items.length > req.query.limit ? String(slice[slice.length - 1]?.id ?? '') : null };
      },
    });

    app.post('/api/units', {
      config: { policy: 'manage:users' },
      schema: { tags, summary: 'Add a unit', body: newUnitBody, response: { 201: unitDto, ...errors } },
      handler: async (req, reply) => reply.code(201).send(await unitsService.create(database, req.body, auditContext(req))),
    });

    app.post('/api/units/:id/members', {
      config: { policy: 'manage:users' },
      schema: { tags, summary: 'Let a user act for a unit', params: idParams, body: memberBody, response: { 204: z.null(), ...errors } },
      handler: async (req, reply) => {
        await unitsService.addMember(database, req.params.id, req.body.username, auditContext(req));
        return reply.code(204).send(null);
      },
    });
  };

