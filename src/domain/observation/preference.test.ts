import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Observation } from './observation';
import { choosePreferred, comparePreference } from './preference';
import { PRECISIONS, SOURCE_KINDS, STATUSES } from './terms';

let nextId = 1;
function fig(over: Partial<Observation>): Observation {
  return {
    id: nextId++,
    indicatorCode: 'TERTIARY_VA',
    regionCode: '440300',
    periodCode: '2022',
    value: 19956.16,
    unit: '亿元',
    valueStd: 19956.16,
    priceBasis: 'current',
    status: 'final',
    sourceKind: 'press',
    source: { publication: 'x', publisher: null, link: null, readAt: null }, precision: 'exact',
    quote: null,
    notes: null,
    publishedDate: '2023-01-29',
    publishedDateEstimated: false,
    enteredAt: '2026-11-27T00:00:00Z',
    origin: null, supersededBy: null,
    derivation: null,
    approval: null,
    ...over,
  };
}

describe('choosePreferred', () => {
  it('prefers the bulletin over the press, and says why', () => {
    const press = fig({ sourceKind: 'press', publishedDate: '2023-01-29', value: 19956.16 });
    const bulletin = fig({ sourceKind: 'bureau_bulletin', publishedDate: '2023-05-08', value: 19956.16 });
    const p = choosePreferred([press, bulletin]);
    expect(p.chosen).toBe(bulletin);
    expect(p.candidates.map((c) => [c.observation.id, c.rank, c.reason.en])).toEqual([
      [bulletin.id, 1, 'chosen: statistical bulletin, published 2023-05-08, final'],
      [press.id, 2, 'lower standing (press, below official statistics)'],
    ]);
  });

  it('takes the newest vintage within a source (a revision supersedes), but only if published by the as-of date', () => {
    const initial = fig({ sourceKind: 'bureau_bulletin', status: 'preliminary', value: 30664.85, publishedDate: '2022-04-20' });
    const revised = fig({ sourceKind: 'bureau_bulletin', status: 'revised', value: 30920.0, publishedDate: '2025-03-01' });
    expect(choosePreferred([initial, revised]).chosen).toBe(revised);
    const asOf2024 = choosePreferred([initial, revised], '2024-12-31');
    expect(asOf2024.chosen).toBe(initial);
    expect(asOf2024.candidates.find((c) => c.observation === revised)).toMatchObject({ rank: null, reason: { en: 'published 2025-03-01, after the as-of date 2024-12-31: not counted' } });
  });

  it('is a total order: the choice does not depend on the order figures arrive in', () => {
    const arb = fc.uniqueArray(
      fc.record({
        sourceKind: fc.constantFrom(...SOURCE_KINDS),
        status: fc.constantFrom(...STATUSES),
        publishedDate: fc.constantFrom('2023-01-29', '2023-05-08', '2024-01-30'),
        precision: fc.constantFrom(...PRECISIONS),
        id: fc.integer({ min: 1, max: 1_000_000 }),
      }),
      { minLength: 1, maxLength: 8, selector: (r: { id: number }) => r.id },
    );
    fc.assert(
      fc.property(arb, (records) => {
        const figures = records.map((r) => fig(r));
        const a = choosePreferred(figures).chosen;
        const b = choosePreferred([...figures].reverse()).chosen;
        expect(a?.id).toBe(b?.id);
        for (const f of figures) expect(comparePreference(a as Observation, f)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('has nothing to choose from an empty list', () => {
    expect(choosePreferred([]).chosen).toBeNull();
  });
});

describe('a correction replaces the figure it corrects', () => {
  it('ranks the correction and excludes the corrected figure, saying why', () => {
    const original = fig({ id: 1, value: 100, valueStd: 100 });
    const correction = fig({ id: 2, value: 110, valueStd: 110, approval: { state: 'approved', version: 3, enteredBy: 'a', submittedBy: 'a', submittedAt: null, decidedBy: 'p', decidedAt: null, comment: null, corrects: 1 } });
    const p = choosePreferred([original, correction]);
    expect(p.chosen?.id).toBe(2);
    const excluded = p.candidates.find((c) => c.observation.id === 1);
    expect(excluded?.rank).toBeNull();
    expect(excluded?.reason.zh).toContain('已被更正');
  });
});

/**
 * The source-ranking corpus (issue 13): for each case, the competing figures of one cell, the expected winner and the
 * reason the runner-up gives. Real cases from the bundled data (with their numbers) and the traps that a ranking by
 * substrings of the provenance or without precision fell into.
 */
describe('source-ranking corpus', () => {
  const source = (publication: string, readAt: string | null = null) => ({ publication, publisher: null, link: null, readAt });
  const cases: Array<{ name: string; figures: Observation[]; winner: number; runnerUpReason: string }> = [
    {
      name: 'the official bulletin read through a mirror beats a press report (rank by publication, not where it was read)',
      figures: [
        fig({ id: 101, value: 10486.19, sourceKind: 'bureau_bulletin', source: source('深圳市2023年国民经济和社会发展统计公报', 'GitHub SQL file (transcription)'), publishedDate: '2024-04-30' }),
        fig({ id: 102, value: 10486.19, sourceKind: 'press', source: source('界面新闻 深圳公布2023年经济成绩单'), publishedDate: '2024-01-30' }),
      ],
      winner: 101,
      runnerUpReason: 'lower standing (press, below official statistics)',
    },
    {
      name: 'an exact figure beats a rounded one of the same standing (社会消费品零售总额 2023: 10486.19 vs "1.05万亿")',
      figures: [
        fig({ id: 111, value: 10500, sourceKind: 'work_report', precision: 'rounded', source: source('深圳市2024年政府工作报告'), publishedDate: '2024-01-30' }),
        fig({ id: 112, value: 10486.19, sourceKind: 'department', precision: 'exact', source: source('深圳市商务局 2023年消费市场运行情况'), publishedDate: '2024-02-20' }),
      ],
      winner: 112,
      runnerUpReason: 'rounded: a source of the same standing gives the exact figure',
    },
    {
      name: 'GDP 2021: the bureau’s exact 30664.85 beats the work report’s rounded 30700 (higher standing)',
      figures: [
        fig({ id: 121, value: 30700, sourceKind: 'work_report', precision: 'rounded', source: source('深圳市2022年政府工作报告'), publishedDate: '2022-04-12' }),
        fig({ id: 122, value: 30664.85, sourceKind: 'bureau', source: source('深圳市统计局 2021年经济运行情况', '360doc.com (转载深圳特区报 2022-01-29)'), publishedDate: '2022-01-29' }),
      ],
      winner: 122,
      runnerUpReason: 'lower standing (government work report, below official statistics)',
    },
    {
      name: 'a "超过1万亿元" lower bound from the press never outranks the bulletin’s exact figure',
      figures: [
        fig({ id: 131, value: 10000, sourceKind: 'press', precision: 'lower_bound', source: source('某报 深圳消费超过1万亿元'), publishedDate: '2024-01-05' }),
        fig({ id: 132, value: 10486.19, sourceKind: 'bureau_bulletin', source: source('深圳市2023年国民经济和社会发展统计公报'), publishedDate: '2024-04-30' }),
      ],
      winner: 132,
      runnerUpReason: 'lower standing (press, below official statistics)',
    },
    {
      name: 'within the press, an exact figure beats "突破2600亿元" (文化产业增加值 2022)',
      figures: [
        fig({ id: 141, value: 2600, sourceKind: 'press', precision: 'lower_bound', source: source('中国青年报 文博会'), publishedDate: '2023-06-06' }),
        fig({ id: 142, value: 2462.03, sourceKind: 'press', precision: 'exact', source: source('深圳特区报'), publishedDate: '2023-05-01' }),
      ],
      winner: 142,
      runnerUpReason: 'lower bound: a source of the same standing gives the exact figure',
    },
    {
      name: 'a bound from an official source still beats an exact third-party figure (standing first)',
      figures: [
        fig({ id: 151, value: 2462.03, sourceKind: 'third_party', source: source('《深圳市文化及相关产业发展报告(2023)》摘要 皮书数据库') }),
        fig({ id: 152, value: 2600, sourceKind: 'bureau', precision: 'lower_bound', source: source('深圳市统计局 新闻发布') }),
      ],
      winner: 152,
      runnerUpReason: 'lower standing (third party, below official statistics)',
    },
    {
      name: 'first release vs revision: the yearbook’s revision supersedes the bulletin’s first release',
      figures: [
        fig({ id: 161, value: 27670.24, sourceKind: 'bureau_bulletin', status: 'preliminary', source: source('深圳市2020年国民经济和社会发展统计公报'), publishedDate: '2021-04-28' }),
        fig({ id: 162, value: 27759.02, sourceKind: 'yearbook', status: 'revised', source: source('深圳统计年鉴2021'), publishedDate: '2021-12-20' }),
      ],
      winner: 162,
      runnerUpReason: 'older vintage (published 2021-04-28, superseded by 2021-12-20)',
    },
    {
      name: 'the bulletin before another bureau release of the same figure',
      figures: [
        fig({ id: 171, value: 19956.16, sourceKind: 'bureau', source: source('深圳市统计局 2022年经济运行'), publishedDate: '2023-01-28' }),
        fig({ id: 172, value: 19956.16, sourceKind: 'bureau_bulletin', source: source('深圳市2022年国民经济和社会发展统计公报'), publishedDate: '2023-05-08' }),
      ],
      winner: 172,
      runnerUpReason: 'lower source kind (statistics bureau release, after statistical bulletin)',
    },
    {
      name: 'the same publication read at first hand before a copy of it',
      figures: [
        fig({ id: 181, value: 32387.68, sourceKind: 'bureau_bulletin', source: source('深圳市2022年国民经济和社会发展统计公报', 'mirror example.org'), publishedDate: '2023-05-08', enteredAt: '2026-12-01T00:00:00Z' }),
        fig({ id: 182, value: 32387.68, sourceKind: 'bureau_bulletin', source: source('深圳市2022年国民经济和社会发展统计公报'), publishedDate: '2023-05-08', enteredAt: '2026-11-01T00:00:00Z' }),
      ],
      winner: 182,
      runnerUpReason: 'a copy of the same publication (the first-hand one is used)',
    },
  ];
  it.each(cases)('$name', ({ figures, winner, runnerUpReason }) => {
    for (const order of [figures, [...figures].reverse()]) {
      const p = choosePreferred(order);
      expect(p.chosen?.id).toBe(winner);
      expect(p.candidates[1]?.reason.en).toBe(runnerUpReason);
    }
  });
});
