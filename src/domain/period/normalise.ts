/**
 * Period text as people type it, reduced to one spelling before parsing: full-width characters (２０２０Ｑ１, typed
 * with a Chinese input method) become ASCII, every dash becomes `-`, every tilde and 至 ("to") becomes `~`,
 * letters are upper-cased and spaces dropped. Keeping `-` and `~` apart matters: `2020-01~09` is a range but
 * `2020-01-09` reads as a date.
 */

/**
 * The period text in one spelling, ready for the patterns of `parsePeriod`.
 *
 * @example
 * normalisePeriodText(' ２０２０年１至９月 '); // '2020年1~9月'
 * normalisePeriodText('2021—2025年'); // '2021-2025年'
 */
export function normalisePeriodText(text: string): string {
  return (
    text
      // U+FF01..U+FF5E mirror ASCII 0x21..0x7E; U+3000 is the full-width space.
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
      .replace(/[\u301C\u223C至]/g, '~')
      .replace(/\s+/g, '')
      .toUpperCase()
  );
}
