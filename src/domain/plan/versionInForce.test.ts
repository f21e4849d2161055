import { describe, expect, it } from 'vitest';
import { versionInForce } from './versionInForce';

const v1 = { number: 1, effectiveFrom: null };
const v2 = { number: 2, effectiveFrom: '2028-07-01' };

describe('versionInForce', () => {
  it('uses the version in force on the as-of date', () => {
    expect(versionInForce([v2, v1], '2028-06-30')).toBe(v1);
    expect(versionInForce([v1, v2], '2028-07-01')).toBe(v2);
  });
  it('uses the newest version for a year-only evaluation', () => {
    expect(versionInForce([v1, v2], null)).toBe(v2);
  });
  it('falls back to the first version before any is in force', () => {
    const dated = { number: 1, effectiveFrom: '2026-03-01' };
    expect(versionInForce([dated], '2026-01-31')).toBe(dated);
    expect(versionInForce([], null)).toBeNull();
  });
});
