/** A problem found in a plan file, located by the path of the offending field. */
export interface PlanIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/**
 * Formats a field path the way a reader finds it in the YAML.
 *
 * @example
 * formatPath(['indicators', 2, 'target', 'comparator']) // 'indicators[2].target.comparator'
 */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(file)' : out;
}
