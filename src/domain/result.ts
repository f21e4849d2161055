/**
 * The outcome of an operation that can fail for a reason the user must read (a bad period, an unknown unit).
 * Domain code returns these rather than throwing, so callers decide how to report.
 *
 * @example
 * const r = parseSomething('x');
 * if (!r.ok) return reject(r.error);
 * use(r.value);
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = string>(error: E): Result<never, E> => ({ ok: false, error });
