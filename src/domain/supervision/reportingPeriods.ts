/**
 * 填报周期: the reporting periods of a cycle (月 2024-03, 季 2024Q1, 半年 2024H1 — the platform's period codes),
 * each with the day it ends and the day its report is due (the end plus the plan owner's grace days).
 */
import { lastDayOfMonth, addDays } from './dates';
import type { Cycle } from './terms';

export interface ReportingPeriod {
  /** 2024-03, 2024Q1 or 2024H1. */
  code: string;
  /** Last day of the period. */
  end: string;
  /** The report is late after this day. */
  due: string;
}

const MONTHS: Record<Cycle, number> = { monthly: 1, quarterly: 3, half_yearly: 6 };

function codeOf(cycle: Cycle, year: number, endMonth: number): string {
  if (cycle === 'monthly') return `${year}-${String(endMonth).padStart(2, '0')}`;
  if (cycle === 'quarterly') return `${year}Q${endMonth / 3}`;
  return `${year}H${endMonth / 6}`;
}

/** The period of a cycle that contains a day. */
export function periodContaining(cycle: Cycle, day: string, dueDays: number): ReportingPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const step = MONTHS[cycle];
  const endMonth = Math.ceil(month / step) * step;
  const end = lastDayOfMonth(year, endMonth);
  return { code: codeOf(cycle, year, endMonth), end, due: addDays(end, dueDays) };
}

/**
 * Every period whose end falls within [from, to], in order: the periods a task assigned on `from` must report
 * while it runs until `to`.
 *
 * @example
 * periodsEnding('quarterly', '2024-02-10', '2024-09-30', 10).map((p) => p.code) // ['2024Q1', '2024Q2', '2024Q3']
 */
export function periodsEnding(cycle: Cycle, from: string, to: string, dueDays: number): ReportingPeriod[] {
  const out: ReportingPeriod[] = [];
  let p = periodContaining(cycle, from, dueDays);
  // A generous bound: a plan of 10 years has 120 months.
  for (let i = 0; i < 600 && p.end <= to; i++) {
    out.push(p);
    p = periodContaining(cycle, addDays(p.end, 1), dueDays);
  }
  return out;
}

/** The code of the period a report is for must be one of the cycle's codes. */
export function isPeriodCode(cycle: Cycle, code: string): boolean {
  if (cycle === 'monthly') return /^\d{4}-(0[1-9]|1[0-2])$/.test(code);
  if (cycle === 'quarterly') return /^\d{4}Q[1-4]$/.test(code);
  return /^\d{4}H[12]$/.test(code);
}
