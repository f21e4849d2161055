import { describe, expect, it } from 'vitest';
import { normaliseUnitText } from './parse';
import { UNITS } from './units';

describe('UNITS', () => {
  it('has unique codes, and no code or alias names two units', () => {
    const keys = UNITS.flatMap((u) => [u.code, ...u.aliases].map(normaliseUnitText));
    expect(new Set(UNITS.map((u) => u.code)).size).toBe(UNITS.length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps factor equal to 10 ** exponent, with an integer exponent', () => {
    for (const u of UNITS) {
      expect(Number.isInteger(u.exponent), u.code).toBe(true);
      expect(u.factor, u.code).toBe(10 ** u.exponent);
    }
  });

  it('gives each dimension a base unit (factor 1), the unit its factors are relative to', () => {
    for (const d of new Set(UNITS.map((u) => u.dimension))) expect(UNITS.some((u) => u.dimension === d && u.factor === 1), d).toBe(true);
  });

  it.each([
    ['元', 'currency:CNY', 1],
    ['万元', 'currency:CNY', 1e4],
    ['亿元', 'currency:CNY', 1e8],
    ['万亿元', 'currency:CNY', 1e12],
    ['美元', 'currency:USD', 1],
    ['万美元', 'currency:USD', 1e4],
    ['亿美元', 'currency:USD', 1e8],
    ['元/人', 'currency:CNY/person', 1],
    ['万元/人', 'currency:CNY/person', 1e4],
    ['%', 'percent', 1],
    ['个百分点', 'percentage_point', 1],
    ['个', 'count', 1],
    ['家', 'count', 1],
    ['项', 'count', 1],
    ['人', 'persons', 1],
    ['万人', 'persons', 1e4],
    ['微克/立方米', 'concentration:ug/m3', 1],
  ])('%s is %s with factor %d', (code, dimension, factor) => {
    const u = UNITS.find((x) => x.code === code);
    expect(u?.dimension).toBe(dimension);
    expect(u?.factor).toBe(factor);
  });

  it('has a bilingual name and an English short form for every unit', () => {
    for (const u of UNITS) {
      expect(u.name.zh, u.code).not.toBe('');
      expect(u.name.en, u.code).not.toBe('');
      expect(u.enShort, u.code).not.toBe('');
    }
  });
});
