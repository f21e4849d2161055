/**
 * The audit log in words (issue 15): each recorded action and entity as a person says it, and a one-line summary of
 * what changed, so the audit page shows "批准数据 · 数据第12号 · 草稿 → 已审核" instead of "figure.approve_direct" and
 * JSON (the JSON stays one click away, behind 详情). An action the table does not know yet reads as its code.
 */
import { APPROVAL_STATE_LABELS } from '../domain/observation/approval';
import type { LocalizedText } from '../domain/text';

export const AUDIT_ACTION_WORDS: Readonly<Record<string, LocalizedText>> = {
  login: { zh: '登录', en: 'signed in' },
  login_failed: { zh: '登录失败', en: 'failed sign-in' },
  logout: { zh: '退出登录', en: 'signed out' },
  user_created: { zh: '创建用户', en: 'created a user' },
  token_created: { zh: '创建接口令牌', en: 'created an API token' },
  token_revoked: { zh: '吊销接口令牌', en: 'revoked an API token' },
  import: { zh: '导入数据文件', en: 'imported a data file' },
  'import.approve_all': { zh: '批准整批导入数据', en: 'approved an import batch' },
  'figure.submit': { zh: '报送数据', en: 'submitted a figure' },
  'figure.approve': { zh: '批准数据', en: 'approved a figure' },
  'figure.approve_direct': { zh: '直接批准草稿', en: 'approved a draft directly' },
  'figure.reject': { zh: '退回数据', en: 'returned a figure' },
  'figure.withdraw': { zh: '撤回数据', en: 'withdrew a figure' },
  'figure.edit': { zh: '修改数据', en: 'edited a figure' },
  'figure.correct': { zh: '更正数据（新版本）', en: 'corrected a figure (new vintage)' },
  'quality.acknowledge': { zh: '确认数据质量警告', en: 'acknowledged a data-quality warning' },
  'report.export_edited': { zh: '导出修改后的报告', en: 'exported an edited report' },
  'supervision.settings': { zh: '修改督办设置', en: 'changed supervision settings' },
  'task.assign': { zh: '交办任务', en: 'assigned a task' },
  'task.accept': { zh: '签收任务', en: 'accepted a task' },
  'task.close': { zh: '办结任务', en: 'closed a task' },
  'task.subtask': { zh: '分解任务', en: 'split a task' },
  'task.report': { zh: '报送进展', en: 'reported progress' },
  'task_report.approve': { zh: '审核通过进展报告', en: 'approved a progress report' },
  'task_report.return': { zh: '退回进展报告', en: 'returned a progress report' },
  'task_report.attach': { zh: '上传附件', en: 'attached a file' },
  'task_notice.issue': { zh: '发出督办通知', en: 'issued a notice' },
  'task_notice.reply': { zh: '回复督办通知', en: 'replied to a notice' },
  'task_notice.accept': { zh: '认可督办回复', en: 'accepted a reply' },
  'task_notice.return': { zh: '退回督办回复', en: 'returned a reply' },
  'project.import': { zh: '导入重大项目调度表', en: 'imported the project dispatch table' },
  'unit.create': { zh: '新建责任单位', en: 'created a unit' },
  'unit.member_add': { zh: '添加单位成员', en: 'added a unit member' },
};

export const AUDIT_ENTITY_WORDS: Readonly<Record<string, LocalizedText>> = {
  observation: { zh: '数据', en: 'figure' },
  import_batch: { zh: '导入批次', en: 'import batch' },
  session: { zh: '会话', en: 'session' },
  user: { zh: '用户', en: 'user' },
  api_token: { zh: '接口令牌', en: 'API token' },
  plan: { zh: '规划', en: 'plan' },
  task: { zh: '任务', en: 'task' },
  task_report: { zh: '进展报告', en: 'progress report' },
  task_attachment: { zh: '附件', en: 'attachment' },
  task_notice: { zh: '督办通知', en: 'notice' },
  project_import: { zh: '项目调度表', en: 'project dispatch table' },
  unit: { zh: '责任单位', en: 'unit' },
  region: { zh: '地区', en: 'region' },
  region_registry: { zh: '行政区划文件', en: 'region registry file' },
  qualitative_assessment: { zh: '定性目标评估', en: 'assessment of a qualitative target' },
  enterprise: { zh: '企业', en: 'enterprise' },
  enterprise_import_batch: { zh: '企业数据导入批次', en: 'enterprise import batch' },
  enterprise_search: { zh: '企业查询', en: 'enterprise search' },
  industry_aggregate: { zh: '行业汇总', en: 'industry aggregate' },
  survey: { zh: '景气调查', en: 'survey' },
  survey_wave: { zh: '调查期次', en: 'survey wave' },
  survey_import_batch: { zh: '调查问卷导入批次', en: 'survey import batch' },
};

/** "导入批次第3号" / "import batch no. 3"; an entity without a number reads by its word alone. */
export function auditEntity(entity: string, entityId: string | null, lang: 'zh' | 'en'): string {
  const word = AUDIT_ENTITY_WORDS[entity]?.[lang] ?? entity;
  if (!entityId) return word;
  if (!/^\d+$/.test(entityId)) return lang === 'zh' ? `${word}“${entityId}”` : `${word} “${entityId}”`;
  return lang === 'zh' ? `${word}第${entityId}号` : `${word} no. ${entityId}`;
}

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const stateWord = (s: unknown, lang: 'zh' | 'en'): string | null => (typeof s === 'string' && s in APPROVAL_STATE_LABELS ? APPROVAL_STATE_LABELS[s as keyof typeof APPROVAL_STATE_LABELS][lang] : typeof s === 'string' ? s : null);

/** What changed, in one line: a state change, a file and its counts, a comment. Empty when there is nothing to say. */
export function auditSummary(e: { entity: string; oldValue: unknown; newValue: unknown }, lang: 'zh' | 'en'): string {
  const before = record(e.oldValue);
  const after = record(e.newValue);
  const parts: string[] = [];
  const from = stateWord(before.state, lang);
  const to = stateWord(after.state, lang);
  if (from && to && from !== to) parts.push(`${from} → ${to}`);
  if (typeof after.file === 'string') parts.push(lang === 'zh' ? `文件“${after.file}”` : `file “${after.file}”`);
  if (typeof after.added === 'number') parts.push(lang === 'zh' ? `写入${after.added}条` : `${after.added} figure${after.added === 1 ? '' : 's'} written`);
  if (typeof after.figures === 'number') parts.push(lang === 'zh' ? `${after.figures}条数据` : `${after.figures} figure${after.figures === 1 ? '' : 's'}`);
  if (typeof after.value === 'number' && typeof after.unit === 'string') parts.push(lang === 'zh' ? `数值${after.value}${after.unit}` : `value ${after.value} ${after.unit}`);
  if (typeof after.username === 'string') parts.push(lang === 'zh' ? `用户名${after.username}` : `user name ${after.username}`);
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** The comment a person wrote with the change (shown as written, in its own language), or null. */
export function auditComment(e: { newValue: unknown }): string | null {
  const c = record(e.newValue).comment;
  return typeof c === 'string' && c ? c : null;
}
