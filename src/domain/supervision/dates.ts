/**
 * Calendar days as ISO dates (YYYY-MM-DD), in UTC: deadlines are days, not instants, and a day means the same
 * everywhere the platform runs. Pure arithmetic on strings, so the domain needs no clock.
 */

const DAY = 86_400_000;

/** Milliseconds of the start of an ISO day (UTC). */
export const dayMs = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** The ISO day `days` after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  return new Date(dayMs(iso) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: string, b: string): number => Math.round((dayMs(b) - dayMs(a)) / DAY);

/** The last day of a month (month 1..12). */
export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = dayMs(text);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === text;
}
