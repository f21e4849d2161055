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
    const r = parsePriceBasis('美元价');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^unknown price basis "美元价" \(expected one of: 现价, 名义, 当年价, 可比价, 实际, 不变价, current prices/);
    expect(parseStatus('最终')).toEqual({ ok: true, value: 'final' });
    // The template's drop-down labels read back as the codes they stand for.
    expect(parseSourceKind('第三方转录')).toEqual({ ok: true, value: 'third_party' });
    expect(parseSourceKind('Statistical bulletin')).toEqual({ ok: true, value: 'bureau_bulletin' });
    expect(parseSourceKind('press')).toEqual({ ok: true, value: 'press' });
    expect(parseStatus('maybe').ok).toBe(false);
  });
});
