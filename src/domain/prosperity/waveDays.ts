/**
 * The calendar days of a wave's period, where the survey meets the enterprise registry, whose versions are dated by
 * day: a wave groups an enterprise by the registry version in force on the wave's last day, a panel is drawn from the
 * enterprises in force on its first wave's first day, and an enterprise that closes leaves the panel after the wave
 * of the day before it closed.
 *
 * @example
 * waveFirstDay('2024Q2')               // '2024-04-01'
 * waveLastDay('2024-02')               // '2024-02-29'
 * waveOfDay('2024-05-31', 'quarterly') // { code: '2024Q2', year: 2024, sub: 2 }
 */
import { monthRange } from '../period/period';
import { addDays, lastDayOfMonth } from '../supervision/dates';
import { parsePeriod } from '../period/parse';
import { periodAt, type Frequency, type WavePeriod } from './wavePeriod';

const firstOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

function months(code: string): { start: { year: number; month: number }; end: { year: number; month: number } } {
  const p = parsePeriod(code);
  if (!p.ok || (p.value.type !== 'month' && p.value.type !== 'quarter')) throw new Error(`"${code}" is not a wave period (2024-03 or 2024Q1)`);
  return monthRange(p.value);
}

/** The first day of a wave's period (ISO date). */
export function waveFirstDay(code: string): string {
  const { start } = months(code);
  return firstOf(start.year, start.month);
}

/** The last day of a wave's period (ISO date). */
export function waveLastDay(code: string): string {
  const { end } = months(code);
  return lastDayOfMonth(end.year, end.month);
}

/** The wave period of a survey's frequency that contains a day (ISO date). */
export function waveOfDay(day: string, frequency: Frequency): WavePeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return periodAt(frequency === 'monthly' ? year * 12 + month - 1 : year * 4 + Math.floor((month - 1) / 3), frequency);
}

/** The day before an ISO date. */
export const dayBefore = (day: string): string => addDays(day, -1);
