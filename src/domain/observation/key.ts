/**
 * What identifies a published figure: the same indicator, region, period, value (in the indicator's unit), unit,
 * basis, status, source and publication date is the same figure, however often it is imported. Anything else that
 * differs (a new value, a later vintage, another source) is a different figure, kept beside the first.
 * A bound or rounded figure ("突破2600") is another statement than the exact 2600 of the same publication, so its
 * precision counts — appended only when not exact, so that the fingerprints stored before precision existed hold.
 * Where the text was read (readAt) does not: the bulletin read through two mirrors is one figure.
 */
import type { ObservationDraft } from './row';

export function observationKey(d: ObservationDraft): string {
  return [
    d.indicatorCode,
    d.regionCode,
    d.periodCode,
    String(d.valueStd),
    d.unit,
    d.priceBasis ?? '',
    d.status,
    d.sourceKind,
    d.source.publication,
    d.publishedDate,
    ...(d.precision === 'exact' ? [] : [d.precision]),
  ].join('\u001f');
}
