/**
 * A figure as the quality rules see it: what identifies its cell (indicator, region, period), its value in the
 * indicator's unit, what the preference rule ranks it by, and where it stands in approval. Lean on purpose: a check
 * of a million figures holds a million of these.
 */
import type { ApprovalState } from '../observation/approval';
import type { ObservationStatus, Precision, PriceBasis, SourceKind } from '../observation/terms';
import type { Period } from '../period/period';
import type { ObservationDraft } from '../observation/row';

export interface QualityFigure {
  /** The stored figure's id; a row of a file being imported has −(its row number). */
  id: number;
  indicatorCode: string;
  regionCode: string;
  periodCode: string;
  period: Period;
  /** The value in the indicator's unit. */
  valueStd: number;
  priceBasis: PriceBasis | null;
  status: ObservationStatus;
  sourceKind: SourceKind;
  /** Exact, rounded or a bound ("突破2600亿元"): the preference rule ranks an exact figure first. */
  precision: Precision;
  /** Where the publication's text was read when not at first hand (a copy ranks after the original). */
  source: { readAt: string | null };
  publishedDate: string;
  /** When it was entered, as `enteredText` writes it (text order is time order, as the preference rule needs). */
  enteredAt: string;
  /** The approved figure this one corrects (a correction replaces it). */
  corrects: number | null;
  /** A later record of the same data-file row that re-describes this one (it stands aside while that one is present). */
  supersededBy: number | null;
  /** 'staged': a row of a file being imported, not stored yet. */
  state: ApprovalState | 'staged';
}

/** Figures read at first hand share this one object (a million figures, one source each otherwise). */
export const FIRST_HAND: { readonly readAt: null } = Object.freeze({ readAt: null });

/**
 * The entry time of a row being imported: after every stored figure's, as the row's will be once stored (the
 * preference rule's "entered last"), whatever the clocks of Node and the database say.
 */
export const STAGED_ENTERED_AT = '9'.repeat(15);

/** What of a checked row (the row checker's draft) the rules read. */
export type StagedInput = Pick<ObservationDraft, 'indicatorCode' | 'regionCode' | 'periodCode' | 'period' | 'valueStd' | 'priceBasis' | 'status' | 'sourceKind' | 'precision' | 'publishedDate'> & {
  source: { readAt: string | null };
};

/**
 * A checked row of a file being imported, as the rules see it: id −row (no stored figure has a negative id), state
 * 'staged', entered STAGED_ENTERED_AT. The import keeps the rows it reads in columns (StagedRows), which build these
 * as a check reads them, so the rules need not read the rows back from staging.
 */
export function stagedFigure(row: number, d: StagedInput): QualityFigure {
  return {
    id: -row,
    indicatorCode: d.indicatorCode,
    regionCode: d.regionCode,
    periodCode: d.periodCode,
    period: d.period,
    valueStd: d.valueStd,
    priceBasis: d.priceBasis,
    status: d.status,
    sourceKind: d.sourceKind,
    precision: d.precision,
    source: d.source.readAt === null ? FIRST_HAND : { readAt: d.source.readAt },
    publishedDate: d.publishedDate,
    enteredAt: STAGED_ENTERED_AT,
    corrects: null,
    supersededBy: null,
    state: 'staged',
  };
}

/**
 * An entry time as the quality checks hold it: epoch milliseconds in 15 digits, so that comparing the text
 * compares the times (the database sends epoch milliseconds; an ISO time is converted).
 *
 * @example
 * enteredText('2026-01-01T00:00:00.000Z') // '001767225600000'
 */
export function enteredText(time: string | number): string {
  const ms = typeof time === 'number' ? time : /^\d+$/.test(time) ? Number(time) : Date.parse(time);
  return String(Number.isFinite(ms) ? ms : 0).padStart(15, '0');
}

/**
 * Half a unit in the last digit a figure was published with: 17190.4 → 0.05, 823 → 0.5. Whole numbers that end in
 * zeros are read as rounded to them (26900, "2.69万亿", → 50; 2600, "突破2600亿", → 50): published round figures
 * are rounded, and taking them as exact would turn every rounding into a violation.
 *
 * @example
 * halfUnit(27670.24) // 0.005
 * halfUnit(30700)    // 50
 */
export function halfUnit(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const v = Math.abs(value);
  if (v === 0) return 0.5;
  // The fewest decimals that write the number (what String(v) would print), found by arithmetic: this runs for
  // every figure of every comparison, and formatting a number as text costs many times more.
  if (Number.isInteger(v)) {
    let zeros = 0;
    let n = v;
    while (n % 10 === 0 && zeros < 15) {
      n /= 10;
      zeros++;
    }
    return 0.5 * 10 ** zeros;
  }
  for (let d = 1; d <= 15; d++) {
    const power = POWERS_OF_TEN[d] ?? 1; // d ≤ 15
    const scaled = v * power;
    const rounded = Math.round(scaled);
    if (Math.abs(scaled - rounded) <= 1e-9 * Math.max(1, scaled) && rounded / power === v) return 0.5 / power;
  }
  return 0;
}

/** 10⁰ … 10¹⁵, exact doubles: `10 ** d` with a variable d is a call to pow on every digit of every comparison. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, d) => 10 ** d);
