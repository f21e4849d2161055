/** R's stl() arguments (as the STL fixtures record them) → our StlOptions: for the STL test and its benchmark. */
import type { StlOptions } from '../../src/domain/prosperity/stl';

export function stlOptionsFromR(period: number, o: Readonly<Record<string, number | string | boolean>>): StlOptions {
  const num = (k: string) => (typeof o[k] === 'number' ? (o[k] as number) : undefined);
  const deg = (k: string) => (typeof o[k] === 'number' ? ((o[k] as number) === 1 ? 1 : 0) : undefined);
  const opts: StlOptions = { period, sWindow: o['s.window'] === 'periodic' ? 'periodic' : (o['s.window'] as number) };
  const set = <K extends keyof StlOptions>(k: K, v: StlOptions[K] | undefined) => {
    if (v !== undefined) opts[k] = v;
  };
  set('sDegree', deg('s.degree'));
  set('tDegree', deg('t.degree'));
  set('lDegree', deg('l.degree'));
  set('tWindow', num('t.window'));
  set('lWindow', num('l.window'));
  set('sJump', num('s.jump'));
  set('tJump', num('t.jump'));
  set('lJump', num('l.jump'));
  set('inner', num('inner'));
  set('outer', num('outer'));
  if (o.robust === true) opts.robust = true;
  return opts;
}
