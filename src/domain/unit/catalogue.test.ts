import { describe, expect, it } from 'vitest';
import { createUnitCatalogue, extendUnitCatalogue, sameFactor } from './catalogue';
import { unitConflicts } from './conflicts';
import { FIXTURE_CATALOGUE, FIXTURE_UNITS } from './fixtures';
import { parseUnitFile } from './schema';
import type { Unit } from './units';

const teu: Unit = { code: '标箱', name: { zh: '标准箱', en: 'TEU' }, enShort: 'TEU', dimension: 'containers', factor: '1', aliases: ['标准箱', 'teu'] };

describe('a unit catalogue', () => {
  it('reads symbols and aliases after normalisation, and suggests the nearest unit for a misspelling', () => {
    expect(FIXTURE_CATALOGUE.parse('萬標準箱'.replace('標', '标')).ok).toBe(true);
    const misspelt = FIXTURE_CATALOGUE.parse('亿员');
    expect(misspelt.ok).toBe(false);
    if (!misspelt.ok) expect(misspelt.error).toMatch(/^unknown unit "亿员" \(did you mean 亿元 or 亿件\? known units: 元, 万元, 亿元, /);
    expect(FIXTURE_CATALOGUE.suggest('万标厢').map((u) => u.code)).toEqual(['万标箱']);
    // 千吨 is one edit from 吨, 万吨 and 亿吨 alike … and from more: no obvious guess, no suggestion
    expect(FIXTURE_CATALOGUE.suggest('千x吨吨').map((u) => u.code)).toEqual([]);
  });

  it('is extended by more units, keeping those it has', () => {
    const more = extendUnitCatalogue(FIXTURE_CATALOGUE, [teu, { ...FIXTURE_UNITS[0], name: { zh: '元', en: 'changed' } } as Unit]);
    expect(more.parse('TEU')).toMatchObject({ ok: true, value: { code: '标箱' } });
    expect(more.units.filter((u) => u.code === '元')).toHaveLength(1);
    expect(more.units.find((u) => u.code === '元')?.name.en).toBe('yuan (CNY)');
  });

  it('compares factors as decimals', () => {
    expect(sameFactor('1e8', '100000000')).toBe(true);
    expect(sameFactor('0.10', '0.1')).toBe(true);
    expect(sameFactor('0.1', '0.01')).toBe(false);
  });
});

describe('unit conflicts', () => {
  it('lets a file repeat a known unit, but not change its dimension or factor, nor reuse a symbol or alias', () => {
    const yi = FIXTURE_CATALOGUE.parse('亿元');
    if (!yi.ok) throw new Error(yi.error);
    expect(unitConflicts([yi.value], FIXTURE_CATALOGUE, ['units'])).toEqual([]);
    expect(unitConflicts([{ ...yi.value, factor: '10000' }, { ...yi.value, dimension: 'currency:HKD' }, { ...teu, aliases: ['万吨'] }], FIXTURE_CATALOGUE, ['units'])).toEqual([
      { path: ['units', 0, 'factor'], message: 'unit 亿元 already exists with factor 100000000 (dimension currency:CNY); it cannot change to 10000 (figures were converted with it)' },
      { path: ['units', 1, 'dimension'], message: 'unit 亿元 already exists with dimension currency:CNY; it cannot change to currency:HKD (figures were converted with it)' },
      { path: ['units', 2, 'aliases', 0], message: '"万吨" already names the unit 万吨 (mass); choose another symbol or alias' },
    ]);
  });
});

describe('the unit file format', () => {
  it('reads units with exact decimal factors, however YAML gave the number', () => {
    const r = parseUnitFile({
      units: [
        { symbol: '标箱', name: { zh: '标准箱', en: 'TEU' }, dimension: 'containers', factor: 1 },
        { symbol: '万标箱', name: { zh: '万标准箱', en: '10,000 TEU' }, en: '10,000 TEU', dimension: 'containers', factor: 1e4, aliases: ['万TEU'] },
        { symbol: '吨/万元', name: { zh: '吨/万元', en: 'tonnes per 10,000 yuan' }, dimension: 'mass/currency:CNY', factor: '0.10' },
      ],
    });
    expect(r.ok && r.units.map((u) => [u.code, u.factor, u.enShort])).toEqual([
      ['标箱', '1', 'TEU'],
      ['万标箱', '10000', '10,000 TEU'],
      ['吨/万元', '0.1', 'tonnes per 10,000 yuan'],
    ]);
  });

  it('names every problem: a bad factor, a spaced dimension, a symbol given twice, an unknown key', () => {
    const r = parseUnitFile({
      units: [
        { symbol: 'X', name: { zh: 'X', en: 'X' }, dimension: 'a b', factor: -1 },
        { symbol: 'Y', name: { zh: 'Y', en: 'Y' }, dimension: 'y', factor: 'ten', colour: 'red' },
      ],
    });
    expect(r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'units.0.dimension: must be a name without spaces, e.g. mass, containers, currency:CNY',
      'units.0.factor: factor must be a decimal number greater than 0 (the size of the unit in its dimension\'s base unit), not -1',
      'units.1.factor: factor must be a decimal number greater than 0 (the size of the unit in its dimension\'s base unit), not "ten"',
      'units.1: Unrecognized key: "colour"',
    ]);
    const twice = parseUnitFile({ units: [teu, teu].map((u) => ({ symbol: u.code, name: u.name, dimension: u.dimension, factor: 1 })) });
    expect(twice.ok ? [] : twice.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['units.1.symbol: duplicate unit "标箱"']);
  });

  it('builds a catalogue in which no symbol or alias names two units', () => {
    const c = createUnitCatalogue(FIXTURE_UNITS);
    expect(new Set(c.units.map((u) => u.code)).size).toBe(FIXTURE_UNITS.length);
  });
});
