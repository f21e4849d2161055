import { describe, expect, it } from 'vitest';
import { fiveYearPlanPeriod } from './fiveYearPlan';

describe('fiveYearPlanPeriod', () => {
  it.each([
    ['十一五', 2006, 2010],
    ['十二五', 2011, 2015],
    ['十三五', 2016, 2020],
    ['十四五', 2021, 2025],
    ['十五五', 2026, 2030],
  ])('%s is %i–%i', (name, startYear, endYear) => {
    expect(fiveYearPlanPeriod(name)).toEqual({ type: 'span', startYear, endYear });
  });

  it.each(['十五', '十六五', 'toString', ''])('knows no plan called %j', (name) => {
    expect(fiveYearPlanPeriod(name)).toBeUndefined();
  });
});
