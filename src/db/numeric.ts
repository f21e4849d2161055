/**
 * PostgreSQL NUMERIC arrives as a string. A missing value stays null and a value that is not a finite number
 * becomes null too — never a silent 0, which would read as a real figure.
 *
 * @example
 * numericToNumber('17190.4') // 17190.4
 * numericToNumber(null)      // null
 */
export function numericToNumber(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : null;
}

/** The inverse for writing: keeps null as null. */
export function numberToNumeric(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
