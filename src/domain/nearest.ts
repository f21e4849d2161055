/**
 * The nearest of a few known words to a misspelt one, for "did you mean …?" in error messages (a unit 亿员 → 亿元,
 * a key comparater → comparator). Edit distance (Levenshtein) on characters; a suggestion is made only when the
 * word is close enough that the guess is obvious, never for a word that merely shares a character.
 */

/** Levenshtein distance between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

/**
 * The known words nearest to `word`: those at the smallest edit distance, when that is one edit for short words (up
 * to 4 characters) or two for longer ones, and at most `max` words share it (more would be no suggestion at all).
 * A word that is itself known is its own answer.
 *
 * @example
 * nearest('亿员', ['元', '万元', '亿元'])               // ['亿元']
 * nearest('亿员', ['亿元', '亿件'])                     // ['亿元', '亿件']
 * nearest('comparater', ['comparator', 'tolerance'])  // ['comparator']
 */
export function nearest(word: string, known: Iterable<string>, max = 3): string[] {
  const limit = [...word].length <= 4 ? 1 : 2;
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const k of known) {
    if (k === word) return [k];
    const d = editDistance(word, k);
    if (d < bestDistance) {
      best = [k];
      bestDistance = d;
    } else if (d === bestDistance && !best.includes(k)) best.push(k);
  }
  return bestDistance <= limit && best.length <= max ? best : [];
}

/**
 * The suggestion in words: "did you mean 亿元?", "did you mean 亿元 or 亿件?"; '' for none.
 *
 * @example
 * didYouMean(['at_most']) // 'did you mean at_most?'
 */
export function didYouMean(words: readonly string[]): string {
  if (words.length === 0) return '';
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  return `did you mean ${list}?`;
}
