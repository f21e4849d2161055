/**
 * Roles (角色) and what each may do. A reporter is scoped: it writes only figures of its own regions (and, once
 * tasks and projects exist, of its own departments). The public (no sign-in) reads only what is published.
 */
import type { LocalizedText } from '../text';

export const ROLES = ['admin', 'planner', 'statistician', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, LocalizedText> = {
  admin: { zh: '系统管理员', en: 'administrator' },
  planner: { zh: '规划处', en: 'planner' },
  statistician: { zh: '统计', en: 'statistician' },
  reporter: { zh: '填报单位', en: 'reporter' },
  viewer: { zh: '领导（只读）', en: 'viewer (read-only)' },
};

/**
 * Who is asking: a signed-in user (by session or API token), the public, or the platform itself — its own loads at
 * start, and the operator at the server's console (the CLI, directly or through the server's local admin channel),
 * who is trusted with the database itself. A system principal is never the default: it is always named.
 */
export type Principal =
  | { kind: 'public' }
  | { kind: 'system'; name: 'system' | 'cli' }
  | { kind: 'user'; userId: number; username: string; role: Role; regions: readonly string[]; departments: readonly string[]; via: 'session' | 'token'; tokenScopes?: readonly string[] };

/** Route policies: every route declares one (server/policy.ts). `system`: the local admin channel only (the CLI beside a running server). */
export const POLICIES = ['public', 'read', 'write:observations', 'approve:observations', 'manage:users', 'read:audit', 'supervise:tasks', 'report:tasks', 'read:microdata', 'write:enterprises', 'write:survey', 'manage:regions', 'assess:targets', 'system'] as const;
export type Policy = (typeof POLICIES)[number];

const allowed: Record<Exclude<Policy, 'public' | 'system'>, readonly Role[]> = {
  read: ROLES,
  'write:observations': ['admin', 'statistician', 'reporter'],
  /** 审核: approve or reject submitted figures, import straight to approved, evaluate with drafts included. */
  'approve:observations': ['admin', 'planner'],
  'manage:users': ['admin'],
  'read:audit': ['admin', 'planner'],
  /**
   * 企业微观数据: individual enterprises' registry and figures, and industry aggregates without suppression. The
   * statistics office's own staff only (统计法: data of individual respondents are confidential); every read is audited.
   */
  'read:microdata': ['admin', 'statistician'],
  /** Import enterprise files (registry and figures). */
  'write:enterprises': ['admin', 'statistician'],
  /** Load or extend the region registry and region boundaries (reference data every plan and figure relies on). */
  'manage:regions': ['admin'],
  /** 定性评估: judge a qualitative target (基本建成…) with evidence — the plan owner's call. */
  'assess:targets': ['admin', 'planner'],
  /** 督促检查 by the plan owner: 交办, 任务分解, 审核 of progress reports, 督办单, supervision settings. */
  'supervise:tasks': ['admin', 'planner'],
  /** A unit's own work: 签收, 进度填报, replies to 督办单, the project dispatch table — only for units one acts for. */
  'report:tasks': ['admin', 'planner', 'reporter'],
  /** 景气调查: open waves, import enterprises' answers (the statistics office runs the survey). */
  'write:survey': ['admin', 'statistician'],
};

/** Whether a role may act under a policy at all (before tokens and row scopes): what a page offers a signed-in user. */
export const roleMay = (role: Role, policy: Exclude<Policy, 'public' | 'system'>): boolean => allowed[policy].includes(role);

export type Decision = { allow: true } | { allow: false; status: 401 | 403; reason: string };

/**
 * @example
 * decide('write:observations', { kind: 'public' }) // { allow: false, status: 401, … }
 */
export function decide(policy: Policy, who: Principal): Decision {
  if (policy === 'public') return { allow: true };
  if (who.kind === 'system') return { allow: true };
  if (who.kind === 'public') return { allow: false, status: 401, reason: 'sign in first (or send an API token)' };
  if (policy === 'system') return { allow: false, status: 403, reason: 'only the server\'s local admin channel (the plan-monitor command on this machine) may do this' };
  if (!allowed[policy].includes(who.role)) return { allow: false, status: 403, reason: `role ${who.role} may not ${policy}` };
  if (who.via === 'token' && policy !== 'read' && !(who.tokenScopes ?? []).includes(policy)) {
    return { allow: false, status: 403, reason: `this API token is not scoped for ${policy}` };
  }
  return { allow: true };
}

/** Whether this principal may act under a policy (the same decision a route makes), for checks inside a use case. */
export const may = (who: Principal, policy: Policy): boolean => decide(policy, who).allow;

/**
 * Which figures a principal may read: the public sees approved (published) figures only; anyone signed in sees
 * drafts and submitted ones too, as the approvals queue and the districts' own entries need.
 */
export const seesUnapproved = (who: Principal): boolean => who.kind !== 'public';

/**
 * Row-level scope: may this principal write a figure for this region? Reporters only inside their regions;
 * statisticians and administrators everywhere.
 */
export function mayWriteRegion(who: Principal, regionCode: string): boolean {
  if (who.kind === 'public') return false;
  if (who.kind === 'system') return true;
  if (who.role === 'admin' || who.role === 'statistician') return true;
  if (who.role === 'reporter') return who.regions.includes(regionCode);
  return false;
}

/**
 * Row-level scope of supervision: may this principal act for a unit (签收, 填报, reply, import its dispatch table)?
 * An administrator may act for any unit; anyone else only for the units they are a member of (unit_members).
 */
export function mayActForUnit(who: Principal, memberOf: readonly number[], unitId: number): boolean {
  if (who.kind === 'public') return false;
  if (who.kind === 'system') return true;
  if (who.role === 'admin') return true;
  return (who.role === 'reporter' || who.role === 'planner') && memberOf.includes(unitId);
}

/** A reporter (a unit's user) sees only the tasks of its units; every other signed-in role, and the operator at the console (system), every task. */
export const seesAllTasks = (who: Principal): boolean => who.kind === 'system' || (who.kind === 'user' && who.role !== 'reporter');
