/**
 * Remembers a reader's answer per distinct text: a file of a million rows has a few thousand distinct periods,
 * codes and enterprises. Past `limit` distinct texts the memory is cleared and filled again (bounded memory).
 *
 * @example
 * const period = memoText(parsePeriod); period('2023年1-9月'); period('2023年1-9月'); // parsed once
 */
export function memoText<R>(read: (text: string) => R, limit = 200_000): (text: string) => R {
  const seen = new Map<string, R>();
  return (text) => {
    let r = seen.get(text);
    if (r === undefined) {
      r = read(text);
      if (seen.size >= limit) seen.clear();
      seen.set(text, r);
    }
    return r;
  };
}
