/**
 * The reporting calendar (报送日历) of a plan, as data (plans/calendars/<plan>.yaml): which indicators, for which
 * regions, for which periods, are due when and from which department. Expanded, it is the list of expected items
 * that completeness (报送率) counts against.
 */
import { z } from 'zod';
import { periodFromMonths } from '../period/canonical';
import { formatPeriod } from '../period/format';
import { monthRange, type Period } from '../period/period';
import type { PlanIssue } from '../plan/issues';
import { localizedTextSchema } from '../plan/schema';
import { isValidOn, type Region } from '../region/region';
import type { LocalizedText } from '../text';

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an indicator code in UPPER_SNAKE_CASE (e.g. GDP)');
const regionCode = z.string().regex(/^\d{6}(-[A-Z]{2,})?$/, 'must be a 6-digit GB/T 2260 code, or one with a -XX suffix for a functional area');
const year = z.number().int().min(1949).max(2100);

export const FREQUENCIES = ['year', 'half', 'quarter', 'month'] as const;

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    /** 报送单位: the department that reports these figures. */
    department: localizedTextSchema,
    indicators: z.array(code).min(1, 'name at least one indicator'),
    /** plan: the plan's own region; districts: the regions under it that exist in the period; or a list of codes. */
    regions: z.union([z.literal('plan'), z.literal('districts'), z.array(regionCode).min(1)]),
    /** Discrete periods (each year, half, quarter or month) … */
    frequency: z.enum(FREQUENCIES, { error: (i) => `unknown frequency ${JSON.stringify(i.input)} (expected ${FREQUENCIES.join(' | ')})` }).optional(),
    /** … or cumulative ones from January, by their last month: [3, 6, 9, 12] is 一季度, 上半年, 1–9月 and the year. */
    cumulative: z.array(z.number().int().min(1).max(12)).min(1).optional(),
    /** Days after the period's last day by which the figures are due. */
    dueDays: z.number().int().min(0).max(730),
  })
  .strict()
  .superRefine((e, ctx) => {
    if ((e.frequency === undefined) === (e.cumulative === undefined)) ctx.addIssue({ code: 'custom', path: ['frequency'], message: 'give either frequency (year | half | quarter | month) or cumulative (end months, e.g. [3, 6, 9, 12])' });
  });

export const calendarFileSchema = z
  .object({
    plan: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a plan id'),
    /** The years the calendar covers; default the plan period. */
    years: z.object({ from: year, to: year }).strict().refine((y) => y.from <= y.to, { message: 'years.to is before years.from', path: ['to'] }).optional(),
    entries: z.array(entrySchema).min(1, 'a calendar needs at least one entry'),
  })
  .strict();
export type CalendarFile = z.output<typeof calendarFileSchema>;
export type CalendarEntry = CalendarFile['entries'][number];

export function parseCalendarFile(raw: unknown): { ok: true; file: CalendarFile } | { ok: false; issues: PlanIssue[] } {
  const r = calendarFileSchema.safeParse(raw);
  if (r.success) return { ok: true, file: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
}

/** One figure a calendar expects: indicator, region, period, due date, and who reports it. */
export interface ExpectedItem {
  entryId: string;
  department: LocalizedText;
  indicatorCode: string;
  regionCode: string;
  periodCode: string;
  /** ISO date by which it is due. */
  due: string;
}

export interface CalendarContext {
  plan: { regionCode: string; period: { start: number; end: number } };
  regions: readonly Region[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function periodsOf(entry: CalendarEntry, y: number): Period[] {
  if (entry.cumulative) {
    return [...new Set(entry.cumulative)].sort((a, b) => a - b).flatMap((m) => {
      const p = periodFromMonths({ year: y, month: 1 }, { year: y, month: m });
      return p.ok ? [p.value] : [];
    });
  }
  switch (entry.frequency) {
    case 'half':
      return [1, 2].map((h) => ({ type: 'half', year: y, half: h as 1 | 2 }));
    case 'quarter':
      return [1, 2, 3, 4].map((q) => ({ type: 'quarter', year: y, quarter: q as 1 | 2 | 3 | 4 }));
    case 'month':
      return Array.from({ length: 12 }, (_, i) => ({ type: 'month', year: y, month: i + 1 }));
    default:
      return [{ type: 'year', year: y }];
  }
}

/**
 * Every expected item of a calendar, in calendar order. A region is expected only for periods it existed in
 * (光明区, founded 2018-09-19, reports from the 2018 year on; a district closed earlier reports no later period).
 *
 * @example
 * expectedItems(calendar, { plan, regions }).filter((i) => i.periodCode === '2023Q3')
 */
export function expectedItems(cal: CalendarFile, ctx: CalendarContext): ExpectedItem[] {
  const from = cal.years?.from ?? ctx.plan.period.start;
  const to = cal.years?.to ?? ctx.plan.period.end;
  const items: ExpectedItem[] = [];
  for (const entry of cal.entries) {
    for (let y = from; y <= to; y++) {
      for (const period of periodsOf(entry, y)) {
        const { end } = monthRange(period);
        const lastDay = new Date(Date.UTC(end.year, end.month, 0));
        const regionCodes =
          entry.regions === 'plan'
            ? [ctx.plan.regionCode]
            : entry.regions === 'districts'
              ? ctx.regions.filter((r) => r.parentCode === ctx.plan.regionCode && isValidOn(r, iso(lastDay))).map((r) => r.code)
              : entry.regions;
        const due = iso(new Date(lastDay.getTime() + entry.dueDays * 86_400_000));
        const periodCode = formatPeriod(period);
        for (const regionCode of regionCodes) {
          for (const indicatorCode of entry.indicators) items.push({ entryId: entry.id, department: entry.department, indicatorCode, regionCode, periodCode, due });
        }
      }
    }
  }
  return items;
}

/** What a calendar names that the database does not know, and figures expected twice. */
export function crossCheckCalendar(cal: CalendarFile, ctx: { indicators: ReadonlySet<string>; regions: ReadonlySet<string>; plans: ReadonlySet<string> }, expanded: () => ExpectedItem[]): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (!ctx.plans.has(cal.plan)) issues.push({ path: ['plan'], message: `no plan "${cal.plan}" is loaded` });
  const ids = new Map<string, number>();
  cal.entries.forEach((e, i) => {
    const first = ids.get(e.id);
    if (first !== undefined) issues.push({ path: ['entries', i, 'id'], message: `duplicate entry id "${e.id}" (also entries[${first}])` });
    else ids.set(e.id, i);
    e.indicators.forEach((c, j) => !ctx.indicators.has(c) && issues.push({ path: ['entries', i, 'indicators', j], message: `unknown indicator ${c}` }));
    if (Array.isArray(e.regions)) e.regions.forEach((c, j) => !ctx.regions.has(c) && issues.push({ path: ['entries', i, 'regions', j], message: `unknown region ${c}` }));
  });
  if (issues.length > 0) return issues;
  const seen = new Map<string, string>();
  for (const item of expanded()) {
    const k = `${item.indicatorCode} ${item.regionCode} ${item.periodCode}`;
    const first = seen.get(k);
    if (first !== undefined && first !== item.entryId) {
      const i = cal.entries.findIndex((e) => e.id === item.entryId);
      issues.push({ path: ['entries', i], message: `${k} is expected by entries "${first}" and "${item.entryId}": each figure is due once` });
      break;
    }
    seen.set(k, item.entryId);
  }
  return issues;
}
