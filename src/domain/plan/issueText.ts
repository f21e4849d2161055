/**
 * zod's findings in the words of the plan format, with a fix where one is obvious: a missing field says it is
 * missing (never "unknown comparator undefined"), an unknown key is reported at its own line with the key it was
 * probably meant to be, and a Chinese word where a code belongs says which code (左右 → about, 控制在…以内 →
 * at_most, 约束性 → binding).
 */
import type { z } from 'zod';
import { didYouMean, nearest } from '../nearest';
import type { PlanIssue } from './issues';
import { keysAt } from './schemaWalk';
import { COMPARATOR_WORDING } from './terms';

type ZodIssue = z.core.$ZodIssue;
type Path = ReadonlyArray<string | number>;

/** Words of the plan's own language that stand for a code of the format, longest first (不低于 before 低于). */
const WORDS: ReadonlyArray<readonly [string, string]> = (
  [
  ...Object.entries(COMPARATOR_WORDING).flatMap(([code, words]) => words.map((w): [string, string] => [w, code])),
  ['以上', 'at_least'],
  ['不超过', 'at_most'],
  ['约', 'about'],
  ['预期性', 'expected'],
  ['约束性', 'binding'],
  ['越大越好', 'increase'],
  ['提高', 'increase'],
  ['增加', 'increase'],
  ['增长', 'increase'],
  ['越小越好', 'decrease'],
  ['下降', 'decrease'],
  ['降低', 'decrease'],
  ['减少', 'decrease'],
  ['总体', 'overall'],
  ['重点领域', 'key_area'],
  ['辅助', 'supporting'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

/** The code a value was probably meant to be: by the plan's words it contains, else the nearest spelling. */
export function suggestCode(value: unknown, codes: readonly string[]): string[] {
  if (typeof value !== 'string') return [];
  for (const [word, code] of WORDS) if (value.includes(word) && codes.includes(code)) return [code];
  return nearest(value.trim().toLowerCase(), codes);
}

function valueAt(raw: unknown, path: Path): unknown {
  let at: unknown = raw;
  for (const p of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[p];
  }
  return at;
}

/** A value as a message quotes it, cut short. */
const shown = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

const expectedText = (i: ZodIssue): string =>
  i.code === 'invalid_value' ? i.values.map(String).join(' | ') : i.code === 'invalid_type' ? `${/^[aeiou]/.test(i.expected) ? 'an' : 'a'} ${i.expected}` : '';

/** For a missing comparator: what the printed target next to it says (16%左右 → about). */
function fromPrinted(raw: unknown, path: Path, codes: readonly string[]): string {
  if (path[path.length - 1] !== 'comparator') return '';
  const printed = valueAt(raw, [...path.slice(0, -1), 'printed']);
  const [code] = suggestCode(printed, codes);
  return code ? `; the printed target "${String(printed)}" says ${code}` : '';
}

/**
 * @example
 * explainIssues(zodIssues, rawPlan, planDocumentSchema)
 * // [{ path: ['indicators', 0, 'target', 'comparator'], message: 'unknown comparator "左右" (expected at_least | about | at_most); did you mean about?' }]
 */
export function explainIssues(issues: readonly ZodIssue[], raw: unknown, schema: z.ZodType): PlanIssue[] {
  return issues.flatMap((i): PlanIssue[] => {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (i.code === 'unrecognized_keys') {
      const allowed = keysAt(schema, path);
      return i.keys.map((key) => {
        const hint = didYouMean(nearest(key, allowed));
        return { path: [...path, key], message: `unknown key "${key}"${hint ? `; ${hint}` : ''}` };
      });
    }
    const value = valueAt(raw, path);
    const codes = i.code === 'invalid_value' ? i.values.map(String) : [];
    if (value === undefined && (i.code === 'invalid_type' || i.code === 'invalid_value')) {
      const field = path[path.length - 1];
      const what = typeof field === 'string' ? `"${field}"` : 'this entry';
      return [{ path, message: `required field ${what} is missing (expected ${expectedText(i)})${fromPrinted(raw, path, codes)}` }];
    }
    if (i.code === 'invalid_value') {
      const hint = didYouMean(suggestCode(value, codes));
      const field = path[path.length - 1];
      // zod's own wording ("Invalid option: …") becomes the format's; a schema's custom message is kept.
      const text = i.message.startsWith('Invalid option') ? `unknown ${typeof field === 'string' ? `${field} ` : 'value '}${shown(value)} (expected ${expectedText(i)})` : i.message;
      return [{ path, message: `${text}${hint ? `; ${hint}` : ''}` }];
    }
    if (i.code === 'invalid_type') {
      return [{ path, message: `expected ${expectedText(i)}, not ${shown(value)}` }];
    }
    return [{ path, message: i.message }];
  });
}
