import { describe, expect, it } from 'vitest';
import { FIXTURE_CATALOGUE } from './fixtures';
import { normaliseUnitText } from './parse';

/** The code of the unit a text parses to, or the error message. */
function parsed(text: string): string {
  const r = FIXTURE_CATALOGUE.parse(text);
  return r.ok ? r.value.code : `error: ${r.error}`;
}

const KNOWN = FIXTURE_CATALOGUE.knownList;

describe('reading a unit in a catalogue', () => {
  it.each([
    // every unit the fictional test plan uses
    ['亿元', '亿元'],
    ['%', '%'],
    ['亿美元', '亿美元'],
    ['万人', '万人'],
    ['万元/人', '万元/人'],
    ['家', '家'],
    ['微克/立方米', '微克/立方米'],
    // the logistics units of a 15th plan
    ['万标箱', '万标箱'],
    ['万标准箱', '万标箱'],
    ['万TEU', '万标箱'],
    ['万吨', '万吨'],
    ['亿件', '亿件'],
    ['吨/万元', '吨/万元'],
    ['噸/萬元', '吨/万元'],
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
    expect(parsed('亿吨')).toBe(`error: unknown unit "亿吨" (known units: ${KNOWN})`);
    expect(parsed('亿员')).toBe(`error: unknown unit "亿员" (did you mean 亿元 or 亿件? known units: ${KNOWN})`);
    expect(KNOWN).toMatch(/^元, 万元, 亿元, 万亿元, .*个百分点.*微克\/立方米/);
  });

  it.each(['', '   ', '\u3000'])('rejects empty text %j', (text) => {
    expect(parsed(text)).toBe(`error: missing unit: the unit text is empty (known units: ${KNOWN})`);
  });

  // near misses stay errors: 人次 counts visits, not persons; 亿美金 is colloquial and not in the table on purpose
  it.each(['亿美金', '人次', '元/平方米', 'percentage', 'percent points', '亿元元'])('does not guess: %j', (text) => {
    expect(parsed(text)).toMatch(new RegExp(`^error: unknown unit "${text.replace(/[/]/g, '\\/')}" \\((did you mean [^?]+\\? )?known units: `));
  });
});

describe('normaliseUnitText', () => {
  it('drops spaces except between Latin letters', () => {
    expect(normaliseUnitText(' 萬元 ／ 人 ')).toBe('万元/人');
    expect(normaliseUnitText(' Percentage \t Points ')).toBe('percentage points');
  });
});
