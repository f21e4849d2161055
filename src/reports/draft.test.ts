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
  lastKnown: null,
  target: { value: 200, year: 2025, printed: '200亿元', comparator: 'at_least', band: null, kind: 'level' },
  growthTarget: null,
  phase: 'progress',
  completion: null,
  light: 'grey',
  status: 'insufficient_data',
  statusLabel: { zh: '数据不足，无法评估', en: 'Insufficient data' },
  sentence: { zh: '尚无指标甲的统计数据：请在“数据”页导入。', en: 'No figure of Indicator A yet: import one on the Data page.' },
  missing: { zh: '尚无指标甲的统计数据：请在“数据”页导入', en: 'No figure of Indicator A yet: import one on the Data page' },
  gap: null,
  forecast: null,
  inYear: null,
  series: [],
  ...over,
});

function context(rows: IndicatorRow[], over: Partial<ReportContext> = {}): ReportContext {
  return {
    kind: 'midterm',
    lang: 'zh',
    asOf: { text: '2023', maxYear: 2023, publishedBy: null },
    plan: { id: 'p', name: { zh: '某"十四五"规划', en: 'A plan' }, shortName: null, issuer: { zh: '某委', en: 'A commission' }, regionCode: '440300', period: { start: 2021, end: 2025 }, baseYear: 2020, published: true, evaluation: { exceedMargin: 0, overshoot: 'flag' }, version: { number: 1, effectiveFrom: null, label: null }, source: { title: null, file: null }, loadedAt: '' },
    version: { number: 1, effectiveFrom: null, label: null },
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

const onTrack = row({
  code: 'A', baseline: { value: 100, year: 2020, fromData: false }, latest: { value: 160, year: 2023 }, completion: 0.6, light: 'green', status: 'on_schedule', missing: null,
  statusLabel: { zh: '基本符合序时进度', en: 'Broadly on schedule' },
  sentence: { zh: '时间进度 E = 60%，完成进度 A = 60%：基本符合序时进度。', en: 'E = 60%, A = 60%: broadly on schedule.' },
});
const behind = row({
  code: 'B', number: 2, name: { zh: '指标乙', en: 'Indicator B' }, baseline: { value: 100, year: 2020, fromData: false }, latest: { value: 110, year: 2023 }, completion: 0.1, light: 'red', status: 'behind', missing: null,
  statusLabel: { zh: '滞后于序时进度', en: 'Behind schedule' },
  sentence: { zh: '时间进度 E = 60%，完成进度 A = 10%：滞后于序时进度。', en: 'E = 60%, A = 10%: behind schedule.' },
});
const missing = row({ code: 'C', number: null, name: { zh: '指标丙', en: 'Indicator C' }, missing: { zh: '缺少2020年（基期年）的指标丙数值', en: 'No 2020 value of Indicator C' } });

/** The final verdicts of a plan whose target year has passed (the arithmetic is domain/evaluation/verdict.test.ts's). */
const missed = row({
  code: 'TERTIARY_VA', name: { zh: '服务业增加值', en: 'Service value added' }, phase: 'final', latest: { value: 24000, year: 2025 }, completion: 0.96, gap: 1000, light: 'red', status: 'not_completed', missing: null,
  target: { value: 25000, year: 2025, printed: '2.5万亿元', comparator: 'at_least', band: null, kind: 'level' },
  statusLabel: { zh: '未完成', en: 'Not completed' },
  sentence: { zh: '服务业增加值2025年为24000亿元，完成目标的96.0%，未完成“突破2.5万亿元”的目标，差1000亿元。', en: 'Service value added was 24,000 in 2025, 96.0% of the target: the “at least 25,000” target was not met, short by 1,000.' },
});
const metOnTime = row({
  code: 'RETAIL', number: 7, name: { zh: '社会消费品零售总额', en: 'Retail sales' }, phase: 'final', latest: { value: 12500, year: 2025 }, completion: 1, gap: 0, light: 'green', status: 'completed', missing: null,
  statusLabel: { zh: '已完成', en: 'Completed' },
  sentence: { zh: '社会消费品零售总额2025年为12500亿元，完成目标的100.0%，完成“1.25万亿元”的目标。', en: 'Retail sales were 12,500 in 2025: the target was met.' },
});
const inBand = row({
  code: 'FIN', number: 3, name: { zh: '金融业增加值占GDP比重', en: 'Finance share' }, unit: '%', phase: 'final', latest: { value: 15.9, year: 2025 }, light: 'green', status: 'basically_completed', missing: null,
  statusLabel: { zh: '基本完成', en: 'Basically completed' },
  sentence: { zh: '金融业增加值占GDP比重2025年为15.9%，处于“16%左右”的目标区间（15.5%—16.5%）内，基本完成目标。', en: 'Inside the band: basically completed.' },
});

describe('drafted report text (progress)', () => {
  it('counts the indicators by status and by light, leaving out zero counts, from the rows', () => {
    const d = draftReport(context([onTrack, behind, missing]));
    expect(d.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
    expect(d.sections[0]?.text).toContain('规划指标体系共3项指标。截至2023年，基本符合序时进度1项、滞后于序时进度1项、数据不足1项。综合评估结论与趋势预测，绿灯（正常）1项、红灯（预警）1项、灰灯（数据不足）1项。');
    expect(d.sections[0]?.text).not.toMatch(/[^\d]0项/);
    expect(d.sections[1]?.text).toContain('指标甲：2023年为160亿元，2020年基期值100亿元，目标为200亿元（2025年），完成进度60%，基本符合序时进度。');
    expect(d.sections[4]?.text).toContain('部分指标滞后于序时进度：指标乙（完成进度10%）');
  });

  it('says exactly which figure is missing, never 0', () => {
    const d = draftReport(context([missing], { latestDataYear: null }));
    const all = d.sections.map((s) => s.text).join('\n');
    expect(all).toContain('数据缺口影响评估：指标丙（缺少2020年（基期年）的指标丙数值）');
    expect(all).toContain('目前尚无可用的统计数据');
    expect(all).not.toMatch(/(^|[^\d.])0亿元/);
    const cells = rowCells(missing, 2, 2020, 'zh');
    expect(cells).toMatchObject({ number: '3', baseline: '数据暂缺', latest: '数据暂缺', completion: '数据暂缺', forecast: '预测暂缺' });
    expect(columnHeaders('zh', 2020).baseline).toBe('2020年基期值');
  });

  it('writes English', () => {
    const d = draftReport(context([onTrack, behind, missing], { lang: 'en' }));
    expect(d.title).toBe('A plan: Mid-term Evaluation Report');
    expect(d.sections[0]?.text).toContain('As of 2023: 1 broadly on schedule, 1 behind schedule, 1 without enough data.');
  });

  it('replaces only the edited sections', () => {
    const d = draftReport(context([onTrack]));
    const e = applyEdits(d, [{ id: 'problems', text: '改写\n\n第二段' }]);
    expect(e.sections.find((s) => s.id === 'problems')?.text).toBe('改写\n\n第二段');
    expect(e.sections.find((s) => s.id === 'overview')).toEqual(d.sections.find((s) => s.id === 'overview'));
    expect(paragraphs('改写\n\n第二段')).toEqual(['改写', '第二段']);
  });
});

describe('the final report (总结评估) speaks in verdicts', () => {
  const final = (rows: IndicatorRow[]) => draftReport(context(rows, { kind: 'final', asOf: { text: '2026', maxYear: 2026, publishedBy: null }, latestDataYear: 2025 }));

  it('states each verdict with its numbers and counts 完成/未完成', () => {
    const d = final([missed, metOnTime, inBand]);
    expect(d.title).toBe('某“十四五”规划总结评估报告');
    const overview = d.sections[0]?.text ?? '';
    expect(overview).toContain('规划期已于2025年结束。规划指标体系共3项指标，按目标年实际值评判：完成目标2项（已完成1项、基本完成1项、未完成1项）。');
    const indicators = d.sections[1]?.text ?? '';
    expect(indicators).toContain('服务业增加值2025年为24000亿元，完成目标的96.0%，未完成“突破2.5万亿元”的目标，差1000亿元。');
    expect(d.sections[4]?.text).toContain('1项指标未完成规划目标：服务业增加值（完成96.0%，差1000亿元）');
  });

  it('never says 存在较大风险 or 提前完成 for an ended plan, and asks for no data it holds', () => {
    const sections = final([missed, metOnTime, inBand]).sections;
    const all = sections.map((s) => s.text).join('\n');
    expect(all).not.toContain('风险');
    expect(all).not.toContain('提前完成');
    // The indicator parts (task and project progress is issue 16's) ask for no indicator figure: all are held.
    const indicatorParts = sections.filter((s) => ['overview', 'indicators', 'problems', 'suggestions'].includes(s.id)).map((s) => s.text).join('\n');
    expect(indicatorParts).not.toContain('数据暂缺');
    expect(indicatorParts).not.toContain('补齐');
  });

  it('follows Chinese typography: “” quotes and full-width punctuation in Chinese sentences', () => {
    const d = final([missed, metOnTime, inBand]);
    for (const s of [d.title, d.subtitle, ...d.sections.map((x) => x.text)]) {
      expect(s).not.toMatch(/"/);
      expect(s).not.toMatch(/[\u4e00-\u9fff],|,[\u4e00-\u9fff]/);
      expect(s).not.toMatch(/[\u4e00-\u9fff][;:]|[;:][\u4e00-\u9fff]/);
    }
  });

  it('writes a date as-of as 2026年1月15日, not ISO', () => {
    expect(draftReport(context([missed], { kind: 'final', asOf: { text: '2026-01-15', maxYear: 2026, publishedBy: '2026-01-15' } })).subtitle).toBe('（截至2026年1月15日）');
  });
});

describe('report text reads right in both languages (issue 15)', () => {
  const plan = { name: { zh: '某"十四五"规划', en: 'A Plan for the 14th Five-Year Period (2021–2025)' } };
  const chapters = [{ number: '十二', title: { zh: '推进"数字+"转型,建设先行区', en: 'Digital transformation' }, measures: [{ title: { zh: '任务一', en: 'Measure one' }, leadDepartments: [] }] }];
  const projects = [{ column: '专栏2', field: { zh: '信息服务', en: 'Information' }, projects: [{ zh: '"互联网+"未来城', en: 'Internet+ city' }] }];
  const texts = (lang: 'zh' | 'en', kind: 'annual' | 'midterm' | 'final') => {
    const ctx = context(kind === 'final' ? [missed, metOnTime, inBand] : [onTrack, behind, missing], { lang, kind, chapters, projects });
    const d = draftReport({ ...ctx, plan: { ...ctx.plan, ...plan } });
    return [d.title, d.subtitle, ...d.sections.map((x) => x.text)];
  };

  it.each(['annual', 'midterm', 'final'] as const)('Chinese %s: full-width punctuation, “” quotes, 、 after chapter numbers, no zero counts', (kind) => {
    const all = texts('zh', kind).join('\n');
    expect(all).not.toMatch(/"/);
    expect(all).not.toMatch(/[\u4e00-\u9fff][,;:?!]|[,;:?!][\u4e00-\u9fff]/);
    expect(all).not.toMatch(/[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]/);
    expect(all).toContain('十二、推进“数字+”转型，建设先行区（1项）');
    expect(all).toContain('“互联网+”未来城');
    expect(all).not.toMatch(/[^\d.]0项/);
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it.each(['annual', 'midterm', 'final'] as const)('English %s: no Chinese, chapters in digits, the period said once, plurals agree', (kind) => {
    const all = texts('en', kind).join('\n');
    expect(all).not.toMatch(/[\u3400-\u9fff]/);
    expect(all).toContain('Chapter 12, Digital transformation (1 measure)');
    expect(all).toContain('Box 2 · Information (1 project)');
    expect(all).not.toContain('(2021–2025) (2021–2025)');
    expect(all).not.toMatch(/\b1 (indicators|measures|projects)\b|\b1 met their/);
  });
});

describe('wording with one of a kind and with printed years (issue 14)', () => {
  it('says "1 indicator", "1 key measure in 1 chapter", "1 major project", and verbs that agree', () => {
    const text = draftReport(context([behind], { lang: 'en' })).sections.map((s) => s.text).join('\n');
    expect(text).toContain("The plan's indicator system has 1 indicator.");
    expect(text).toContain('The plan sets out 1 key measure in 1 chapter. Its progress');
    expect(text).toContain('The plan lists 1 major project. Its progress has not yet been reported to the platform (not available); this section lists it by box and field.');
    expect(text).toContain('Analyse why Indicator B lags or is at risk');
    expect(text).not.toMatch(/\b1 (indicators|key measures|chapters|major projects)\b/);
  });

  it('does not print the target year twice when the printed target carries it', () => {
    const milestone = row({ ...behind, target: { value: 3000, year: 2028, printed: '2028年达到3000万标箱', comparator: 'at_least', band: null, kind: 'level' }, unit: '万标箱' });
    const zh = draftReport(context([milestone])).sections.find((s) => s.id === 'indicators')?.text ?? '';
    expect(zh).toContain('目标为2028年达到3000万标箱，');
    expect(zh).not.toContain('（2028年）');
  });
});

describe('a report names the plan version and the in-year reading (issue 14)', () => {
  const v2 = { number: 2, effectiveFrom: '2028-07-01', label: { zh: '中期调整', en: 'mid-term adjustment' } };
  it('says which version it judges against once the plan was adjusted, and nothing before', () => {
    expect(draftReport(context([behind])).subtitle).toBe('（截至2023年）');
    const adjusted = context([behind], { plan: { ...context([]).plan, version: v2 }, version: v2 });
    expect(draftReport(adjusted).subtitle).toBe('（截至2023年；依据规划第2版（中期调整，2028年7月1日起施行））');
    const before = context([behind], { plan: { ...context([]).plan, version: v2 }, version: { number: 1, effectiveFrom: null, label: null } });
    expect(draftReport({ ...before, lang: 'en' }).subtitle).toBe('(as of 2023; judged against version 1 of the plan, in force then; version 2 is in force from 2028-07-01)');
  });
  it('adds the newest 1–N月 figure and its 同比 to an indicator’s paragraph while the plan runs', () => {
    const withInYear = row({ ...behind, inYear: { periodCode: '2024-01~09', value: 16000, change: 5.5, changeKind: 'percent' } });
    const text = draftReport(context([withInYear])).sections.find((s) => s.id === 'indicators')?.text ?? '';
    expect(text).toContain('年内最新：2024年1-9月为16000亿元，同比增长5.5%。');
  });
});
