import { describe, expect, it } from 'vitest';
import { indicatorLight, worse } from './lights';

const s = (light: 'green' | 'yellow' | 'red' | 'grey', phase: 'progress' | 'final' = 'progress') => ({ phase, light, sentence: { zh: '状态', en: 'status' } });
const f = (level: 'red' | 'yellow' | 'green' | 'none', probability: number | null = 0.5) => ({ level, probability, sentence: { zh: '预测', en: 'forecast' } });

describe('one light per indicator', () => {
  it('is the worse of the status light and the forecast light', () => {
    // 服务业增加值 as of 2023: on schedule (green) but a 19% chance of 2.5万亿 (red): red, the forecast decides
    expect(indicatorLight(s('green'), f('red', 0.19))).toMatchObject({ light: 'red', basis: 'forecast' });
    expect(indicatorLight(s('red'), f('green', 0.9))).toMatchObject({ light: 'red', basis: 'status' });
    expect(indicatorLight(s('yellow'), f('yellow'))).toMatchObject({ light: 'yellow', basis: 'status_and_forecast' });
  });

  it('treats grey as no signal: the forecast decides, and grey only when neither speaks', () => {
    expect(indicatorLight(s('grey'), f('green', 0.8))).toMatchObject({ light: 'green', basis: 'forecast' });
    expect(indicatorLight(s('grey'), f('none', null))).toMatchObject({ light: 'grey', basis: 'none' });
    expect(indicatorLight(s('grey'), null)).toMatchObject({ light: 'grey', basis: 'none' });
    expect(worse('grey', 'green')).toBe('green');
  });

  it('shows no forecast risk after the target year: the verdict alone', () => {
    expect(indicatorLight(s('green', 'final'), f('red', 0.01))).toMatchObject({ light: 'green', basis: 'status', reasons: [{ zh: '状态', en: 'status' }] });
    expect(indicatorLight(s('grey', 'final'), f('green', 0.99))).toMatchObject({ light: 'grey' });
  });
});
