import { describe, expect, it } from 'vitest';
import { latestAssessment, qualitativeStanding, type RecordedAssessment } from './qualitative';

const target = { year: 2030, printed: '基本建成国际消费中心城市', statement: '基本建成国际消费中心城市' };
const name = { zh: '国际消费中心城市建设', en: 'International consumption centre' };
const a = (assessment: RecordedAssessment['assessment'], assessedOn: string): RecordedAssessment => ({ assessment, assessedOn, evidence: '商务部评估报告', assessedBy: '市发展改革委' });

describe('qualitative targets', () => {
  it('wait (grey) until a planner records an assessment', () => {
    const s = qualitativeStanding(target, null, 'progress', name);
    expect(s.code).toBe('not_assessed');
    expect(s.light).toBe('grey');
  });
  it('read the recorded assessment, with its date in Chinese and its evidence', () => {
    const s = qualitativeStanding(target, a('at_risk', '2028-06-30'), 'progress', name);
    expect(s.code).toBe('at_risk');
    expect(s.sentence.zh).toBe('国际消费中心城市建设：“基本建成国际消费中心城市”，2028年6月30日评估为“进展滞后”（市发展改革委）；佐证：商务部评估报告。');
  });
  it('after the target year, accept only a final assessment (实现, 基本实现, 未实现)', () => {
    expect(qualitativeStanding(target, a('on_track', '2030-12-31'), 'final', name).code).toBe('not_assessed');
    expect(qualitativeStanding(target, a('largely_achieved', '2031-03-01'), 'final', name).code).toBe('largely_achieved');
  });
  it('the latest assessment made by the as-of date stands', () => {
    const list = [a('on_track', '2027-12-31'), a('at_risk', '2028-12-31'), a('achieved', '2031-02-01')];
    expect(latestAssessment(list, '2028-06-30')?.assessment).toBe('on_track');
    expect(latestAssessment(list, '2029-01-01')?.assessment).toBe('at_risk');
    expect(latestAssessment(list, null)?.assessment).toBe('achieved');
    expect(latestAssessment(list, '2020-01-01')).toBeNull();
  });
});
