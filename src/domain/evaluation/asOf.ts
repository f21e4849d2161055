/**
 * "As of" for an evaluation. A year (2023) evaluates on data for periods up to that year, with every vintage known
 * today. A date (2024-06-30) evaluates as the platform would have on that day: periods up to that year and only
 * figures published by then — so a past evaluation is reproduced exactly.
 */
import { err, ok, type Result } from '../result';

export interface AsOf {
  text: string;
  maxYear: number;
  publishedBy: string | null;
}

export function parseAsOf(text: string): Result<AsOf> {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return ok({ text: t, maxYear: Number(t), publishedBy: null });
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m && !Number.isNaN(Date.parse(t)) && new Date(`${t}T00:00:00Z`).toISOString().startsWith(t)) {
    return ok({ text: t, maxYear: Number(m[1]), publishedBy: t });
  }
  return err(`as-of "${text}" is neither a year (2023) nor a date (2024-06-30)`);
}
