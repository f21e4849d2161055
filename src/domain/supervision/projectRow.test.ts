import { describe, expect, it } from 'vitest';
import { checkProjectRow, mapProjectHeader, PROJECT_HEADERS, type ProjectRowContext } from './projectRow';

const ctx: ProjectRowContext = {
  item: (t) => (t === 'p3-01' || t === '深圳歌剧院' ? { key: 'p3-01', name: '深圳歌剧院' } : null),
  region: (t) => (t === '南山区' || t === '440305' ? '440305' : null),
  unit: (t) => (t === '市文化广电旅游体育局' ? { id: 7, name: t } : null),
};
const row = { item: '深圳歌剧院', owner: '市文化广电旅游体育局', period: '2024年3月', ytdCompleted: '1.2', annualPlan: '5', totalInvestment: '40' };
const scale = { ytdCompleted: 1, annualPlan: 1, totalInvestment: 1 } as const;

describe('project dispatch row', () => {
  it('reads a good row: the plan item by name, the period to its month, money in 亿元', () => {
    const r = checkProjectRow(row, scale, ctx);
    expect(r).toMatchObject({ ok: true, draft: { itemKey: 'p3-01', month: '2024-03', year: 2024, monthsElapsed: 3, ytdCompleted: 1.2, annualPlan: 5, totalInvestment: 40, unitId: 7 } });
    expect(checkProjectRow({ ...row, period: '2024Q2' }, scale, ctx)).toMatchObject({ draft: { month: '2024-06', monthsElapsed: 6 } });
    expect(checkProjectRow({ ...row, period: '2024年1-9月' }, scale, ctx)).toMatchObject({ draft: { month: '2024-09' } });
  });
  it('converts a （万元） column exactly: 12345.6 万元 is 1.23456 亿元', () => {
    const h = mapProjectHeader(['规划项目', '责任单位', '报告期', '本年累计完成投资（万元）']);
    expect(h.errors).toEqual([]);
    expect(h.scale.ytdCompleted).toBe(10000);
    expect(checkProjectRow({ ...row, ytdCompleted: '12345.6' }, h.scale, ctx)).toMatchObject({ draft: { ytdCompleted: 1.23456 } });
  });
  it('names each bad cell: negative investment, a word for a number, unknown project, bad code, bad date', () => {
    const r = checkProjectRow({ ...row, item: '不存在的项目', ytdCompleted: '-3', annualPlan: '五亿', code: '12345', plannedStart: '2024-13-01' }, scale, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['item', 'code', 'annualPlan', 'ytdCompleted', 'plannedStart']);
    expect(r.errors.find((e) => e.field === 'ytdCompleted')?.message).toBe('investment cannot be negative (-3)');
  });
  it('warns, without refusing, when completed exceeds the total investment', () => {
    const r = checkProjectRow({ ...row, sinceStartCompleted: '45' }, { ...scale, sinceStartCompleted: 1 }, ctx);
    expect(r).toMatchObject({ ok: true, warnings: [{ field: 'sinceStartCompleted', message: 'completed since start (45) exceeds the total investment (40)' }] });
  });
  it('maps the template headers and reports missing required columns', () => {
    expect(mapProjectHeader(Object.values(PROJECT_HEADERS)).errors).toEqual([]);
    expect(mapProjectHeader(['项目名称']).errors).toEqual(['missing column 规划项目', 'missing column 责任单位', 'missing column 报告期', 'missing column 本年累计完成投资（亿元）']);
  });
});
