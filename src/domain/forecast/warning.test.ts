import { describe, expect, it } from 'vitest';
import { forecastSentence, readable } from './sentence';
import { checkWarningRules, warningLevel } from './warning';

describe('early warning rules', () => {
  it('default: red below 0.3 or when behind, yellow to 0.7, green above, none without a probability', () => {
    expect(warningLevel(0.29, false).level).toBe('red');
    expect(warningLevel(0.3, false).level).toBe('yellow');
    expect(warningLevel(0.69, false).level).toBe('yellow');
    expect(warningLevel(0.7, false).level).toBe('green');
    expect(warningLevel(0.95, true).level).toBe('red');
    expect(warningLevel(null, false).level).toBe('none');
    expect(warningLevel(null, true).level).toBe('red');
  });
  it('is configurable, and a rule set out of order is refused', () => {
    const rules = { redBelow: 0.5, yellowBelow: 0.9, redWhenBehind: false };
    expect(warningLevel(0.4, true, rules).level).toBe('red');
    expect(warningLevel(0.8, true, rules).level).toBe('yellow');
    expect(checkWarningRules(rules)).toBeNull();
    expect(checkWarningRules({ redBelow: 0.8, yellowBelow: 0.5, redWhenBehind: true })).toMatch(/redBelow ≤ yellowBelow/);
  });
});

describe('the warning sentence', () => {
  const at = { year: 2025, point: 23006.77, lo80: 20082.14, hi80: 25537.93, lo95: 18500, hi95: 27000 };
  const name = { zh: '服务业增加值', en: 'Value added of the service industry' };
  it('says the forecast, its 80% interval and the probability, in Chinese and English', () => {
    const s = forecastSentence({ name, unit: '亿元', atTarget: at, target: { value: 25000, printed: '2.5万亿元', comparator: 'at_least', tolerance: null }, probability: 0.191, behind: false, reason: null });
    expect(s.zh).toBe('按当前趋势，2025年服务业增加值预计为23007亿元（80%区间20082亿元—25538亿元），达到2.5万亿元目标的概率约为19%。');
    expect(s.en).toBe('On current trends, value added of the service industry is forecast at 2,300.7 billion yuan in 2025 (80% interval 2,008.2 billion yuan to 2,553.8 billion yuan); the probability of meeting the target of 2,500 billion yuan is about 19%.');
  });
  it('says why there is no forecast, and that the evaluation is behind', () => {
    const s = forecastSentence({ name, unit: '亿元', atTarget: null, target: null, probability: null, behind: true, reason: { zh: '数据不足', en: 'insufficient data' } });
    expect(s.zh).toBe('服务业增加值：数据不足。评估结果为滞后。');
    expect(s.en).toBe('Value added of the service industry: insufficient data. The evaluation says it is behind schedule.');
  });
  it('rounds for reading to 4 significant digits, at most 2 decimals', () => {
    expect(readable(23006.77)).toBe(23007);
    expect(readable(16.0449)).toBe(16.04);
    expect(readable(0.123456)).toBe(0.12);
  });
});
