/**
 * China's Five-Year Plans (五年规划) by their short names: "十四五" is the 14th plan, 2021–2025. Plan documents and
 * releases name the plan period this way rather than by years, so the names are periods (spans) too.
 */
import type { Period } from './period';

/**
 * The plans this platform meets, by short name. Earlier plans are omitted on purpose: the 10th is called "十五",
 * which would read as the number fifteen.
 */
export const FIVE_YEAR_PLANS: Readonly<Record<string, { startYear: number; endYear: number }>> = {
  十一五: { startYear: 2006, endYear: 2010 },
  十二五: { startYear: 2011, endYear: 2015 },
  十三五: { startYear: 2016, endYear: 2020 },
  十四五: { startYear: 2021, endYear: 2025 },
  十五五: { startYear: 2026, endYear: 2030 },
};

/**
 * The span of a Five-Year Plan named by its short name, or undefined for a name not in the table.
 *
 * @example
 * fiveYearPlanPeriod('十四五'); // { type: 'span', startYear: 2021, endYear: 2025 }
 */
export function fiveYearPlanPeriod(name: string): Period | undefined {
  const plan = Object.hasOwn(FIVE_YEAR_PLANS, name) ? FIVE_YEAR_PLANS[name] : undefined;
  return plan && { type: 'span', ...plan };
}
