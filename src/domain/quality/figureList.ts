/**
 * Figures a check reads by position: an array of QualityFigure, or a file's rows held in columns (StagedRows),
 * which builds each figure when it is read. A check keeps only the figures its cells choose, so a list need not
 * hold its figures as objects.
 *
 * @example
 * const pool: FigureList = joinFigures(approved, stagedRows);
 */
import type { QualityFigure } from './figure';

export interface FigureList extends Iterable<QualityFigure> {
  readonly length: number;
  at(index: number): QualityFigure | undefined;
}

/** One list after the other, without copying either. */
export function joinFigures(first: FigureList, second: FigureList): FigureList {
  if (second.length === 0) return first;
  if (first.length === 0) return second;
  return {
    get length() {
      return first.length + second.length;
    },
    at(index: number) {
      return index < first.length ? first.at(index) : second.at(index - first.length);
    },
    *[Symbol.iterator]() {
      yield* first;
      yield* second;
    },
  };
}
