import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, taskLight, timeProgress, type LightInput } from './light';

/** A quarterly-reporting task assigned on 2024-01-05, reports due 10 days after each quarter, 黄 within 15 days. */
const base: LightInput = {
  state: 'in_progress',
  today: '2024-05-01',
  assignedOn: '2024-01-05',
  nodes: [],
  reportedPeriods: new Set(['2024Q1']),
  progress: null,
  anyReport: true,
};
const rules = DEFAULT_RULES;

describe('task light (hand-worked cases)', () => {
  it('is green on schedule: Q1 reported, Q2 not due yet, no node near', () => {
    const r = taskLight({ ...base, nodes: [{ title: '出台实施方案', due: '2024-06-30', doneOn: null }] }, rules);
    expect(r.light).toBe('green');
    // The next report owed is Q2's, due 2024-07-10 (30 June + 10 days).
    expect(r.nextDue).toEqual({ code: '2024Q2', end: '2024-06-30', due: '2024-07-10' });
  });

  it('is yellow when a node is due within 15 days: 2024-05-16 is 15 days after 2024-05-01, 2024-05-17 is 16', () => {
    expect(taskLight({ ...base, nodes: [{ title: '出台实施方案', due: '2024-05-16', doneOn: null }] }, rules).light).toBe('yellow');
    expect(taskLight({ ...base, nodes: [{ title: '出台实施方案', due: '2024-05-17', doneOn: null }] }, rules).light).toBe('green');
    // A node due today is due soon, not overdue.
    const today = taskLight({ ...base, nodes: [{ title: '出台实施方案', due: '2024-05-01', doneOn: null }] }, rules);
    expect(today.light).toBe('yellow');
    expect(today.reasons[0]?.text.zh).toBe('时间节点“出台实施方案”将于2024-05-01到期（剩0天）');
  });

  it('is red when a node is overdue, and says by how many days', () => {
    const r = taskLight({ ...base, nodes: [{ title: '出台实施方案', due: '2024-04-20', doneOn: null }] }, rules);
    expect(r.light).toBe('red');
    expect(r.reasons[0]?.text.zh).toBe('时间节点“出台实施方案”已逾期11天（应于2024-04-20完成）');
    // Done on time: no longer overdue.
    expect(taskLight({ ...base, nodes: [{ title: '出台实施方案', due: '2024-04-20', doneOn: '2024-04-18' }] }, rules).light).toBe('green');
  });

  it('is yellow when progress is behind its 序时进度 by more than 5 points: 40% against 50% time, not 46%', () => {
    expect(taskLight({ ...base, progress: { actual: 0.4, expected: 0.5, basis: 'percent' } }, rules).light).toBe('yellow');
    expect(taskLight({ ...base, progress: { actual: 0.46, expected: 0.5, basis: 'percent' } }, rules).light).toBe('green');
    const project = taskLight({ ...base, progress: { actual: 0.1, expected: 0.25, basis: 'investment' } }, rules);
    expect(project.reasons[0]?.text.zh).toBe('年度投资完成率10%，落后序时进度（25%）');
  });

  it('is red when a report is missing past its deadline: Q1 due 2024-04-10 — not on the 10th, red on the 11th', () => {
    const none = { ...base, reportedPeriods: new Set<string>(), anyReport: false };
    expect(taskLight({ ...none, today: '2024-04-10' }, rules).light).toBe('grey');
    const late = taskLight({ ...none, today: '2024-04-11' }, rules);
    expect(late.light).toBe('red');
    expect(late.missing.map((p) => p.code)).toEqual(['2024Q1']);
    expect(late.reasons[0]?.text.zh).toBe('2024Q1进度逾期未报送（应于2024-04-10前报送）');
    // Periods that ended before the task was assigned are not owed: assigned 2024-04-02, Q1 is not missing.
    expect(taskLight({ ...none, assignedOn: '2024-04-02', today: '2024-04-20' }, rules).light).toBe('grey');
  });

  it('is green with the reason 已办结 once finished, even with an old overdue node', () => {
    const r = taskLight({ ...base, state: 'completed', nodes: [{ title: 'x', due: '2023-01-01', doneOn: null }] }, rules);
    expect(r).toMatchObject({ light: 'green', reasons: [{ code: 'completed' }] });
  });

  it('is grey when not assigned, or assigned with nothing reported and nothing due', () => {
    expect(taskLight({ ...base, state: 'unassigned', assignedOn: null }, rules).light).toBe('grey');
    expect(taskLight({ ...base, state: 'accepted', anyReport: false, reportedPeriods: new Set(), today: '2024-02-01' }, rules).reasons[0]?.code).toBe('not_started');
  });

  it('red outranks yellow, and lists both reasons', () => {
    const r = taskLight({ ...base, nodes: [{ title: 'a', due: '2024-04-01', doneOn: null }, { title: 'b', due: '2024-05-05', doneOn: null }] }, rules);
    expect(r.light).toBe('red');
    expect(r.reasons.map((x) => x.code)).toEqual(['node_overdue', 'node_due_soon']);
  });

  it('follows the cycle the plan owner set: monthly reports due 5 days after each month', () => {
    const monthly = { ...rules, cycle: 'monthly' as const, dueDays: 5 };
    const r = taskLight({ ...base, reportedPeriods: new Set(['2024-01', '2024-02', '2024-03']), today: '2024-05-06' }, monthly);
    expect(r.missing.map((p) => p.code)).toEqual(['2024-04']);
    expect(taskLight({ ...base, reportedPeriods: new Set(['2024-01', '2024-02', '2024-03']), today: '2024-05-05' }, monthly).light).toBe('green');
  });
});

describe('序时进度', () => {
  it('is the share of the span passed, within [0, 1]', () => {
    // 2021-01-01 → 2025-12-31 is 1825 days; 2023-07-02 is day 912.
    expect(timeProgress('2021-01-01', '2025-12-31', '2023-07-02')).toBeCloseTo(912 / 1825, 10);
    expect(timeProgress('2021-01-01', '2025-12-31', '2020-06-01')).toBe(0);
    expect(timeProgress('2021-01-01', '2025-12-31', '2027-01-01')).toBe(1);
  });
});
