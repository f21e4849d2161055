import { describe, expect, it } from 'vitest';
import { parsePriceBasis, parseSourceKind, parseStatus } from './words';

describe('cell words', () => {
  it('reads price bases as the data writes them', () => {
    expect(parsePriceBasis('现价')).toEqual({ ok: true, value: 'current' });
    expect(parsePriceBasis('名义(presumed)')).toEqual({ ok: true, value: 'current' });
    expect(parsePriceBasis('实际 (per HKTDC note)')).toEqual({ ok: true, value: 'comparable' });
    expect(parsePriceBasis('unspecified')).toEqual({ ok: true, value: null });
  });

  it('names an unknown word instead of guessing', () => {
    expect(parsePriceBasis('美元价')).toEqual({ ok: false, error: 'unknown price basis "美元价" (expected one of: 现价, 名义, 当年价, 可比价, 实际, 不变价)' });
    expect(parseStatus('最终')).toEqual({ ok: true, value: 'final' });
    expect(parseSourceKind('press')).toEqual({ ok: true, value: 'press' });
    expect(parseStatus('maybe').ok).toBe(false);
  });
});
