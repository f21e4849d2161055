/**
 * What identifies a published figure: the same indicator, region, period, value (in the indicator's unit), unit,
 * basis, status, source and publication date is the same figure, however often it is imported. Anything else that
 * differs (a new value, a later vintage, another source) is a different figure, kept beside the first.
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
  ].join('\u001f');
}
