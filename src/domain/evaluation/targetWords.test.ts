import { describe, expect, it } from 'vitest';
import { targetPhrase, targetWords } from './targetText';

describe('a target in the plan’s words, unquoted for a page', () => {
  it('joins the printed value and its wording once, as the report’s quoted phrase does', () => {
    // 专栏1: 服务业增加值 "突破2.5万亿元" — printed 2.5万亿元, wording 突破.
    const t = { value: 25000, year: 2025, printed: '2.5万亿元', comparator: 'at_least' as const, tolerance: null, wording: '突破' };
    expect(targetWords(t, '亿元').zh).toBe('突破2.5万亿元');
    expect(targetPhrase(t, '亿元').zh).toBe('“突破2.5万亿元”');
    // A wording the printed text already carries is not said twice.
    expect(targetWords({ ...t, printed: '突破2.5万亿元' }, '亿元').zh).toBe('突破2.5万亿元');
    expect(targetWords({ value: 13, year: 2025, printed: '13%', comparator: 'at_most', tolerance: null, wording: '控制在…以内' }, '%').zh).toBe('控制在13%以内');
  });
});
