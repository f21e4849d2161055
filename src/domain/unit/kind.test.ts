import { describe, expect, it } from 'vitest';
import { isMoneyAmount } from './kind';

describe('isMoneyAmount', () => {
  it('knows money from rates, counts and unknown units', () => {
    expect(['亿元', '万亿元', '亿美元', '元/人'].map(isMoneyAmount)).toEqual([true, true, true, true]);
    expect(['%', '个百分点', '家', '万人', '亿吨'].map(isMoneyAmount)).toEqual([false, false, false, false, false]);
  });
});
