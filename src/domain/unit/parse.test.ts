import { describe, expect, it } from 'vitest';
import { normaliseUnitText, parseUnit } from './parse';

/** The code of the unit a text parses to, or the error message. */
function parsed(text: string): string {
  const r = parseUnit(text);
  return r.ok ? r.value.code : `error: ${r.error}`;
}

describe('parseUnit', () => {
  it.each([
    // every unit the fictional test plan uses
    ['亿元', '亿元'],
    ['%', '%'],
    ['亿美元', '亿美元'],
    ['万人', '万人'],
    ['万元/人', '万元/人'],
    ['家', '家'],
    ['微克/立方米', '微克/立方米'],
    // spacing, width and script variants of the same units
    ['  亿元 ', '亿元'],
    ['亿 元', '亿元'],
    ['％', '%'],
    ['﹪', '%'],
    ['万元／人', '万元/人'],
    ['万元 / 人', '万元/人'],
    ['億元', '亿元'],
    ['萬億元', '万亿元'],
    ['萬人', '万人'],
    ['個百分點', '个百分点'],
    ['项', '项'],
    ['項', '项'],
    // aliases
    ['百分点', '个百分点'],
    ['pp', '个百分点'],
    ['PP', '个百分点'],
    ['percentage points', '个百分点'],
    ['Percentage  Point', '个百分点'],
    ['percent', '%'],
    ['CNY', '元'],
    ['USD', '美元'],
    ['μg/m³', '微克/立方米'],
    ['µg/m3', '微克/立方米'],
    ['ug/m3', '微克/立方米'],
    ['㎍/㎥', '微克/立方米'],
  ])('reads %j as %s', (text, code) => {
    expect(parsed(text)).toBe(code);
  });

  it('rejects an unknown unit, naming it and listing the known ones', () => {
    const out = parsed('亿吨');
    expect(out).toMatch(/^error: unknown unit "亿吨" \(known units: 元, 万元, 亿元, 万亿元, .*个百分点.*微克\/立方米\)$/);
  });

  it.each(['', '   ', '\u3000'])('rejects empty text %j', (text) => {
    expect(parsed(text)).toMatch(/^error: missing unit: the unit text is empty \(known units: 元, /);
  });

  // near misses stay errors: 人次 counts visits, not persons; 亿美金 is colloquial and not in the table on purpose
  it.each(['亿美金', '人次', '万吨', '元/平方米', 'percentage', 'percent points', '亿元元'])('does not guess: %j', (text) => {
    expect(parsed(text)).toBe(`error: unknown unit "${text}" (known units: ${'元, 万元, 亿元, 万亿元, 美元, 万美元, 亿美元, 元/人, 万元/人, %, 个百分点, 个, 家, 项, 人, 万人, 微克/立方米'})`);
  });
});

describe('normaliseUnitText', () => {
  it('drops spaces except between Latin letters', () => {
    expect(normaliseUnitText(' 萬元 ／ 人 ')).toBe('万元/人');
    expect(normaliseUnitText(' Percentage \t Points ')).toBe('percentage points');
  });
});
