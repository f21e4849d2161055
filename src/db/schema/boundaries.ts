/**
 * 行政区划边界: the boundary of a region (a GeoJSON geometry), loaded from a GeoJSON file of a region's
 * subdivisions (`plan-monitor regions load FILE.geojson`, PUT /api/regions/{code}/boundaries). One row per region,
 * so a district's shape serves the map of its city whichever file brought it. The feature's own properties are kept
 * as the file gave them (the web app reads `adcode` and `name`).
 */
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { regions } from './plans';

export const regionBoundaries = pgTable('region_boundaries', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  /** A GeoJSON Polygon or MultiPolygon (longitude, latitude). */
  geometry: jsonb('geometry').$type<{ type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }>().notNull(),
  properties: jsonb('properties').$type<Record<string, unknown>>().notNull(),
  /** The file (or upload) it came from, and its source note. */
  source: text('source').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
