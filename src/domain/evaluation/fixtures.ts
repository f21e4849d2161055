/**
 * Test fixtures: the worked examples of the evaluation tests (Shenzhen Service Industry 14th FYP, base year 2020).
 * Used only by the *.test.ts files beside it.
 */
import type { Target } from '../plan/model';
import type { Comparator, Direction } from '../plan/terms';
import type { EvaluationInput, GrowthTarget } from './input';

export function target(value: number, year: number, comparator: Comparator = 'at_least', tolerance: number | null = null): Target {
  return { value, year, printed: null, comparator, tolerance, wording: null };
}

export interface Case {
  y0?: number | null;
  t0?: number;
  yt?: number | null;
  t?: number;
  target?: Target | null;
  growthTarget?: GrowthTarget | null;
  direction?: Direction;
  isShare?: boolean;
  unit?: string;
  code?: string;
}

export function make(c: Case): EvaluationInput {
  return {
    indicator: { code: c.code ?? 'X', unit: c.unit ?? '亿元', direction: c.direction ?? 'increase', isShare: c.isShare ?? false },
    target: c.target === undefined ? null : c.target,
    growthTarget: c.growthTarget ?? null,
    baseline: c.y0 === null || c.y0 === undefined ? null : { value: c.y0, year: c.t0 ?? 2020 },
    latest: c.yt === null || c.yt === undefined ? null : { value: c.yt, year: c.t ?? 2023 },
  };
}

/** 服务业增加值: 17190.4 亿元 (2020) → 21566.38 亿元 (2023), target 突破 25000 亿元 by 2025. */
export const services = (): EvaluationInput =>
  make({ code: 'TERTIARY_VA', y0: 17190.4, yt: 21566.38, target: target(25000, 2025, 'at_least') });

/** PM2.5 (decreasing, at_most): 17 (2020) → 16 (2023), target ≤ 15 by 2025. */
export const pm25 = (yt = 16): EvaluationInput =>
  make({ code: 'PM25', unit: 'μg/m³', direction: 'decrease', y0: 17, yt, target: target(15, 2025, 'at_most') });

/** 金融业增加值占GDP比重 (share, about): 15.1% (2020) → yt (2023), target 16% 左右 (±0.5) by 2025. */
export const finShare = (yt: number): EvaluationInput =>
  make({ code: 'FIN_SHARE_GDP', unit: '%', isShare: true, y0: 15.1, yt, target: target(16, 2025, 'about', 0.5) });

/** A level of 100 (2020) with the growth target 年均增长6% 2020–2025 and no level target. */
export const growth6 = (yt = 115): EvaluationInput =>
  make({ y0: 100, yt, growthTarget: { ratePercent: 6, fromYear: 2020, toYear: 2025 } });
