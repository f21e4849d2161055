/** The `asOf` query parameter of evaluations, forecasts and reports, checked before any work: a year, or a date not in the future. */
import { z } from 'zod';
import { parseAsOf } from '../../domain/evaluation/asOf';

/** Years an evaluation can sensibly be asked about: from the first plans to the end of the century. */
export const AS_OF_YEARS = { first: 1949, last: 2100 } as const;

export const asOfParam = z.string().superRefine((text, ctx) => {
  const parsed = parseAsOf(text);
  if (!parsed.ok) return void ctx.addIssue({ code: 'custom', message: parsed.error });
  const { maxYear, publishedBy } = parsed.value;
  if (maxYear < AS_OF_YEARS.first || maxYear > AS_OF_YEARS.last) ctx.addIssue({ code: 'custom', message: `as-of ${text} is outside ${AS_OF_YEARS.first}–${AS_OF_YEARS.last}` });
  // A date says "as the platform knew it that day": a day that has not come yet is unknown.
  const today = new Date().toISOString().slice(0, 10);
  if (publishedBy !== null && publishedBy > today) ctx.addIssue({ code: 'custom', message: `as-of ${text} is a date in the future (today is ${today}): use a year to look ahead` });
});
