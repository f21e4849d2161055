import { describe, expect, it } from 'vitest';
import { zhDate, zhTypography } from './typography';

describe('Chinese typography', () => {
  it('turns straight quotes into “” and half-width marks next to Chinese into full-width', () => {
    expect(zhTypography('深圳市服务业发展"十四五"规划,2025年')).toBe('深圳市服务业发展“十四五”规划，2025年');
    expect(zhTypography('文化产业:增长;物流业(2023年)')).toBe('文化产业：增长；物流业（2023年）');
  });

  it('leaves numbers, formulas and Latin text alone', () => {
    expect(zhTypography('1,234.5 and A − E = -5%; (A)')).toBe('1,234.5 and A − E = -5%; (A)');
    expect(zhTypography('研究与试验发展(R&D)经费')).toBe('研究与试验发展(R&D)经费');
  });

  it('writes dates out', () => {
    expect(zhDate('2026-01-15')).toBe('2026年1月15日');
    expect(zhDate('2025')).toBe('2025年');
  });
});
