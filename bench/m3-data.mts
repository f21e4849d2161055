// The M3 competition series as the forecasting benchmarks read them (issue 17): both halves of the collection
// (/work/shared/data/m3 and m3-rest, or M3_DIR and M3_REST_DIR), each series with its half, row index and domain
// (M3's Category: MICRO, INDUSTRY, MACRO, FINANCE, DEMOGRAPHIC, OTHER), and the short-series set cut from the
// yearly series. Which series a method was fitted on and which it is scored on is decided by the caller from these
// labels, never inside a method.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export type Half = 'm3' | 'm3-rest';
export type M3Frequency = 'yearly' | 'quarterly' | 'monthly';

export interface M3Series {
  id: string;
  half: Half;
  /** Row index within its file (0-based, header excluded). */
  index: number;
  frequency: M3Frequency;
  category: string;
  m: number;
  h: number;
  train: number[];
  test: number[];
}

const DIRS: Record<Half, string> = {
  m3: process.env.M3_DIR ?? '/work/shared/data/m3',
  'm3-rest': process.env.M3_REST_DIR ?? '/work/shared/data/m3-rest',
};
const FILES: Record<M3Frequency, { file: string; m: number }> = {
  yearly: { file: 'M3Year.csv', m: 1 },
  quarterly: { file: 'M3Quart.csv', m: 4 },
  monthly: { file: 'M3Month.csv', m: 12 },
};

/** Every series of one frequency in one half, as distributed: fitted on the first N − NF values, scored on the last NF. */
export function readM3(half: Half, frequency: M3Frequency): M3Series[] {
  const { file, m } = FILES[frequency];
  const where = path.join(DIRS[half], file);
  const rows = parse(readFileSync(where, 'utf8'), { relax_column_count: true }) as string[][];
  return rows.slice(1).map((row, index) => {
    const n = Number(row[1]);
    const nf = Number(row[2]);
    const values = row.slice(6, 6 + n).map(Number);
    if (values.length !== n || values.some((v) => !Number.isFinite(v))) throw new Error(`${where}: row ${index + 2}: expected ${n} values`);
    return { id: (row[0] ?? '').trim(), half, index, frequency, category: (row[3] ?? '').trim(), m, h: nf, train: values.slice(0, n - nf), test: values.slice(n - nf) };
  });
}

export interface ShortWindow {
  id: string;
  half: Half;
  category: string;
  /** 0 = the series' last `fit + h` values, 1 = the window before it (no value shared), … */
  window: number;
  train: number[];
  test: number[];
}

/**
 * The short-series set: from every yearly series (its whole length, training and test parts), windows of `fit`
 * values followed by `h` scored values, cut back from the end without overlap — the last one first — at most
 * `perSeries` of them. A plan indicator is such a series: a few annual values and a target two or three years on.
 */
export function shortWindows(series: readonly M3Series[], opts: { fit?: number; h?: number; perSeries?: number } = {}): ShortWindow[] {
  const fit = opts.fit ?? 7;
  const h = opts.h ?? 2;
  const per = opts.perSeries ?? Number.POSITIVE_INFINITY;
  const out: ShortWindow[] = [];
  for (const s of series) {
    const all = [...s.train, ...s.test];
    for (let w = 0, end = all.length; w < per && end - fit - h >= 0; w++, end -= fit + h) {
      out.push({ id: s.id, half: s.half, category: s.category, window: w, train: all.slice(end - fit - h, end - h), test: all.slice(end - h, end) });
    }
  }
  return out;
}

/** Whether the last `k` changes of a series are all positive (the "steadily trending" subset of the issue). */
export function steadilyRising(train: readonly number[], k = 6): boolean {
  if (train.length < k + 1) return false;
  for (let t = train.length - k; t < train.length; t++) if (!((train[t] ?? 0) > (train[t - 1] ?? 0))) return false;
  return true;
}
