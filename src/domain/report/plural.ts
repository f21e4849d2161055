/**
 * English counts and verbs that agree with them ("1 indicator has", "2 indicators have"): report sentences are
 * drafted from counts, and a plan with one indicator, one chapter or one project is ordinary.
 */

/**
 * @example
 * counted(1, 'indicator')           // '1 indicator'
 * counted(3, 'key measure')         // '3 key measures'
 * counted(2, 'box', 'boxes')        // '2 boxes'
 */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * The verb form for a subject of `n` things.
 *
 * @example
 * agree(1, 'lags', 'lag') // 'lags'
 */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
