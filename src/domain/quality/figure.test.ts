import { describe, expect, it } from 'vitest';
import { comparePreference } from '../observation/preference';
import type { ObservationDraft } from '../observation/row';
import { parsePeriod } from '../period/parse';
import { enteredText, FIRST_HAND, stagedFigure, type QualityFigure } from './figure';

const period = parsePeriod('2024');
if (!period.ok) throw new Error('2024 is a period');
const draft = (o: Partial<ObservationDraft> = {}): ObservationDraft => ({
  indicatorCode: 'RETAIL', regionCode: '440300', periodCode: '2024', period: period.value, value: 1.05, unit: '万亿元', valueStd: 10500,
  priceBasis: 'current', status: 'final', sourceKind: 'bureau_bulletin', source: { publication: '统计公报', publisher: null, link: null, readAt: null },
  precision: 'exact', quote: null, notes: null, publishedDate: '2025-03-01', publishedDateEstimated: false, ...o,
});

describe('stagedFigure', () => {
  it('is the row as the rules read it: id −row, the value in the indicator unit, state staged, a copy named as one', () => {
    const f = stagedFigure(17, draft());
    expect(f).toMatchObject({ id: -17, indicatorCode: 'RETAIL', regionCode: '440300', periodCode: '2024', valueStd: 10500, state: 'staged', corrects: null, supersededBy: null });
    expect(f.source).toBe(FIRST_HAND);
    expect(stagedFigure(18, draft({ source: { publication: '统计公报', publisher: null, link: null, readAt: 'a mirror' } })).source).toEqual({ readAt: 'a mirror' });
  });

  it('counts as entered after any stored figure: of two otherwise equal figures the preference rule takes the row', () => {
    const stored: QualityFigure = { ...stagedFigure(1, draft()), id: 912, state: 'approved', enteredAt: enteredText('2999-12-31T23:59:59.999Z') };
    const row = stagedFigure(5, draft());
    expect(comparePreference(row, stored)).toBeLessThan(0);
    expect(comparePreference(stored, row)).toBeGreaterThan(0);
  });
});
