/**
 * 重大项目 derived figures, from the dispatch records (调度数据):
 *
 * - 年度投资完成率 = 本年累计完成投资 / 年度计划投资;
 * - its gap to time progress = 完成率 − 已过月份 / 12 (the months of the year the record covers);
 * - 开工率 = of the projects planned to start in the year by the as-of day, the share actually started by then;
 * - 按期竣工率 = of the projects planned to complete in the year by the as-of day, the share completed on or
 *   before their planned day.
 *
 * Rates are null where their denominator is missing or zero: never a silent 0.
 */

export interface ProjectStatus {
  /** 年度计划投资 (亿元) of the year, from the current plan version; null when none. */
  annualPlan: number | null;
  /** 本年累计完成投资 (亿元) at the latest record of the year; null when none. */
  ytdCompleted: number | null;
  /** Months of the year the latest record covers (3 for March or Q1). */
  monthsElapsed: number | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
}

/** 年度投资完成率, or null. */
export function completionRate(p: Pick<ProjectStatus, 'annualPlan' | 'ytdCompleted'>): number | null {
  if (p.annualPlan === null || p.ytdCompleted === null || p.annualPlan <= 0) return null;
  return p.ytdCompleted / p.annualPlan;
}

/** 完成率 − 已过月份/12, or null. */
export function gapToTimeProgress(p: Pick<ProjectStatus, 'annualPlan' | 'ytdCompleted' | 'monthsElapsed'>): number | null {
  const rate = completionRate(p);
  if (rate === null || p.monthsElapsed === null) return null;
  return rate - p.monthsElapsed / 12;
}

export interface Portfolio {
  projects: number;
  /** Projects with a record in the year. */
  reported: number;
  annualPlan: number;
  ytdCompleted: number;
  /** Σ完成 / Σ计划 over projects with both; null when no plan. */
  completionRate: number | null;
  start: { due: number; started: number; rate: number | null };
  onTimeCompletion: { due: number; onTime: number; rate: number | null };
}

const inYear = (day: string | null, year: number): day is string => day !== null && day.startsWith(String(year));

/**
 * @example
 * portfolio([{ annualPlan: 10, ytdCompleted: 4, monthsElapsed: 6, plannedStart: '2024-03-01', actualStart: '2024-04-01', plannedCompletion: null, actualCompletion: null }], 2024, '2024-06-30')
 * // { completionRate: 0.4, start: { due: 1, started: 1, rate: 1 }, … }
 */
export function portfolio(items: readonly ProjectStatus[], year: number, asOf: string): Portfolio {
  let annualPlan = 0;
  let ytd = 0;
  let withBoth = 0;
  let reported = 0;
  const start = { due: 0, started: 0 };
  const done = { due: 0, onTime: 0 };
  for (const p of items) {
    if (p.ytdCompleted !== null) reported++;
    if (p.annualPlan !== null && p.ytdCompleted !== null) {
      annualPlan += p.annualPlan;
      ytd += p.ytdCompleted;
      withBoth++;
    }
    if (inYear(p.plannedStart, year) && p.plannedStart <= asOf) {
      start.due++;
      if (p.actualStart !== null && p.actualStart <= asOf) start.started++;
    }
    if (inYear(p.plannedCompletion, year) && p.plannedCompletion <= asOf) {
      done.due++;
      if (p.actualCompletion !== null && p.actualCompletion <= p.plannedCompletion) done.onTime++;
    }
  }
  const rate = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    projects: items.length,
    reported,
    annualPlan,
    ytdCompleted: ytd,
    completionRate: withBoth > 0 ? rate(ytd, annualPlan) : null,
    start: { ...start, rate: rate(start.started, start.due) },
    onTimeCompletion: { ...done, rate: rate(done.onTime, done.due) },
  };
}
