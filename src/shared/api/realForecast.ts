/** 可比价预测: the forecast of a series given as real growth rates plus one level (issue 17). */
import { z } from 'zod';
import { localizedText } from './common';
import { methodChoice } from './forecasts';

export const realForecastQuery = z.object({
  growth: z.string().describe('indicator code of the real growth rates (percent, comparable prices), e.g. GDP_GROWTH'),
  level: z.string().describe('indicator code of the level at current prices that anchors the chain, e.g. GDP'),
  region: z.string().describe('region code, e.g. 440300'),
  asOf: z.string().describe('a year (2023) or a date (2024-06-30), as for the evaluation'),
  anchorYear: z.coerce.number().int().optional().describe('the level’s year (its prices are the real series’ prices); default: the longest chain, latest on a tie'),
  to: z.coerce.number().int().optional().describe('forecast to this year (default: two years after the last real value)'),
});

const band = z.object({ year: z.number().int(), point: z.number(), lo80: z.number(), hi80: z.number(), lo95: z.number(), hi95: z.number() });

export const realSeriesForecast = z.object({
  growthCode: z.string(),
  levelCode: z.string(),
  regionCode: z.string(),
  asOf: z.string(),
  status: z.enum(['ok', 'insufficient_data']),
  reason: localizedText.nullable(),
  rates: z.array(z.object({ year: z.number().int(), ratePercent: z.number(), observationId: z.number().int() })).describe('the growth figures used'),
  anchor: z.object({ year: z.number().int(), value: z.number(), observationId: z.number().int() }).nullable().describe('the level the rates are chained from'),
  forecast: z
    .object({
      priceYear: z.number().int(),
      basis: localizedText.describe('how to read the numbers, e.g. 按2020年价格计算（可比价）'),
      history: z.array(z.object({ year: z.number().int(), value: z.number() })).describe('real levels at priceYear prices'),
      path: z.array(band).describe('forecast real levels with 80% / 95% intervals'),
      growth: z.array(band).describe('average real growth per year, percent, from the last observed year to each forecast year'),
      model: z.string(),
      method: methodChoice.nullable(),
    })
    .nullable(),
});

export type RealSeriesForecastDto = z.infer<typeof realSeriesForecast>;
