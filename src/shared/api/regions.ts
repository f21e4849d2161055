/**
 * 行政区划 as data: loading the region registry and region boundaries (admin), and the map of a region's
 * subdivisions (GeoJSON). The registry's body has the shape of a registry file (docs/REGIONS.md); it is checked by
 * the domain, which names every problem by its field path.
 */
import { z } from 'zod';
import { localizedText } from './common';

export const regionsLoadBody = z.object({
  regions: z
    .array(z.record(z.string(), z.unknown()))
    .min(1)
    .describe('regions as in a registry file: {code, name: {zh, en}, level: province|city|district|street, kind: administrative|functional, parent, validFrom, validTo, predecessors, note}'),
});

export const regionsLoadResult = z.object({
  source: z.string(),
  added: z.array(z.string()).describe('region codes new to the registry'),
  updated: z.array(z.string()).describe('region codes updated in place'),
});

export const boundariesParams = z.object({ code: z.string().min(1).describe('the region whose subdivisions the GeoJSON holds (code or name)') });

export const boundariesBody = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.record(z.string(), z.unknown())).min(1) })
  .passthrough()
  .describe('GeoJSON FeatureCollection; each feature: properties.code (or adcode) of a subdivision known to the registry, a Polygon or MultiPolygon geometry');

export const boundariesResult = z.object({
  source: z.string(),
  region: z.string(),
  regions: z.array(z.string()).describe('codes of the regions whose boundary was stored'),
});

export const geoQuery = z.object({
  region: z.string().min(1).optional().describe('the region whose subdivisions to draw (code or name); default: the one region with boundaries loaded'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('the subdivisions in force on this date (default today)'),
});

export type RegionsLoadResultDto = z.infer<typeof regionsLoadResult>;
export type BoundariesResultDto = z.infer<typeof boundariesResult>;

/** The map of a region (GET /api/regions/geo): a GeoJSON FeatureCollection with a few members of its own. */
export interface RegionGeoDto {
  type: 'FeatureCollection';
  region: { code: string; name: z.infer<typeof localizedText> };
  /** properties: as loaded (adcode, name, center … in the DataV files) plus code and nameEn. */
  features: Array<{ type: 'Feature'; properties: Record<string, unknown> & { code: string; name: string }; geometry: unknown }>;
  withoutBoundary: Array<{ code: string; name: z.infer<typeof localizedText> }>;
  sources: string[];
  /** Set when nothing can be drawn: the sentence to show instead. */
  empty: z.infer<typeof localizedText> | null;
}
