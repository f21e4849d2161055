import { describe, expect, it } from 'vitest';
import { choosePreferred } from './preference';
import { latestReleaseDate } from './releaseCalendar';
import { err, ok } from '../result';
import { FIXTURE_CATALOGUE } from '../unit/fixtures';
import { checkRow, type RowContext } from './row';

const ctx: RowContext = {
  indicators: new Map([['GDP', { unit: '亿元', isShare: false }]]),
  units: FIXTURE_CATALOGUE,
  region: (t) => (t === '深圳市' ? ok('440300') : err(`unknown region "${t}"`)),
};

describe('release calendar: the latest date an undated figure can be taken as known', () => {
  it.each([
    // a year's bulletin by 30 June of the next year; the bureau's first release and the work report by 31 March
    [{ type: 'year', year: 2024 }, 'bureau_bulletin', '2025-06-30'],
    [{ type: 'year', year: 2024 }, 'bureau', '2025-03-31'],
    [{ type: 'year', year: 2024 }, 'work_report', '2025-03-31'],
    [{ type: 'year', year: 2024 }, 'yearbook', '2025-12-31'],
    [{ type: 'year', year: 2024 }, 'press', '2025-06-30'],
    // 1–9月 by the bureau: end of October; by anyone else: end of November
    [{ type: 'cumulative', year: 2025, endMonth: 9 }, 'bureau', '2025-10-31'],
    [{ type: 'cumulative', year: 2025, endMonth: 9 }, 'press', '2025-11-30'],
    // December 2024 by the bureau: end of January 2025 (the year boundary)
    [{ type: 'month', year: 2024, month: 12 }, 'bureau', '2025-01-31'],
    // February has 29 days in 2024: Q4 2023 by the press → end of February 2024
    [{ type: 'quarter', year: 2023, quarter: 4 }, 'press', '2024-02-29'],
    [{ type: 'span', startYear: 2021, endYear: 2025 }, 'bureau_bulletin', '2026-06-30'],
  ] as const)('%o by %s → %s', (period, kind, date) => {
    expect(latestReleaseDate(period, kind)).toBe(date);
  });

  it('an undated annual figure is not visible to an evaluation as of a date before its conservative date', () => {
    // GDP 2025 from the bulletin, no date stated and none in the source text: estimated 2026-06-30, flagged.
    const r = checkRow({ indicator: 'GDP', region: '深圳市', period: '2025', value: '36000', unit: '亿元', source: '深圳市2025年国民经济和社会发展统计公报', sourceKind: '统计公报' }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.draft.publishedDate).toBe('2026-06-30');
    expect(r.draft.publishedDateEstimated).toBe(true);
    const figure = { ...r.draft, id: 1, enteredAt: '2026-12-01T00:00:00Z', origin: null, supersededBy: null, derivation: null, approval: null };
    // As of 15 January 2026 — when the old rule (the day after the period) already admitted it — it is not known yet.
    expect(choosePreferred([figure], '2026-01-15').chosen).toBeNull();
    expect(choosePreferred([figure], '2026-06-29').chosen).toBeNull();
    expect(choosePreferred([figure], '2026-06-30').chosen?.id).toBe(1);
  });

  it('a date written in the source or where it was read is used instead, not estimated', () => {
    const r = checkRow({ indicator: 'GDP', region: '深圳市', period: '2022', value: '32387.68', unit: '亿元', source: '深圳市统计局 2022年经济运行', readAt: '羊城晚报 (2023-01-28)' }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.draft).toMatchObject({ publishedDate: '2023-01-28', publishedDateEstimated: false, sourceKind: 'bureau', source: { readAt: '羊城晚报 (2023-01-28)' } });
  });
});
