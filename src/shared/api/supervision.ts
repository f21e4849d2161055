/** 督促检查: tasks, the board, reports and their review, notices, units, major projects and reminders. */
import { z } from 'zod';
import { CYCLES, NODE_STATUSES, NOTICE_STATES, PROJECT_PHASES, REPORT_STATES, TASK_KINDS, TASK_LIGHTS, TASK_STATES, UNIT_KINDS } from '../../domain/supervision/terms';
import { localizedText } from './common';
import { isIsoDay } from '../../domain/supervision/dates';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD')
  // 2026-02-30 or 0000-00-00 has the shape of a day but is none.
  .refine((t) => isIsoDay(t) && t >= '1949-01-01', 'a real day, YYYY-MM-DD, from 1949');
/** Every list is paged: at most `limit` items after the cursor; `next` is the cursor of the next page (null at the end). */
export const pageQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), after: z.string().max(40).optional() });

export const lightCounts = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), grey: z.number().int() });
const unitRef = z.object({ id: z.number().int(), name: localizedText });

export const taskDto = z.object({
  id: z.number().int(),
  planId: z.string(),
  itemKey: z.string().nullable(),
  parentId: z.number().int().nullable(),
  kind: z.enum(TASK_KINDS),
  title: localizedText,
  chapter: z.object({ number: z.string(), title: localizedText }).nullable(),
  column: z.string().nullable(),
  field: localizedText.nullable(),
  state: z.enum(TASK_STATES),
  light: z.enum(TASK_LIGHTS),
  reasons: z.array(z.object({ code: z.string(), text: localizedText })),
  missing: z.array(z.string()).describe('periods whose report is missing after its due day'),
  nextDue: z.object({ code: z.string(), end: z.string(), due: z.string() }).nullable(),
  leadUnit: unitRef.nullable(),
  coUnits: z.array(unitRef),
  districts: z.array(z.string()),
  startDate: z.string().nullable(),
  deadline: z.string().nullable(),
  indicatorCodes: z.array(z.string()),
  percent: z.number().nullable(),
  lateReports: z.number().int(),
  pendingReports: z.number().int(),
  escalated: z.boolean().describe('提级督办: two notices missed'),
  assignedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type TaskDto = z.infer<typeof taskDto>;

export const tasksQuery = pageQuery.extend({
  unit: z.coerce.number().int().optional().describe('lead or co-operating unit id'),
  light: z.enum(TASK_LIGHTS).optional(),
  kind: z.enum(TASK_KINDS).optional(),
  state: z.enum(TASK_STATES).optional(),
  district: z.string().optional(),
  chapter: z.string().optional(),
  asOf: day.optional().describe('lights as of this day (default today)'),
});
export const tasksResponse = z.object({ asOf: z.string(), total: z.number().int(), counts: lightCounts, items: z.array(taskDto), next: z.string().nullable() });

export const boardQuery = z.object({ by: z.enum(['chapter', 'unit', 'district']).default('chapter'), asOf: day.optional() });
export const boardResponse = z.object({
  asOf: z.string(),
  counts: lightCounts,
  byKind: z.record(z.string(), lightCounts),
  rollups: z.array(z.object({ key: z.string(), label: localizedText, counts: lightCounts, total: z.number().int() })),
  pendingReviews: z.number().int(),
  escalated: z.number().int(),
});

const nodeDto = z.object({ id: z.number().int(), ordinal: z.number().int(), title: z.string(), due: z.string(), expectedOutput: z.string().nullable(), doneOn: z.string().nullable() });
export const taskReportDto = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  unitId: z.number().int(),
  periodCode: z.string(),
  state: z.enum(REPORT_STATES),
  narrative: z.string(),
  percent: z.number().nullable(),
  problems: z.string().nullable(),
  coordination: z.string().nullable(),
  nodeStatuses: z.array(z.object({ nodeId: z.number().int(), status: z.enum(NODE_STATUSES), note: z.string().optional() })),
  closeRequested: z.boolean(),
  late: z.boolean(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int() })),
});
export const noticeDto = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  seq: z.number().int(),
  text: z.string(),
  replyBy: z.string(),
  state: z.enum(NOTICE_STATES),
  issuedBy: z.string().nullable(),
  issuedAt: z.string(),
  replyText: z.string().nullable(),
  repliedBy: z.string().nullable(),
  repliedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export const taskDetailResponse = z.object({
  task: taskDto,
  parent: z.object({ id: z.number().int(), title: localizedText }).nullable(),
  nodes: z.array(nodeDto),
  reports: z.array(taskReportDto),
  notices: z.array(noticeDto),
  subtasks: z.array(taskDto),
  abilities: z.object({ supervise: z.boolean(), actForLead: z.boolean() }),
});
export type TaskDetailDto = z.infer<typeof taskDetailResponse>;

