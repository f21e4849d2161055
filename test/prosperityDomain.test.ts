/**
 * The domain of the 景气 survey on the bundled survey file (prosperity/shenzhen-services-bcs.yaml): the file's checks,
 * the response-file layout, and the indices computed from tallies — published, withheld, and end to end on a
 * synthetic survey.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cycleIndicators } from '../src/domain/prosperity/cycle';
import { climatePoints, diffusionPoints, type TallyCell } from '../src/domain/prosperity/indices';
import { checkResponseRow, mapResponseHeader } from '../src/domain/prosperity/responseFile';
import { drawPanel } from '../src/domain/prosperity/sampling';
import { parseSurvey, type SurveyDefinition } from '../src/domain/prosperity/survey';
import { syntheticAnswers, syntheticFrame } from '../src/domain/prosperity/synthetic';
import { tallyOfCounts } from '../src/domain/prosperity/tally';
import { tallyAnswers } from '../src/domain/prosperity/tallyAnswers';
import { periodRange } from '../src/domain/prosperity/wavePeriod';
import { root } from './support/paths';

// The bundled survey file, read as the loader reads it.
const bundled = parse(readFileSync(path.join(root, 'prosperity/shenzhen-services-bcs.yaml'), 'utf8')) as Record<string, unknown>;
const checked = parseSurvey(bundled);
if (!checked.ok) throw new Error('the bundled survey does not check');
const survey: SurveyDefinition = checked.survey;

describe('survey files', () => {
  it('accepts the bundled survey, with the defaults filled in', () => {
    const r = parseSurvey(bundled);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.survey.questions.map((q) => q.code)).toEqual(['BUSINESS', 'NEW_ORDERS', 'SALES_PRICE', 'INPUT_PRICE', 'EMPLOYMENT', 'PROFIT', 'OPERATING_STATE', 'ECONOMY_OUTLOOK']);
    expect(r.survey.questions[0]?.horizons).toEqual(['current', 'expected']);
    expect(r.survey.settings.climateWeights).toEqual({ current: 0.4, expected: 0.6 });
    expect(r.survey.composite?.groups.leading?.trendAdjust).toBe(true);
  });

  it('names every problem by its path: unknown question, horizon not asked, weights not summing to 1, thresholds out of order', () => {
    const broken = structuredClone(bundled) as { questions: Array<Record<string, unknown>>; settings: Record<string, unknown>; signals: { components: Array<Record<string, unknown>> }; composite: { groups: { leading: { components: Array<{ source: Record<string, unknown> }> } } } };
    broken.questions[1] = { ...broken.questions[1], horizons: ['current'] };
    broken.settings.climateWeights = { current: 0.5, expected: 0.6 };
    const lead = broken.composite.groups.leading.components;
    if (lead[0]) lead[0].source = { question: 'NOPE', horizon: 'expected' };
    const r = parseSurvey(broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { path: ['settings', 'climateWeights'], message: 'the weights must sum to 1 (0.5 + 0.6)' },
      { path: ['composite', 'groups', 'leading', 'components', 0, 'source', 'question'], message: 'no question "NOPE" in this survey' },
    ]);
    const sig = structuredClone(bundled) as { signals: { components: Array<Record<string, unknown>> }; questions: Array<Record<string, unknown>> };
    if (sig.signals.components[0]) sig.signals.components[0].thresholds = [44, 53, 48, 57];
    const r2 = parseSurvey(sig);
    expect(r2.ok ? [] : r2.issues).toEqual([{ path: ['signals', 'components', 0, 'thresholds'], message: 'thresholds must increase: 53 then 48' }]);
    const horizon = structuredClone(bundled) as { questions: Array<Record<string, unknown>> };
    horizon.questions[1] = { ...horizon.questions[1], horizons: ['current'] };
    const r3 = parseSurvey(horizon);
    expect(r3.ok ? [] : r3.issues).toEqual([{ path: ['composite', 'groups', 'leading', 'components', 0, 'source', 'horizon'], message: 'question NEW_ORDERS is not asked for the expected horizon' }]);
  });
});


describe('response file layout', () => {
  it('reads a question by code or text with its horizon in any of the usual spellings', () => {
    const cols = mapResponseHeader(['\uFEFF统一社会信用代码', '单位名称', 'BUSINESS.current', 'business_expected', '本企业综合经营状况（即期）', 'Overall operating state of the enterprise (expected)'], survey);
    expect(cols.errors).toEqual([]);
    expect(cols.uscc).toBe(0);
    expect(cols.ignored).toEqual(['单位名称']);
    expect(cols.items.map((i) => `${i.question.code}.${i.horizon}`)).toEqual(['BUSINESS.current', 'BUSINESS.expected', 'OPERATING_STATE.current', 'OPERATING_STATE.expected']);
  });

  it('refuses two columns for one item, an unknown column and a file without 统一社会信用代码', () => {
    expect(mapResponseHeader(['uscc', 'BUSINESS.current', '本企业业务总量（即期）'], survey).errors).toEqual(['columns "BUSINESS.current" and "本企业业务总量（即期）" both give BUSINESS current: keep one']);
    expect(mapResponseHeader(['BUSINESS.current'], survey).errors).toEqual(['no column 统一社会信用代码 (uscc): every row must name its enterprise']);
    expect(mapResponseHeader(['uscc', '营业收入'], survey).errors[0]).toMatch(/column "营业收入" is neither/);
  });

  it('checks every cell: the USCC as the enterprise database does (check character too) and each answer against its question’s scale; blank is no answer', () => {
    const cols = mapResponseHeader(['uscc', 'BUSINESS.current', 'OPERATING_STATE.current', 'ECONOMY_OUTLOOK.expected'], survey);
    expect(checkResponseRow(['9144030071526726xg', '上升', '', '不乐观'], cols)).toEqual({
      uscc: '9144030071526726XG',
      answers: [
        { question: 'BUSINESS', horizon: 'current', answer: 1, column: 'BUSINESS.current' },
        { question: 'ECONOMY_OUTLOOK', horizon: 'expected', answer: -1, column: 'ECONOMY_OUTLOOK.expected' },
      ],
      problems: [],
    });
    expect(checkResponseRow(['12345', '良好', '上升', ''], cols).problems).toEqual([
      { column: '统一社会信用代码', reason: '统一社会信用代码 12345: 5 characters, it must have 18 (应为18位)' },
      { column: 'BUSINESS.current', reason: '"良好" is not an answer to 本企业业务总量 (上升/持平/下降, or 1–3)' },
      { column: 'OPERATING_STATE.current', reason: '"上升" is not an answer to 本企业综合经营状况 (良好/一般/不佳, or 1–3)' },
    ]);
    expect(checkResponseRow(['91440300715267266G', '上升', '', ''], cols).problems).toEqual([
      { column: '统一社会信用代码', reason: '统一社会信用代码 91440300715267266G: check character G is wrong, it should be 9 (校验码错误)' },
    ]);
  });
});


describe('indices of a survey from its tallies', () => {
  it('publishes a cell with its sample size and withholds the small ones with a partner', () => {
    const cells: TallyCell[] = [
      { period: '2026-01', group: 'all', question: 'BUSINESS', horizon: 'current', tally: tallyOfCounts(10, 6, 4) },
      { period: '2026-01', group: 'industry:I', question: 'BUSINESS', horizon: 'current', tally: tallyOfCounts(1, 1, 0) },
      { period: '2026-01', group: 'industry:J', question: 'BUSINESS', horizon: 'current', tally: tallyOfCounts(4, 1, 1) },
      { period: '2026-01', group: 'industry:L', question: 'BUSINESS', horizon: 'current', tally: tallyOfCounts(5, 4, 3) },
    ];
    const points = diffusionPoints(survey, cells);
    // all: (10 + 0.5 × 6)/20 = 65.
    expect(points.find((p) => p.group === 'all')).toMatchObject({ n: 20, value: 65, withheld: null });
    expect(points.find((p) => p.group === 'industry:I')).toMatchObject({ n: 2, value: null, withheld: 'count' });
    // J (6 respondents) is the smallest other part: withheld so that I cannot be computed as all − J − L.
    expect(points.find((p) => p.group === 'industry:J')).toMatchObject({ n: 6, value: null, withheld: 'complementary' });
    // L: (5 + 2)/12 = 58.333… → 58.3.
    expect(points.find((p) => p.group === 'industry:L')).toMatchObject({ n: 12, value: 58.3, withheld: null });
  });

  it('computes climate and confidence from their questions with the survey’s weights', () => {
    const cells: TallyCell[] = [
      { period: '2026Q1', group: 'all', question: 'OPERATING_STATE', horizon: 'current', tally: tallyOfCounts(18, 15, 7) },
      { period: '2026Q1', group: 'all', question: 'OPERATING_STATE', horizon: 'expected', tally: tallyOfCounts(22, 14, 4) },
    ];
    expect(climatePoints(survey, cells)).toEqual([
      { period: '2026Q1', group: 'all', kind: 'climate', question: 'OPERATING_STATE', nCurrent: 40, nExpected: 40, current: 127.5, expected: 145, value: 138, weighted: 138, withheld: null },
    ]);
  });

  it('runs end to end on a synthetic survey: the leading index turns before the coincident one', () => {
    const periods = periodRange(['2021-01', '2025-12'], 'monthly');
    const panel = drawPanel(syntheticFrame(2000, 19), survey.design, 19).members;
    const cy = cycleIndicators(survey, tallyAnswers(survey, panel, periods, syntheticAnswers(survey, panel, periods, 19)));
    const lead = cy.indices.find((g) => g.group === 'leading')?.turningPoints ?? [];
    const coin = cy.indices.find((g) => g.group === 'coincident')?.turningPoints ?? [];
    expect(lead.length).toBeGreaterThan(0);
    expect(coin.length).toBeGreaterThan(0);
    // The synthetic cycle peaks in the 2023 upswing; the leading index's peak comes months before the coincident one's.
    const leadPeak = lead.find((p) => p.kind === 'peak');
    const coinPeak = coin.find((p) => p.kind === 'peak');
    expect((coinPeak?.index ?? 0) - (leadPeak?.index ?? 0)).toBeGreaterThanOrEqual(2);
    // Rebased: the 2021 average of every index is 100.
    for (const g of cy.indices) expect((g.level.slice(0, 12) as number[]).reduce((a, b) => a + b, 0) / 12).toBeCloseTo(100, 9);
    expect(cy.signals).toHaveLength(60);
    expect(cy.components.every((c) => c.seasonallyAdjusted && c.r !== null)).toBe(true);
  });
});
