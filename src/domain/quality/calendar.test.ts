import { describe, expect, it } from 'vitest';
import type { Region } from '../region/region';
import { crossCheckCalendar, expectedItems, parseCalendarFile } from './calendar';
import { completeness } from './completeness';

const region = (code: string, validFrom: string, parentCode: string | null = '440300'): Region => ({
  code, name: { zh: code, en: code }, level: parentCode ? 'district' : 'city', kind: 'administrative', parentCode, validFrom, validTo: null, predecessors: [], note: null,
});
const regions = [region('440300', '1979-03-05', null), region('440303', '1990-01-01'), region('440311', '2018-09-19')];
const plan = { regionCode: '440300', period: { start: 2017, end: 2019 } };

function calendar(raw: unknown) {
  const r = parseCalendarFile(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.file;
}
const dept = { zh: '区统计局', en: 'district statistics bureau' };

describe('reporting calendar', () => {
  it('expands cumulative quarters for districts that existed in each period, due 30 days after the period ends', () => {
    const cal = calendar({ plan: 'p', entries: [{ id: 'd', department: dept, indicators: ['GDP'], regions: 'districts', cumulative: [3, 6, 9, 12], dueDays: 30 }] });
    const items = expectedItems(cal, { plan, regions });
    // 2017: 罗湖 only (4 periods); 2018: 罗湖 4, 光明 (founded 2018-09-19) for the periods it existed at the end of,
    // 1–9月 and the year; 2019: both, 4 each.
    expect(items.filter((i) => i.regionCode === '440311').map((i) => i.periodCode)).toEqual(['2018-01~09', '2018', '2019Q1', '2019H1', '2019-01~09', '2019']);
    expect(items).toHaveLength(4 + 4 + 2 + 8);
    expect(items.find((i) => i.periodCode === '2019-01~09')?.due).toBe('2019-10-30'); // 30 September + 30 days
    expect(items.find((i) => i.periodCode === '2019' && i.regionCode === '440303')?.due).toBe('2020-01-30');
  });

  it('refuses a calendar with both or neither of frequency and cumulative, and a figure due twice', () => {
    const both = parseCalendarFile({ plan: 'p', entries: [{ id: 'a', department: dept, indicators: ['GDP'], regions: 'plan', frequency: 'year', cumulative: [12], dueDays: 1 }] });
    expect(both.ok ? [] : both.issues).toEqual([{ path: ['entries', 0, 'frequency'], message: 'give either frequency (year | half | quarter | month) or cumulative (end months, e.g. [3, 6, 9, 12])' }]);
    const twice = calendar({ plan: 'p', entries: [
      { id: 'a', department: dept, indicators: ['GDP'], regions: 'plan', frequency: 'year', dueDays: 60 },
      { id: 'b', department: dept, indicators: ['GDP'], regions: 'plan', cumulative: [6, 12], dueDays: 30 },
    ] });
    const issues = crossCheckCalendar(twice, { indicators: new Set(['GDP']), regions: new Set(['440300']), plans: new Set(['p']) }, () => expectedItems(twice, { plan, regions }));
    expect(issues).toEqual([{ path: ['entries', 1], message: 'GDP 440300 2017 is expected by entries "a" and "b": each figure is due once' }]);
  });
});

describe('completeness (报送率)', () => {
  const cal = calendar({ plan: 'p', entries: [{ id: 'd', department: dept, indicators: ['GDP'], regions: 'districts', frequency: 'year', dueDays: 60 }] });
  const items = expectedItems(cal, { plan, regions }); // 罗湖 2017–2019, 光明 2018–2019: 5 items, due 1 March of the next year
  const order = (a: string, b: string) => a.localeCompare(b);

  it('counts due items only; received on time, late, approved; and the history by period', () => {
    const received = [
      { indicatorCode: 'GDP', regionCode: '440303', periodCode: '2017', receivedOn: '2018-02-01', approvedOn: '2018-02-03' },
      { indicatorCode: 'GDP', regionCode: '440303', periodCode: '2018', receivedOn: '2019-04-01', approvedOn: null }, // after its due date 2019-03-01
      { indicatorCode: 'GDP', regionCode: '440311', periodCode: '2019', receivedOn: '2020-02-01', approvedOn: null }, // after the as-of date
    ];
    const c = completeness(items, received, '2019-12-31', order);
    // Due by 2019-12-31: 罗湖 2017, 罗湖 2018, 光明 2018 (3); 2019 items are due 2020-02-29.
    expect(c.overall).toEqual({ due: 3, received: 2, approved: 1, late: 2, notDue: 2, rate: 2 / 3, approvedRate: 1 / 3 });
    expect(c.byRegion.map((r) => [r.regionCode, r.received, r.due])).toEqual([['440303', 2, 2], ['440311', 0, 1]]);
    expect(c.history.map((h) => [h.periodCode, h.rate])).toEqual([['2017', 1], ['2018', 0.5], ['2019', null]]);
    expect(c.items.filter((i) => i.late).map((i) => `${i.regionCode} ${i.periodCode} ${i.status}`)).toEqual(['440303 2018 received', '440311 2018 overdue']);
  });

  it('does not call an item late on a publication date that is only a bound (undated source, release calendar)', () => {
    // 罗湖 2018 due 2019-03-01; the figure was loaded without a date and carries the latest its kind allows,
    // 2019-06-30: it may have come on 1 March — received, not late. The same date stated by the source is late.
    const cell = { indicatorCode: 'GDP', regionCode: '440303', periodCode: '2018', receivedOn: '2019-06-30', approvedOn: '2019-06-30' };
    const bound = completeness(items, [{ ...cell, estimated: true }], '2019-12-31', order).items.find((i) => i.regionCode === '440303' && i.periodCode === '2018');
    expect(bound).toMatchObject({ status: 'approved', receivedEstimated: true, late: false });
    const stated = completeness(items, [cell], '2019-12-31', order).items.find((i) => i.regionCode === '440303' && i.periodCode === '2018');
    expect(stated).toMatchObject({ status: 'approved', receivedEstimated: false, late: true });
  });
});
