/**
 * SDMX-CSV (version 1): one row per figure, DATAFLOW first, then dimensions (REF_AREA, INDICATOR, TIME_PERIOD),
 * OBS_VALUE, then attributes. TIME_PERIOD uses SDMX's own period formats: 2020, 2020-S1, 2020-Q3, 2020-08, and
 * for a cumulative 1–N月 figure an ISO 8601 time range (2020-01-01/P9M). OBS_STATUS uses the SDMX code list
 * CL_OBS_STATUS: A normal (final, revised), P provisional (初步), E estimated (预计).
 */
import type { Observation } from '../../domain/observation/observation';
import type { ObservationStatus } from '../../domain/observation/terms';
import { parsePeriod } from '../../domain/period/parse';

export const SDMX_DATAFLOW = 'PLANMON:OBSERVATIONS(1.0)';
const OBS_STATUS: Record<ObservationStatus, string> = { final: 'A', revised: 'A', preliminary: 'P', estimate: 'E' };

export const SDMX_HEADER = [
  'DATAFLOW', 'REF_AREA', 'INDICATOR', 'TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE', 'OBS_STATUS',
  'PRICE_BASIS', 'SOURCE_KIND', 'SOURCE', 'PUBLICATION_DATE', 'COMMENT',
];

export function sdmxTimePeriod(periodCode: string): string {
  const parsed = parsePeriod(periodCode);
  if (!parsed.ok) return periodCode;
  const p = parsed.value;
  const mm = (m: number) => String(m).padStart(2, '0');
  switch (p.type) {
    case 'year': return String(p.year);
    case 'half': return `${p.year}-S${p.half}`;
    case 'quarter': return `${p.year}-Q${p.quarter}`;
    case 'month': return `${p.year}-${mm(p.month)}`;
    case 'cumulative': return `${p.year}-01-01/P${p.endMonth}M`;
    case 'span': return `${p.startYear}-01-01/P${p.endYear - p.startYear + 1}Y`;
  }
}

export function toSdmxRows(figures: readonly Observation[]): string[][] {
  return [
    SDMX_HEADER,
    ...figures.map((o) => [
      SDMX_DATAFLOW, o.regionCode, o.indicatorCode, sdmxTimePeriod(o.periodCode), String(o.value), o.unit, OBS_STATUS[o.status],
      o.priceBasis ?? '', o.sourceKind, o.source.publication, o.publishedDate, [o.status === 'revised' ? 'revised' : '', o.notes ?? ''].filter(Boolean).join('; '),
    ]),
  ];
}
