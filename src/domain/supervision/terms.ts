/**
 * 督促检查 (implementation supervision): the vocabulary. docs/GLOSSARY.md lists the same terms; keep them equal.
 * A task (任务) is a plan item to supervise — a measure, project, base or park — or a sub-task a planner split off
 * (任务分解). Its text stays in the plan item; the task adds who does it, by when, and how it goes.
 */
import type { LocalizedText } from '../text';

/** The plan item kinds that become tasks, and sub-tasks (任务分解). */
export const TASK_KINDS = ['measure', 'project', 'base', 'park', 'subtask'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/** Kinds derived from the plan (one task per item). */
export const ITEM_TASK_KINDS = ['measure', 'project', 'base', 'park'] as const;

export const TASK_KIND_LABELS: Record<TaskKind, LocalizedText> = {
  measure: { zh: '重点任务', en: 'Key measure' },
  project: { zh: '重大项目', en: 'Major project' },
  base: { zh: '特色基地', en: 'Featured base' },
  park: { zh: '试点园区', en: 'Pilot park' },
  subtask: { zh: '分解任务', en: 'Sub-task' },
};

/**
 * 任务状态, the workflow: 待交办 → 已交办 (交办) → 已签收 (签收) → 办理中 (办理/填报, 审核) → 已办结 (办结/销号).
 * A report's review (审核) happens inside 办理中; approving the closing report closes the task.
 */
export const TASK_STATES = ['unassigned', 'assigned', 'accepted', 'in_progress', 'completed'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS: Record<TaskState, LocalizedText> = {
  unassigned: { zh: '待交办', en: 'Not assigned' },
  assigned: { zh: '已交办', en: 'Assigned' },
  accepted: { zh: '已签收', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  completed: { zh: '已办结', en: 'Completed' },
};

/** 进度报告状态: 已报送 → 已审核 (approved) or 已退回 (returned, with the reason). */
export const REPORT_STATES = ['submitted', 'approved', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_LABELS: Record<ReportState, LocalizedText> = {
  submitted: { zh: '已报送', en: 'Submitted' },
  approved: { zh: '已审核', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** 时间节点状态, as a report states it. */
export const NODE_STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];
export const NODE_STATUS_LABELS: Record<NodeStatus, LocalizedText> = {
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '推进中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  delayed: { zh: '滞后', en: 'Delayed' },
};

/** 三色预警 plus 灰 (not started). */
export const TASK_LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;
export type TaskLight = (typeof TASK_LIGHTS)[number];
export const TASK_LIGHT_LABELS: Record<TaskLight, LocalizedText> = {
  green: { zh: '绿灯（按计划推进）', en: 'Green (on schedule)' },
  yellow: { zh: '黄灯（需关注）', en: 'Yellow (watch)' },
  red: { zh: '红灯（逾期）', en: 'Red (overdue)' },
  grey: { zh: '灰灯（未启动）', en: 'Grey (not started)' },
};

/** 填报周期, set by the plan owner. */
export const CYCLES = ['monthly', 'quarterly', 'half_yearly'] as const;
export type Cycle = (typeof CYCLES)[number];
export const CYCLE_LABELS: Record<Cycle, LocalizedText> = {
  monthly: { zh: '按月', en: 'Monthly' },
  quarterly: { zh: '按季度', en: 'Quarterly' },
  half_yearly: { zh: '按半年', en: 'Half-yearly' },
};

/** 单位类别: 市直部门 or 区 (district government). */
export const UNIT_KINDS = ['department', 'district'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, LocalizedText> = {
  department: { zh: '市直部门', en: 'City department' },
  district: { zh: '区', en: 'District' },
};

/** 项目阶段 of a major project. */
export const PROJECT_PHASES = ['preparation', 'new_start', 'continuing', 'completed'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export const PROJECT_PHASE_LABELS: Record<ProjectPhase, LocalizedText> = {
  preparation: { zh: '前期', en: 'Preparation' },
  new_start: { zh: '新开工', en: 'New start' },
  continuing: { zh: '续建', en: 'Continuing' },
  completed: { zh: '竣工投产', en: 'Completed' },
};

/** 督办单 review of a reply: accepted, or returned with a reason (the unit replies again). */
export const NOTICE_STATES = ['issued', 'replied', 'accepted', 'returned'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
export const NOTICE_STATE_LABELS: Record<NoticeState, LocalizedText> = {
  issued: { zh: '待回复', en: 'Awaiting reply' },
  replied: { zh: '已回复', en: 'Replied' },
  accepted: { zh: '回复已认可', en: 'Reply accepted' },
  returned: { zh: '回复已退回', en: 'Reply returned' },
};