export const taskParams = z.object({ taskId: id });
export const idParams = z.object({ id });
export const assignBody = z.object({
  leadUnit: z.number().int().describe('牵头单位 (one)'),
  coUnits: z.array(z.number().int()).max(50).optional().describe('配合单位'),
  startDate: day.optional(),
  deadline: day.optional(),
  indicators: z.array(z.string()).max(50).optional(),
  nodes: z.array(z.object({ title: z.string().max(200), due: z.string(), expectedOutput: z.string().max(1000).optional() })).max(50).optional().describe('时间节点 with expected outputs'),
});
export const subtaskBody = assignBody.extend({ title: z.string().min(1).max(300), titleEn: z.string().max(300).optional() });
export const reportBody = z.object({
  period: z.string().max(10).describe('the reporting period of the plan’s cycle: 2024-03, 2024Q1 or 2024H1'),
  narrative: z.string().max(20_000),
  percent: z.number().min(0).max(100).optional(),
  problems: z.string().max(10_000).optional(),
  coordination: z.string().max(10_000).optional().describe('需协调事项'),
  nodes: z.array(z.object({ nodeId: z.number().int(), status: z.enum(NODE_STATUSES), note: z.string().max(1000).optional() })).max(50).optional(),
  close: z.boolean().optional().describe('ask to close the task (办结) with this report'),
});
export const reviewBody = z.object({ decision: z.enum(['approve', 'return']), comment: z.string().max(5000).optional(), close: z.boolean().optional() });
export const noticeBody = z.object({ text: z.string().min(1).max(5000), replyBy: day });
export const noticeReplyBody = z.object({ text: z.string().min(1).max(10_000) });
export const noticeReviewBody = z.object({ decision: z.enum(['accept', 'return']), comment: z.string().max(5000).optional() });

export const settingsDto = z.object({
  planId: z.string(),
  cycle: z.enum(CYCLES),
  dueDays: z.number().int().min(0).max(90),
  warnDays: z.number().int().min(0).max(180),
  behindTolerance: z.number().min(0).max(1),
});
export const settingsBody = settingsDto.omit({ planId: true });

export const unitDto = z.object({ id: z.number().int(), code: z.string(), name: localizedText, kind: z.enum(UNIT_KINDS), regionCode: z.string().nullable(), email: z.string().nullable() });
export const unitsResponse = z.object({ items: z.array(unitDto), next: z.string().nullable() });
export const newUnitBody = z.object({ code: z.string().min(1).max(40), name: localizedText, kind: z.enum(UNIT_KINDS), regionCode: z.string().optional(), email: z.email().optional() });
export const memberBody = z.object({ username: z.string().min(1).max(80) });

export const reminderItemDto = z.object({ taskId: z.number().int(), title: z.string(), what: z.string(), late: z.boolean(), due: z.string().nullable(), text: z.string() });
export const unitReminderDto = z.object({ unit: z.object({ id: z.number().int(), code: z.string(), name: localizedText, email: z.string().nullable() }), items: z.array(reminderItemDto), late: z.number().int(), dueSoon: z.number().int(), text: z.string() });
export const remindersResponse = z.object({ asOf: z.string(), items: z.array(unitReminderDto), next: z.string().nullable() });
export const remindersQuery = pageQuery.extend({ asOf: day.optional(), lang: z.enum(['zh', 'en']).default('zh') });

export const projectDto = z.object({
  id: z.number().int(),
  itemKey: z.string(),
  taskId: z.number().int().nullable(),
  name: localizedText,
  field: localizedText.nullable(),
  column: z.string().nullable(),
  code: z.string().nullable(),
  regionCode: z.string().nullable(),
  ownerUnitId: z.number().int().nullable(),
  year: z.number().int(),
  plan: z.object({ version: z.number().int(), baselineAnnualPlan: z.number().nullable(), totalInvestment: z.number().nullable(), annualPlan: z.number().nullable(), plannedStart: z.string().nullable(), plannedCompletion: z.string().nullable() }).nullable(),
  latest: z
    .object({
      month: z.string(), monthsElapsed: z.number().int(), revision: z.number().int(), ytdCompleted: z.number(), sinceStartCompleted: z.number().nullable(), phase: z.enum(PROJECT_PHASES).nullable(),
      actualStart: z.string().nullable(), actualCompletion: z.string().nullable(), imageProgress: z.string().nullable(), problems: z.string().nullable(), warnings: z.array(z.string()),
    })
    .nullable(),
  months: z.array(z.object({ month: z.string(), ytdCompleted: z.number() })),
  completionRate: z.number().nullable().describe('年度投资完成率'),
  gap: z.number().nullable().describe('完成率 − 已过月份/12'),
  replanned: z.boolean(),
});
export type ProjectDto = z.infer<typeof projectDto>;
export const projectsQuery = pageQuery.extend({ year: z.coerce.number().int().min(1949).max(2100).optional() });
export const projectsResponse = z.object({
  year: z.number().int(),
  asOf: z.string(),
  summary: z.object({
    projects: z.number().int(), reported: z.number().int(), annualPlan: z.number(), ytdCompleted: z.number(), completionRate: z.number().nullable(),
    start: z.object({ due: z.number().int(), started: z.number().int(), rate: z.number().nullable() }).describe('开工率'),
    onTimeCompletion: z.object({ due: z.number().int(), onTime: z.number().int(), rate: z.number().nullable() }).describe('按期竣工率'),
  }),
  items: z.array(projectDto),
  next: z.string().nullable(),
});
const problem = z.object({ file: z.string(), row: z.number().int(), column: z.string().nullable(), reason: z.string() });
export const projectImportReport = z.object({
  file: z.string(), format: z.enum(['csv', 'xlsx']), dryRun: z.boolean(), committed: z.boolean(), importId: z.number().int().nullable(), rows: z.number().int(),
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  counts: z.object({ new: z.number().int(), revision: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), replanned: z.number().int() }),
  errors: z.array(z.string()), rejected: z.array(problem), warnings: z.array(problem), forbidden: z.boolean(), truncated: z.boolean(),
});
export type ProjectImportReportDto = z.infer<typeof projectImportReport>;
