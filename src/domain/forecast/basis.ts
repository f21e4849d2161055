/**
 * A forecast is fitted on one revision basis (数据口径, domain/observation/revisionBasis.ts): an economic census
 * revises levels backwards, so the levels published before it and those published after it are not one series — a
 * model fitted across the break reads the revision as growth. The fitting series is the most recent stretch of
 * figures on the basis of the latest one; earlier figures on another basis are left out, and the forecast says so.
 * A figure's basis is that of its vintage (published date); a share the platform derived from its numerator and
 * denominator (on one basis by construction) has its numerator's.
 */
import type { SeriesPoint } from '../observation/series';
import { revisionBasis } from '../observation/revisionBasis';
import type { LocalizedText } from '../text';

/** The revision basis of a series point; null when it has no figure to date it. */
export function pointBasis(p: Pick<SeriesPoint, 'observation' | 'derivation'>): { id: string; label: LocalizedText } | null {
  const date = p.observation?.publishedDate ?? p.derivation?.numerator.publishedDate;
  return date ? revisionBasis(date) : null;
}

export interface BasisStretch<T> {
  /** The points on the latest basis, from the last break on. */
  points: T[];
  /** The basis they stand on (null when no point could be dated). */
  basis: { id: string; label: LocalizedText } | null;
  /** Earlier points on another basis, left out. */
  leftOut: T[];
}

/**
 * @example latestBasisStretch(points) // points of 2017–2018 (pre-census) left out, 2020–2023 kept
 */
export function latestBasisStretch<T extends Pick<SeriesPoint, 'observation' | 'derivation'>>(series: readonly T[]): BasisStretch<T> {
  let basis: { id: string; label: LocalizedText } | null = null;
  let start = series.length;
  for (let i = series.length - 1; i >= 0; i--) {
    const p = series[i];
    if (!p) break;
    const b = pointBasis(p);
    if (b && basis && b.id !== basis.id) break;
    basis ??= b;
    start = i;
  }
  return { points: series.slice(start), basis, leftOut: series.slice(0, start) };
}
