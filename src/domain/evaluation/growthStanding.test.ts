import { describe, expect, it } from 'vitest';
import { growthStanding, type GrowthRequirement } from './growthStanding';

const name = { zh: '地区生产总值', en: 'GDP' };
const req = (basis: 'nominal' | 'real', ratePercent = 6): GrowthRequirement => ({ ratePercent, fromYear: 2020, toYear: 2025, printed: `年均增长${ratePercent}%`, basis });
const real = (entries: Array<[number, number]>) => ({ basis: 'real' as const, rates: new Map(entries) });
const nominal = (entries: Array<[number, number]>) => ({ basis: 'nominal' as const, levels: new Map(entries) });

describe('average-growth targets judged on the achieved rate', () => {
  it('real: chains the published real rates — 6.7, 3.3, 6.0, 5.0, 5.5 → (1.067 × 1.033 × 1.06 × 1.05 × 1.055)^(1/5) − 1 = 1.29423^(0.2) − 1 = 5.29% < 6% → 未完成', () => {
    const g = growthStanding(req('real'), real([[2021, 6.7], [2022, 3.3], [2023, 6.0], [2024, 5.0], [2025, 5.5]]), 2025, true, name);
    expect(g.code).toBe('not_completed');
    expect(g.achieved).toBeCloseTo(0.0529372085, 9);
    expect(g.sentence.zh).toBe('地区生产总值2020—2025年按可比价计算年均增长5.3%（((1 + 6.7%) × (1 + 3.3%) × (1 + 6%) × (1 + 5%) × (1 + 5.5%))^(1/5) − 1），规划要求“年均增长6%”（6%）：未完成年均增速目标。');
  });

  it('real, in progress: through 2023, (1.067 × 1.033 × 1.06)^(1/3) − 1 = 5.32% against 5% required → on track', () => {
    const g = growthStanding(req('real', 5), real([[2021, 6.7], [2022, 3.3], [2023, 6.0]]), 2023, false, name);
    expect(g.code).toBe('on_track');
    expect(g.achieved).toBeCloseTo(0.0532307625, 9);
  });

  it('real: a missing year is named, never skipped', () => {
    const g = growthStanding(req('real'), real([[2021, 6.7], [2023, 6.0]]), 2023, false, name);
    expect(g.code).toBe('insufficient_data');
    expect(g.missing?.zh).toContain('缺少地区生产总值2022年的可比价增速');
  });

  it('nominal: 100 (2020) → 133.82256 (2025) = 100 × 1.06^5 → 6.0% a year → 已完成; 120 → (1.2)^(1/5) − 1 = 3.71% → 未完成', () => {
    expect(growthStanding(req('nominal'), nominal([[2020, 100], [2025, 133.82255776]]), 2025, true, name).code).toBe('completed');
    const short = growthStanding(req('nominal'), nominal([[2020, 100], [2025, 120]]), 2025, true, name);
    expect(short.code).toBe('not_completed');
    expect(short.achieved).toBeCloseTo(1.2 ** 0.2 - 1, 12);
  });

  it('within the 0.1-point tolerance counts as met: 5.92% against 6%', () => {
    const y = 100 * 1.0592 ** 5;
    expect(growthStanding(req('nominal'), nominal([[2020, 100], [2025, y]]), 2025, true, name).code).toBe('completed');
  });

  it('a falling level against a growth requirement moves the wrong way', () => {
    expect(growthStanding(req('nominal'), nominal([[2020, 100], [2022, 95]]), 2022, false, name).code).toBe('wrong_direction');
  });

  it('never judges a real target on current-price levels', () => {
    const g = growthStanding(req('real'), nominal([[2020, 100], [2025, 140]]), 2025, true, name);
    expect(g.code).toBe('insufficient_data');
    expect(g.missing?.en).toContain('at comparable prices, but the data given are at current prices');
  });
});
