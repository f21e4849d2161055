/** Test helper: a number from a result's intermediate workings (throws when absent, so a test fails loudly). */
import type { Workings } from './result';

export function intermediate(r: { workings: Workings }, key: string): number {
  const v = r.workings.intermediate[key];
  if (typeof v !== 'number') throw new Error(`no intermediate number "${key}" in ${JSON.stringify(r.workings.intermediate)}`);
  return v;
}
