/**
 * Does a value meet a target, read with its comparator (突破/达到 → at_least, 控制在…以内 → at_most, 左右 → about)?
 *
 * - at_least: value ≥ target.value
 * - at_most:  value ≤ target.value
 * - about:    |value − target.value| ≤ tolerance → inside the band [value − tolerance, value + tolerance] (符合, met).
 *   Short of the band (below it for an increasing indicator, above it for a decreasing one) → not met, behind.
 *   Past the band in the desired direction (above it for an increasing indicator: 高于目标区间) → counted as met
 *   (completed), but flagged: the plan asked for "about" and the value overshoots.
 *
 * A missing tolerance on an `about` target is read as 0 (the exact value).
 */
import type { Target } from '../plan/model';
import type { Direction } from '../plan/terms';

export type BandPosition = 'below' | 'within' | 'above';

export interface TargetCheck {
  met: boolean;
  /** For `about` targets only: where the value lies relative to the band; null for at_least / at_most. */
  band: BandPosition | null;
  /** The band of an `about` target, [lower, upper]; null for at_least / at_most. */
  lower: number | null;
  upper: number | null;
  /** The value is past the band in the desired direction: met, but flagged. */
  overshoot: boolean;
  /** Which way the value must still move to meet the target: +1 up, −1 down, 0 when met. */
  need: 1 | -1 | 0;
}

export type TargetRule = Pick<Target, 'value' | 'comparator' | 'tolerance'>;

export function meetsTarget(value: number, target: TargetRule, direction: Direction): TargetCheck {
  switch (target.comparator) {
    case 'at_least': {
      const met = value >= target.value;
      return { met, band: null, lower: null, upper: null, overshoot: false, need: met ? 0 : 1 };
    }
    case 'at_most': {
      const met = value <= target.value;
      return { met, band: null, lower: null, upper: null, overshoot: false, need: met ? 0 : -1 };
    }
    case 'about': {
      const tolerance = Math.abs(target.tolerance ?? 0);
      const lower = target.value - tolerance;
      const upper = target.value + tolerance;
      const band: BandPosition = Math.abs(value - target.value) <= tolerance ? 'within' : value < target.value ? 'below' : 'above';
      if (band === 'within') return { met: true, band, lower, upper, overshoot: false, need: 0 };
      const overshoot = (band === 'above') === (direction === 'increase');
      if (overshoot) return { met: true, band, lower, upper, overshoot: true, need: 0 };
      return { met: false, band, lower, upper, overshoot: false, need: band === 'below' ? 1 : -1 };
    }
  }
}
