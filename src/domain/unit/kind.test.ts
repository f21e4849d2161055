import { describe, expect, it } from 'vitest';
import { FIXTURE_CATALOGUE } from './fixtures';
import { isMoneyAmount } from './kind';

describe('isMoneyAmount', () => {
  it('knows money from rates, counts, physical quantities and unknown units', () => {
    const money = (u: string) => isMoneyAmount(u, FIXTURE_CATALOGUE);
    expect(['亿元', '万亿元', '亿美元', '元/人'].map(money)).toEqual([true, true, true, true]);
    expect(['%', '个百分点', '家', '万人', '万吨', '吨/万元', '亿吨'].map(money)).toEqual([false, false, false, false, false, false, false]);
  });
});
