/**
 * Violations as the API and the page read them: filtered (plan, indicator, region, rule, severity, open or
 * acknowledged), summarised (by rule, indicator, region, year), paged by cursor; and the acknowledgement of a
 * warning, with its audit entry.
 */
import type { Database } from '../../db/client';
import { insertAcknowledgements } from '../../db/quality';
import { compareResults, type ResultOrder } from '../../domain/quality/result';
import type { Severity } from '../../domain/quality/rules';
import { summarise, type Violation, type ViolationSummary } from '../../domain/quality/summary';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { qualityRun, type QualityRun } from './run';

export interface ViolationFilter {
  plan?: string | undefined;
  /** Violations any of whose figures is of one of these indicators. */
  indicator?: readonly string[] | undefined;
  region?: readonly string[] | undefined;
  rule?: readonly string[] | undefined;
  severity?: Severity | undefined;
  status?: 'open' | 'acknowledged' | undefined;
}

export function filterViolations(run: QualityRun, f: ViolationFilter): Violation[] {
  return run.violations.filter(
    (v) =>
      (!f.indicator || v.figures.some((x) => f.indicator?.includes(x.indicatorCode))) &&
      (!f.region || v.figures.some((x) => f.region?.includes(x.regionCode))) &&
      (!f.rule || f.rule.includes(v.ruleId)) &&
      (!f.severity || v.severity === f.severity) &&
      (!f.status || (f.status === 'open') === (v.acknowledgement === null)),
  );
}

/** A cursor names the last item of a page by its place in the order (not by a position that shifts when data changes). */
type CursorItem = ResultOrder;

export function encodeCursor(v: CursorItem): string {
  return Buffer.from(JSON.stringify([v.outcome, v.severity, v.ruleId, v.anchor.indicatorCode, v.anchor.regionCode, v.anchor.periodCode, v.key])).toString('base64url');
}

function decodeCursor(cursor: string): CursorItem {
  try {
    const [outcome, severity, ruleId, indicatorCode, regionCode, periodCode, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as string[];
    if ([outcome, severity, ruleId, indicatorCode, regionCode, periodCode, key].some((x) => typeof x !== 'string')) throw new Error('shape');
    return { outcome: outcome as CursorItem['outcome'], severity: severity as Severity, ruleId: ruleId ?? '', anchor: { indicatorCode: indicatorCode ?? '', regionCode: regionCode ?? '', periodCode: periodCode ?? '' }, key: key ?? '' };
  } catch {
    throw new BadRequestError('cursor is not one this API gave out: start again without it');
  }
}

/** The items after the cursor (in the list's order), at most `limit`, and the cursor of the next page. */
export function page<T extends CursorItem>(sorted: readonly T[], limit: number, cursor: string | undefined): { items: T[]; nextCursor: string | null } {
  let from = 0;
  if (cursor) {
    const after = decodeCursor(cursor);
    // The first item ordered after the cursor's (binary search: the list is sorted by compareResults).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const item = sorted[mid];
      if (item && compareResults(item, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
  }
  const items = sorted.slice(from, from + limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last && from + limit < sorted.length ? encodeCursor(last) : null };
}

export async function listViolations(database: Database, f: ViolationFilter & { limit: number; cursor?: string | undefined }) {
  const run = await qualityRun(database, f.plan ?? null);
  const all = filterViolations(run, f);
  return { checkedAt: run.checkedAt, total: all.length, ...page(all, f.limit, f.cursor) };
}

export interface QualitySummary {
  planId: string | null;
  checkedAt: string;
  figures: number;
  rules: Array<{ id: string; name: { zh: string; en: string }; severity: Severity; kind: string; planId: string | null; pass: number; fail: number; skipped: number }>;
  summary: ViolationSummary;
}

export async function qualitySummary(database: Database, f: ViolationFilter): Promise<QualitySummary> {
  const run = await qualityRun(database, f.plan ?? null);
  return {
    planId: run.planId,
    checkedAt: run.checkedAt,
    figures: run.figures,
    rules: run.rules.map((r) => ({ id: r.rule.id, name: r.rule.name, severity: r.rule.severity, kind: r.rule.kind, planId: r.planId, ...(run.counts[r.rule.id] ?? { pass: 0, fail: 0, skipped: 0 }) })),
    summary: summarise(filterViolations(run, f)),
  };
}

/**
 * Acknowledges a warning with a comment (planner, administrator): recorded under the violation's key, with an
 * audit entry, in one transaction. Errors cannot be acknowledged: the figure must be corrected.
 */
export async function acknowledgeViolation(database: Database, input: { key: string; comment: string }, ctx: AuditContext): Promise<Violation> {
  const comment = input.comment.trim();
  if (!comment) throw new BadRequestError('say why the warning may stand (comment)');
  const run = await qualityRun(database);
  const v = run.violations.find((x) => x.key === input.key);
  if (!v) throw new NotFoundError(`no open violation "${input.key}" (the figures may have changed: reload the list)`);
  if (v.severity === 'error') throw new ConflictError(`rule ${v.ruleId} is an error: it cannot be acknowledged; correct the figure instead`);
  if (v.acknowledgement) throw new ConflictError(`already acknowledged by ${v.acknowledgement.by ?? 'someone'} on ${v.acknowledgement.at.slice(0, 10)}`);
  const observationId = v.figures.find((x) => x.id > 0)?.id;
  if (observationId === undefined) throw new NotFoundError('the violation names no stored figure');
  const userId = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
  await database.db.transaction(async (tx) => {
    await insertAcknowledgements(tx, [{ observationId, ruleId: v.ruleId, violationKey: v.key, comment, userId }]);
    await audit(tx, ctx, { action: 'quality.acknowledge', entity: 'observation', entityId: observationId, newValue: { rule: v.ruleId, key: v.key, message: v.message.zh, comment } });
  });
  const after = await qualityRun(database);
  return after.violations.find((x) => x.key === v.key) ?? v;
}
