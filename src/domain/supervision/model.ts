/** What the supervision records look like to the rest of the platform (read side). */
import type { LocalizedText } from '../text';
import type { LightRules } from './light';
import type { Cycle, NodeStatus, NoticeState, ProjectPhase, ReportState, TaskKind, TaskState, UnitKind } from './terms';

export interface Unit {
  id: number;
  code: string;
  name: LocalizedText;
  kind: UnitKind;
  regionCode: string | null;
  email: string | null;
}

export interface SupervisionSettings extends LightRules {
  planId: string;
  cycle: Cycle;
}

export interface TaskNode {
  id: number;
  ordinal: number;
  title: string;
  due: string;
  expectedOutput: string | null;
  doneOn: string | null;
}

/** A task as the board and the task page see it: the plan item's text joined in. */
export interface TaskRecord {
  id: number;
  planId: string;
  itemKey: string | null;
  parentId: number | null;
  kind: TaskKind;
  title: LocalizedText;
  /** 章 of the plan the item sits in (三, 四 …) and its title; for a 专栏 list, its chapter too. */
  chapter: { number: string; title: LocalizedText } | null;
  /** 专栏2 …, for list items. */
  column: string | null;
  field: LocalizedText | null;
  regions: string[];
  leadUnitId: number | null;
  coUnitIds: number[];
  state: TaskState;
  startDate: string | null;
  deadline: string | null;
  indicatorCodes: string[];
  assignedAt: string | null;
  acceptedAt: string | null;
  completedAt: string | null;
  version: number;
}

export interface TaskReport {
  id: number;
  taskId: number;
  unitId: number;
  periodCode: string;
  state: ReportState;
  narrative: string;
  percent: number | null;
  problems: string | null;
  coordination: string | null;
  nodeStatuses: Array<{ nodeId: number; status: NodeStatus; note?: string | undefined }>;
  closeRequested: boolean;
  late: boolean;
  submittedBy: string | null;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  attachments: Array<{ id: number; fileName: string; contentType: string; size: number }>;
}

export interface TaskNotice {
  id: number;
  taskId: number;
  seq: number;
  text: string;
  replyBy: string;
  state: NoticeState;
  issuedBy: string | null;
  issuedAt: string;
  replyText: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
  reviewComment: string | null;
  reviewedAt: string | null;
}

/** A major project's identity, current plan and latest record of a year. */
export interface ProjectRow {
  id: number;
  planId: string;
  itemKey: string;
  taskId: number | null;
  name: LocalizedText;
  field: LocalizedText | null;
  column: string | null;
  code: string | null;
  regionCode: string | null;
  ownerUnitId: number | null;
  year: number;
  plan: { version: number; baselineAnnualPlan: number | null; totalInvestment: number | null; annualPlan: number | null; plannedStart: string | null; plannedCompletion: string | null } | null;
  latest: {
    month: string;
    monthsElapsed: number;
    revision: number;
    ytdCompleted: number;
    sinceStartCompleted: number | null;
    phase: ProjectPhase | null;
    actualStart: string | null;
    actualCompletion: string | null;
    imageProgress: string | null;
    problems: string | null;
    warnings: string[];
  } | null;
  /** 本年累计完成投资 by month (the latest revision of each), for the chart. */
  months: Array<{ month: string; ytdCompleted: number }>;
}
