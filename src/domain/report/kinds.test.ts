import { describe, expect, it } from 'vitest';
import { defaultAsOfYear, isReportKind } from './kinds';

describe('report kinds', () => {
  it('defaults the as-of year to the plan end, its middle year, and last year within the plan', () => {
    const p = { start: 2021, end: 2025 };
    expect(defaultAsOfYear('final', p, 2026)).toBe(2025);
    expect(defaultAsOfYear('midterm', p, 2026)).toBe(2023);
    expect(defaultAsOfYear('annual', p, 2024)).toBe(2023);
    expect(defaultAsOfYear('annual', p, 2030)).toBe(2025);
    expect(defaultAsOfYear('annual', { start: 2026, end: 2030 }, 2026)).toBe(2026);
  });
  it('knows its kinds', () => {
    expect(isReportKind('final')).toBe(true);
    expect(isReportKind('weekly')).toBe(false);
  });
});
