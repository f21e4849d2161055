import { describe, expect, it } from 'vitest';
import { prosperitySection, type ProsperityBrief } from './prosperity';

const brief: ProsperityBrief = {
  survey: { zh: '深圳市服务业企业景气调查', en: 'Shenzhen service-enterprise business-climate survey' },
  synthetic: false,
  period: '2025-12',
  respondents: 315,
  climate: { value: 118.2, previous: 121.0 },
  confidence: { value: 122.3 },
  baseYear: 2021,
  coincident: { level: 105.1, yearAgo: 100.2 },
  leading: { level: 106.3, threeMonthsAgo: 102.0 },
  lastTurn: { group: 'coincident', kind: 'trough', period: '2024-12' },
  signal: {
    score: 138.9,
    light: 'yellow',
    lights: [
      { name: { zh: '业务总量', en: 'Business volume' }, light: 'red' },
      { name: { zh: '新订单', en: 'New orders' }, light: 'red' },
      { name: { zh: '服务收费价格', en: 'Prices charged' }, light: 'green' },
    ],
  },
};

describe('the 服务业景气指数 box of the annual and mid-term reports', () => {
  it('says where the climate, the composite indices and the lights stand, with the numbers of the brief', () => {
    const s = prosperitySection(brief, 'annual', 'zh');
    expect(s?.heading).toBe('专栏　服务业景气指数');
    expect(s?.text.split('\n')).toEqual([
      '根据深圳市服务业企业景气调查（2025-12，样本企业315家），服务业企业景气指数为118.2，比上期下降2.8点，位于100的临界值以上，企业对经营状况的判断总体偏乐观；企业家信心指数为122.3。',
      '合成指数（2021年=100）：一致指数为105.1，比上年同期上升4.9点；先行指数为106.3，近三个月回升，预示未来几个月服务业景气趋于上行。按Bry–Boschan规则，一致指数最近一个转折点为2024-12的谷。',
      '景气信号灯：2025-12预警指数为138.9，综合为黄灯（偏热）；其中红灯（过热）2项（业务总量、新订单），绿灯（正常）1项（服务收费价格）。',
    ]);
  });

  it('is in English too, notes synthetic data, and is left out of the final report', () => {
    const s = prosperitySection({ ...brief, synthetic: true, climate: { value: 96.4, previous: null } }, 'midterm', 'en');
    expect(s?.text).toContain('the business climate index of service enterprises was 96.4, below the threshold of 100');
    expect(s?.text).toContain('synthetic demo data');
    expect(prosperitySection(brief, 'final', 'zh')).toBeNull();
    expect(prosperitySection(null, 'annual', 'zh')).toBeNull();
  });
});
