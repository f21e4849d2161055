import { describe, expect, it } from 'vitest';
import { dayBefore, waveFirstDay, waveLastDay, waveOfDay } from './waveDays';

describe('the days of a wave', () => {
  it('gives the first and last day of a month and a quarter, leap years included', () => {
    expect([waveFirstDay('2024-02'), waveLastDay('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect(waveLastDay('2023-02')).toBe('2023-02-28');
    expect([waveFirstDay('2024Q4'), waveLastDay('2024Q4')]).toEqual(['2024-10-01', '2024-12-31']);
    expect(waveLastDay('2025Q1')).toBe('2025-03-31');
    expect(() => waveLastDay('2024')).toThrow(/not a wave period/);
  });

  it('finds the wave of a day, and the day before one', () => {
    expect(waveOfDay('2024-12-31', 'monthly').code).toBe('2024-12');
    expect(waveOfDay('2024-01-01', 'quarterly').code).toBe('2024Q1');
    expect(waveOfDay('2024-09-30', 'quarterly').code).toBe('2024Q3');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });
});
