import { describe, expect, it } from 'vitest';
import { modelWords } from './modelWords';

describe('a forecast model in words', () => {
  it('names the median combination and its members', () => {
    expect(modelWords('median(ETS(M,Ad,N), Theta, ARIMA(0,1,0) with drift)')).toEqual({
      zh: '指数平滑（阻尼趋势）、Theta法与带漂移随机游走的中位数组合',
      en: 'the median of exponential smoothing (damped trend), the Theta method and a random walk with drift',
    });
    expect(modelWords('median(ETS, Theta, ARIMA(0,1,0) with drift, geometric drift)').zh).toBe('指数平滑、Theta法、带漂移随机游走与几何漂移（按平均增速外推）的中位数组合');
  });
  it('names single models, seasonal ones included', () => {
    expect(modelWords('ETS(A,A,M)').zh).toBe('指数平滑（线性趋势、乘法季节）');
    expect(modelWords('ETS(A,N,N)').en).toBe('exponential smoothing (no trend)');
    expect(modelWords('ARIMA(0,1,0) with drift').zh).toBe('带漂移随机游走');
    expect(modelWords('ARIMA(1,1,1)').en).toBe('an ARIMA model');
  });
  it('adds the forecast\'s notes after the name: interpolated years, years left out of the fit', () => {
    const notes = [
      { zh: '2019年数据为插值', en: '2019 interpolated' },
      { zh: '2017、2018年数据为此前口径，未用于拟合', en: '2017, 2018 on an earlier basis, not used' },
    ];
    expect(modelWords('ARIMA(0,1,0) with drift', notes)).toEqual({
      zh: '带漂移随机游走（2019年数据为插值；2017、2018年数据为此前口径，未用于拟合）',
      en: 'a random walk with drift (2019 interpolated; 2017, 2018 on an earlier basis, not used)',
    });
  });
  it('gives a name it does not know as it is', () => {
    expect(modelWords('TBATS(1, {0,0}, -, -)')).toEqual({ zh: 'TBATS(1, {0,0}, -, -)', en: 'TBATS(1, {0,0}, -, -)' });
  });
});
