/** 计量单位: the unit catalogue of this platform (bundled, loaded and plans' units), for labels and drop-downs. */
import { z } from 'zod';
import { localizedText } from './common';

export const measurementUnitDto = z.object({
  symbol: z.string().describe('as written after a number in Chinese (万标箱)'),
  name: localizedText,
  en: z.string().describe('as written after a number in English (10,000 TEU)'),
  dimension: z.string(),
  factor: z.string().describe("size in the dimension's base unit, an exact decimal"),
  aliases: z.array(z.string()),
});

export const unitsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  cursor: z.string().optional().describe('the nextCursor of the previous page'),
});

export const unitsPage = z.object({ items: z.array(measurementUnitDto), nextCursor: z.string().nullable() });

export type MeasurementUnitDto = z.infer<typeof measurementUnitDto>;
export type UnitsPageDto = z.infer<typeof unitsPage>;
