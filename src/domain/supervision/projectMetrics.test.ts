import { describe, expect, it } from 'vitest';
import { completionRate, gapToTimeProgress, portfolio, type ProjectStatus } from './projectMetrics';

const p = (x: Partial<ProjectStatus>): ProjectStatus => ({ annualPlan: null, ytdCompleted: null, monthsElapsed: null, plannedStart: null, actualStart: null, plannedCompletion: null, actualCompletion: null, ...x });

describe('project figures (hand-worked)', () => {
  it('年度投资完成率 and its gap to time progress: 3.6 of 12 亿元 by June is 30%, 20 points behind 6/12', () => {
    expect(completionRate({ annualPlan: 12, ytdCompleted: 3.6 })).toBeCloseTo(0.3, 12);
    expect(gapToTimeProgress({ annualPlan: 12, ytdCompleted: 3.6, monthsElapsed: 6 })).toBeCloseTo(-0.2, 12);
    expect(completionRate({ annualPlan: 0, ytdCompleted: 1 })).toBeNull();
    expect(completionRate({ annualPlan: null, ytdCompleted: 1 })).toBeNull();
  });
  it('开工率 and 按期竣工率 count only projects due by the as-of day', () => {
    const list = [
      p({ annualPlan: 10, ytdCompleted: 4, plannedStart: '2024-03-01', actualStart: '2024-04-02' }),
      p({ annualPlan: 6, ytdCompleted: 2, plannedStart: '2024-05-01', actualStart: null }),
      p({ plannedStart: '2024-09-01' }), // not due by June
      p({ plannedCompletion: '2024-06-30', actualCompletion: '2024-06-20' }),
      p({ plannedCompletion: '2024-05-31', actualCompletion: '2024-06-15' }), // late
      p({ plannedCompletion: '2023-12-31', actualCompletion: '2023-12-01' }), // another year
    ];
    const r = portfolio(list, 2024, '2024-06-30');
    expect(r).toMatchObject({ projects: 6, reported: 2, annualPlan: 16, ytdCompleted: 6, start: { due: 2, started: 1, rate: 0.5 }, onTimeCompletion: { due: 2, onTime: 1, rate: 0.5 } });
    expect(r.completionRate).toBeCloseTo(6 / 16, 12);
    expect(portfolio([], 2024, '2024-06-30')).toMatchObject({ completionRate: null, start: { rate: null }, onTimeCompletion: { rate: null } });
  });
});
