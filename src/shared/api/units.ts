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

export type MeasurementUnitDto = z.infer<typeof measurementUnitDto>;
