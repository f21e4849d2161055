import { describe, expect, it } from 'vitest';
import { chineseNumber, planPlace } from './planPlace';

describe('where in the plan', () => {
  it('reads Chinese numerals', () => {
    expect(['一', '九', '十', '十二', '二十', '二十一', '7', '甲'].map(chineseNumber)).toEqual([1, 9, 10, 12, 20, 21, 7, null]);
  });
  it('says the place in each language', () => {
    expect(planPlace({ chapter: '二', section: '(三)', column: '专栏1' }, 'zh')).toBe('第二章（三）专栏1');
    expect(planPlace({ chapter: '二', section: '(三)', column: '专栏1' }, 'en')).toBe('Chapter 2, section 3, Box 1');
    expect(planPlace({ chapter: '十一' }, 'en')).toBe('Chapter 11');
  });
});
