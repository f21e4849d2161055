/**
 * A wave's period: a month (`2024-03`) for a monthly survey, a quarter (`2024Q1`) for a quarterly one — the canonical
 * period codes of domain/period. Waves of a survey form one series, so the period helpers here step through them.
 */
import { formatPeriod } from '../period/format';
import { parsePeriod } from '../period/parse';
import type { Result } from '../result';
import { err, ok } from '../result';

export type Frequency = 'monthly' | 'quarterly';

export interface WavePeriod {
  code: string;
  year: number;
  /** Month 1–12 or quarter 1–4. */
  sub: number;
}

/**
 * Reads a wave's period in any form domain/period accepts (2024-03, 2024年3月, 2024Q1, 2024年第一季度) and checks it
 * is of the survey's frequency.
 */
export function parseWavePeriod(text: string, frequency: Frequency): Result<WavePeriod> {
  const p = parsePeriod(text);
  if (!p.ok) return p;
  const v = p.value;
  if (frequency === 'monthly' && v.type === 'month') return ok({ code: formatPeriod(v), year: v.year, sub: v.month });
  if (frequency === 'quarterly' && v.type === 'quarter') return ok({ code: formatPeriod(v), year: v.year, sub: v.quarter });
  return err(`"${text}" is not a ${frequency === 'monthly' ? 'month (2024-03)' : 'quarter (2024Q1)'}: this survey is ${frequency}`);
}

const perYear = (f: Frequency) => (f === 'monthly' ? 12 : 4);
const codeOf = (f: Frequency, year: number, sub: number) => (f === 'monthly' ? `${year}-${String(sub).padStart(2, '0')}` : `${year}Q${sub}`);

/** A period's position on a continuous count (year · 12 + month − 1, or year · 4 + quarter − 1). */
export function periodOrdinal(p: WavePeriod, f: Frequency): number {
  return p.year * perYear(f) + p.sub - 1;
}

/** The wave period at an ordinal. */
export function periodAt(ordinal: number, f: Frequency): WavePeriod {
  const year = Math.floor(ordinal / perYear(f));
  const sub = ordinal - year * perYear(f) + 1;
  return { code: codeOf(f, year, sub), year, sub };
}

/**
 * Every period from the first code to the last, in order (a missing wave is a gap in the series, not a skip).
 *
 * @example
 * periodRange(['2024-11', '2025-02'], 'monthly').map((p) => p.code) // ['2024-11', '2024-12', '2025-01', '2025-02']
 */
export function periodRange(codes: readonly string[], f: Frequency): WavePeriod[] {
  const ordinals = codes.flatMap((c) => {
    const p = parseWavePeriod(c, f);
    return p.ok ? [periodOrdinal(p.value, f)] : [];
  });
  if (ordinals.length === 0) return [];
  const lo = Math.min(...ordinals);
  const hi = Math.max(...ordinals);
  return Array.from({ length: hi - lo + 1 }, (_, k) => periodAt(lo + k, f));
}
