import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Target } from '../plan/model';
import { COMPARATOR_WORDING } from '../plan/terms';
import { shown, targetPhrase } from './targetText';

const t = (printed: string | null, wording: string | null, comparator: Target['comparator'] = 'at_most', value = 13): Target => ({
  value, year: 2030, printed, comparator, tolerance: comparator === 'about' ? 0.5 : null, wording,
});

describe('targetPhrase: the plan\'s own words, never doubled', () => {
  it.each([
    ['控制在13%以内', '控制在…以内', '“控制在13%以内”'],
    ['13%以内', '控制在…以内', '“控制在13%以内”'],
    ['13%', '控制在…以内', '“控制在13%以内”'],
    ['控制在13%以内', '控制在', '“控制在13%以内”'],
    ['控制在13%以内', '控制在……以内', '“控制在13%以内”'],
    ['控制在13%以内', '控制在...以内', '“控制在13%以内”'],
    ['控制在13%以内', '控制在——以内', '“控制在13%以内”'],
    ['控制在 13% 以内', '控制在 以内', '“控制在 13% 以内”'],
    ['13%', '不高于', '“不高于13%”'],
  ])('printed %s with wording %s reads %s', (printed, wording, zh) => {
    expect(targetPhrase(t(printed, wording), '%').zh).toBe(zh);
  });

  it('keeps at-least and about wordings once', () => {
    expect(targetPhrase(t('2.5万亿元', '突破', 'at_least', 25000), '亿元').zh).toBe('“突破2.5万亿元”');
    expect(targetPhrase(t('突破2.5万亿元', '突破', 'at_least', 25000), '亿元').zh).toBe('“突破2.5万亿元”');
    expect(targetPhrase(t('16%左右', '左右', 'about', 16), '%').zh).toBe('“16%左右”');
    expect(targetPhrase(t('16%', null, 'about', 16), '%').zh).toBe('“16%左右”');
  });

  it('says no comparator word twice, whatever the printed text and the wording', () => {
    // The plan's words that lead a value and those that follow it (none a part of another).
    const leads = Object.values(COMPARATOR_WORDING).flat().filter((w) => !['达', '低于', '以内', '左右'].includes(w));
    const comparator = fc.constantFrom<Target['comparator']>('at_least', 'about', 'at_most');
    const gap = fc.constantFrom('…', '……', '...', '——', ' ', '');
    fc.assert(
      fc.property(comparator, fc.constantFrom('', ...leads), fc.constantFrom('', '以内', '左右', '以上'), gap, fc.boolean(), (c, lead, trail, g, printedWithWords) => {
        const wording = `${lead}${lead && trail ? g || '…' : ''}${trail}` || null;
        const printed = printedWithWords ? `${lead}13%${trail}` : '13%';
        const zh = targetPhrase(t(printed, wording, c), '%').zh;
        for (const w of [lead, trail].filter((x) => x !== '')) expect(zh.split(w).length - 1, `${zh} (wording ${wording})`).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('shown: values as sentences print them', () => {
  it('keeps two decimals from 1 up and three significant digits below 1 (0.282, not 0.28)', () => {
    expect(shown(15.860969356, '%').zh).toBe('15.86%');
    expect(shown(21566.384, '亿元').zh).toBe('21566.38亿元');
    expect(shown(0.282, '吨标准煤/万元').zh).toBe('0.282吨标准煤/万元');
    expect(shown(0.07812, '千克/元').zh).toBe('0.0781千克/元');
    expect(shown(0.5, '%').zh).toBe('0.5%');
    expect(shown(0, '%').zh).toBe('0%');
  });
});
