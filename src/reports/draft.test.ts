import { describe, expect, it } from 'vitest';
import { columnHeaders, rowCells } from './cells';
import type { ReportContext } from './context';
import { applyEdits, draftReport, paragraphs, SECTION_IDS } from './draft';
import { statusCounts, type IndicatorRow } from './rows';

const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
  code: 'X',
  number: 1,
  name: { zh: '指标甲', en: 'Indicator A' },
  unit: '亿元',
  attribute: 'expected',
  baseline: null,
  latest: null,
  target: { value: 200, year: 2025, printed: '200亿元', comparator: 'at_least', band: null },
  growthTarget: null,
  completion: null,
  status: 'insufficient_data',
  statusLabel: { zh: '数据不足，无法评估', en: 'Insufficient data' },
  reason: null,
  forecast: null,
  series: [],
  ...over,
});

function context(rows: IndicatorRow[], over: Partial<ReportContext> = {}): ReportContext {
  return {
    kind: 'midterm',
    lang: 'zh',
    asOf: { text: '2023', maxYear: 2023, publishedBy: null },
    plan: { id: 'p', name: { zh: '某规划', en: 'A plan' }, shortName: null, issuer: { zh: '某委', en: 'A commission' }, regionCode: '440300', period: { start: 2021, end: 2025 }, baseYear: 2020, published: true, evaluation: { exceedMargin: 0, overshoot: 'flag' }, source: { title: null, file: null }, loadedAt: '' },
    regionCode: '440300',
    rows,
    counts: statusCounts(rows),
    forecastsAvailable: false,
    figures: 'approved',
    chapters: [{ number: '三', title: { zh: '第三章标题', en: 'Chapter three' }, measures: [{ title: { zh: '任务一', en: 'Measure one' }, leadDepartments: [] }] }],
    projects: [{ column: '专栏2', field: { zh: '信息服务', en: 'Information' }, projects: [{ zh: '项目一', en: 'Project one' }] }],
    latestDataYear: 2023,
    ...over,
  };
}

const onTrack = row({ code: 'A', baseline: { value: 100, year: 2020 }, latest: { value: 160, year: 2023 }, completion: 0.6, status: 'on_schedule', statusLabel: { zh: '基本符合序时进度', en: 'Broadly on schedule' } });
const behind = row({ code: 'B', number: 2, name: { zh: '指标乙', en: 'Indicator B' }, baseline: { value: 100, year: 2020 }, latest: { value: 110, year: 2023 }, completion: 0.1, status: 'behind', statusLabel: { zh: '滞后于序时进度', en: 'Behind schedule' } });
const missing = row({ code: 'C', number: null, name: { zh: '指标丙', en: 'Indicator C' } });

describe('drafted report text', () => {
  it('counts the indicators by status in the official sentence, from the rows', () => {
    const d = draftReport(context([onTrack, behind, missing]));
    expect(d.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
    expect(d.sections[0]?.text).toContain('截至2023年，3项指标中1项达到序时进度（其中提前完成0项、快于序时进度0项、基本符合序时进度1项），1项滞后于序时进度，1项因数据暂缺无法评估。');
    expect(d.sections[1]?.text).toContain('指标甲：2023年为160亿元，2020年基期值100亿元，目标为200亿元（2025年），完成进度60%，基本符合序时进度。');
    expect(d.sections[4]?.text).toContain('部分指标滞后于序时进度：指标乙（完成进度10%）');
  });

  it('says 数据暂缺 for what is missing, never 0', () => {
    const d = draftReport(context([missing], { latestDataYear: null }));
    const all = d.sections.map((s) => s.text).join('\n');
    expect(all).toContain('指标丙：基期值、最新值数据暂缺，暂无法评估进度');
    expect(all).toContain('目前尚无可用的统计数据');
    expect(all).not.toMatch(/(^|[^\d.])0亿元/);
    const cells = rowCells(missing, 2, 2020, 'zh');
    expect(cells).toMatchObject({ number: '3', baseline: '数据暂缺', latest: '数据暂缺', completion: '数据暂缺', forecast: '预测暂缺' });
    expect(columnHeaders('zh', 2020).baseline).toBe('2020年基期值');
  });

  it('says how far the figures lag behind the as-of year', () => {
    const d = draftReport(context([onTrack], { kind: 'final', asOf: { text: '2025', maxYear: 2025, publishedBy: null } }));
    expect(d.title).toBe('某规划总结评估报告');
    expect(d.subtitle).toBe('（截至2025年）');
    expect(d.sections[0]?.text).toContain('其中最新统计数据截至2023年，2024—2025年数据暂缺');
  });

  it('writes English', () => {
    const d = draftReport(context([onTrack, behind, missing], { lang: 'en' }));
    expect(d.title).toBe('A plan: Mid-term Evaluation Report');
    expect(d.sections[0]?.text).toContain('As of 2023, 1 of the 3 indicators are on or ahead of schedule');
  });

  it('replaces only the edited sections', () => {
    const d = draftReport(context([onTrack]));
    const e = applyEdits(d, [{ id: 'problems', text: '改写\n\n第二段' }]);
    expect(e.sections.find((s) => s.id === 'problems')?.text).toBe('改写\n\n第二段');
    expect(e.sections.find((s) => s.id === 'overview')).toEqual(d.sections.find((s) => s.id === 'overview'));
    expect(paragraphs('改写\n\n第二段')).toEqual(['改写', '第二段']);
  });
});
