import { describe, expect, it } from 'vitest';
import { parseSeriesCsv } from './seriesFile';

describe('a series file for backtesting', () => {
  it('reads years, quarters and months, and says which', () => {
    expect(parseSeriesCsv('year,value\n2020,1\n2021,2\n', 'a.csv')).toEqual({ m: 1, periods: ['2020', '2021'], values: [1, 2] });
    expect(parseSeriesCsv('period,value\n2020Q4,1\n2021Q1,"1,234.5"\n', 'q.csv')).toMatchObject({ m: 4, values: [1, 1234.5] });
    expect(parseSeriesCsv('\uFEFFperiod,value\n2020-12,1\n2021-01,2\n', 'm.csv')).toMatchObject({ m: 12, periods: ['2020-12', '2021-01'] });
  });
  it('names file, row and column of every bad cell', () => {
    expect(() => parseSeriesCsv('when,value\n2020,1\n', 'h.csv')).toThrow('h.csv: row 1: the header must be "year,value" or "period,value"');
    expect(() => parseSeriesCsv('year,value\n2020,1\n2021,abc\n2023,3\n', 'b.csv')).toThrow(
      'b.csv: row 3, column value: "abc" is not a number\nb.csv: row 4, column year: "2023" does not follow the previous period',
    );
    expect(() => parseSeriesCsv('period,value\n2020,1\n2020Q2,1\n', 'k.csv')).toThrow('k.csv: row 3, column period: "2020Q2" mixes period kinds');
  });
});
