/** A stored figure (观测值) as the rest of the platform sees it. */
import type { Approval } from './approval';
import type { ObservationStatus, Precision, PriceBasis, SourceKind } from './terms';

export interface Observation {
  id: number;
  indicatorCode: string;
  regionCode: string;
  /** Canonical period code (see domain/period). */
  periodCode: string;
  value: number;
  unit: string;
  /** The value in the indicator's own unit. */
  valueStd: number;
  priceBasis: PriceBasis | null;
  status: ObservationStatus;
  /** The kind of publication the figure comes from (统计公报, 媒体 …): what ranks it, never where it was read. */
  sourceKind: SourceKind;
  /**
   * The publication (title, publisher, link) the figure comes from, and where its text was read when that was not
   * the publication itself (a mirror, an archive, a transcription): `readAt` never changes the figure's rank.
   */
  source: { publication: string; publisher: string | null; link: string | null; readAt: string | null };
  /** How exactly the publication states it: exact, rounded, or a lower/upper bound. */
  precision: Precision;
  quote: string | null;
  notes: string | null;
  /** Vintage: ISO date the figure was published; estimated when the source gives none (flag). */
  publishedDate: string;
  publishedDateEstimated: boolean;
  enteredAt: string;
  origin: string | null;
  /** A later record of the same row of the same data file that re-describes this figure (its source or precision
   * better stated); while that record is present the preference rule passes this one over. */
  supersededBy: number | null;
  /** Set for a figure computed by the platform (a share from its numerator and denominator). */
  derivation: { rule: string; from: number[] } | null;
  /** Its approval (审核) state and history; null for a figure computed by the platform. */
  approval: Approval | null;
}
