/** A stored figure (观测值) as the rest of the platform sees it. */
import type { Approval } from './approval';
import type { ObservationStatus, PriceBasis, SourceKind } from './terms';

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
  sourceKind: SourceKind;
  source: { publication: string; publisher: string | null; link: string | null };
  quote: string | null;
  notes: string | null;
  /** Vintage: ISO date the figure was published; estimated when the source gives none (flag). */
  publishedDate: string;
  publishedDateEstimated: boolean;
  enteredAt: string;
  origin: string | null;
  /** Set for a figure computed by the platform (a share from its numerator and denominator). */
  derivation: { rule: string; from: number[] } | null;
  /** Its approval (审核) state and history; null for a figure computed by the platform. */
  approval: Approval | null;
}
