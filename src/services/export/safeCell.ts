/**
 * Cells that a spreadsheet would run as a formula (CSV injection, OWASP): text beginning with = + - @, a tab or a
 * carriage return is written with a leading apostrophe, which Excel, LibreOffice and WPS read as "this is text" and
 * do not show. A number (-3.5, +2) is left as it is: a spreadsheet reads it as a number, never as a formula.
 * Import takes the apostrophe off again (`restoreCell`), so an export still imports back unchanged.
 *
 * @example
 * neutralise('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * neutralise('-3.5') // "-3.5"
 */
const TRIGGER = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

export function neutralise(cell: string): string {
  return TRIGGER.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The inverse, for import: an apostrophe that `neutralise` would have added is removed. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && TRIGGER.test(cell.slice(1)) && !NUMBER.test(cell.slice(1)) ? cell.slice(1) : cell;
}
