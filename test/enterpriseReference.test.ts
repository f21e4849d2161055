/**
 * The enterprise database's reference files as shipped: the GB/T 4754-2017 code list (every code's parent exists,
 * at the level above, and the code starts with it), the size thresholds (the examples), and the synthetic
 * generator (deterministic, valid USCCs, real classes, 春节 in the figures, births and deaths).
 */
import { describe, expect, it } from 'vitest';
import { isAboveDesignatedSize, sizeClassOf } from '../src/domain/enterprise/size';
import { monthlyFactors } from '../src/domain/enterprise/synthetic/calendar';
import { syntheticEnterprises, syntheticFigures } from '../src/domain/enterprise/synthetic/generate';
import { isValidUscc, usccRegion } from '../src/domain/enterprise/uscc';
import { buildClassification, levelOfCode } from '../src/domain/industry/classification';
import { enterpriseConfig } from '../src/services/enterprises/config';

describe('GB/T 4754-2017 code list (classification/gbt4754-2017.csv)', () => {
  it('has 20 sections, 97 divisions, 473 groups and 1,381 classes, and every code\'s parent exists at the level above', async () => {
    const { industries } = await enterpriseConfig();
    const byCode = new Map(industries.map((i) => [i.code, i]));
    const count = (level: string) => industries.filter((i) => i.level === level).length;
    expect([count('section'), count('division'), count('group'), count('class')]).toEqual([20, 97, 473, 1381]);
    const above = { section: null, division: 'section', group: 'division', class: 'group' } as const;
    for (const i of industries) {
      expect(levelOfCode(i.code)).toBe(i.level);
      const want = above[i.level];
      if (want === null) {
        expect(i.parentCode).toBe(null);
        continue;
      }
      const parent = byCode.get(i.parentCode ?? '');
      expect(parent?.level, `${i.code}'s parent ${i.parentCode}`).toBe(want);
      if (want !== 'section') expect(i.code.startsWith(i.parentCode ?? '?')).toBe(true);
    }
    // 2017-edition codes; 6510 is not a class (651 软件开发 is a group with 6511–6519).
    expect(byCode.get('6513')?.name).toBe('应用软件开发');
    expect(byCode.get('6520')?.name).toBe('集成电路设计');
    expect(byCode.has('6510')).toBe(false);
    expect(byCode.get('6513')?.sectionCode).toBe('I');
  });

  it('refuses a list whose parent is missing or of the wrong level, naming the line', () => {
    const r = buildClassification([
      { line: 2, level: 'section', code: 'I', name: '信息传输、软件和信息技术服务业', parentCode: '' },
      { line: 3, level: 'division', code: '65', name: '软件和信息技术服务业', parentCode: 'I' },
      { line: 4, level: 'class', code: '6513', name: '应用软件开发', parentCode: '651' },
      { line: 5, level: 'group', code: '652', name: '集成电路设计', parentCode: 'I' },
    ]);
    expect(r).toEqual({ ok: false, error: ['line 4: class 6513: parent "651" is not in the list', 'line 5: group 652: parent I is a section, not a division'] });
  });
});

describe('size thresholds (enterprises/size-thresholds.yaml)', () => {
  it('puts the issue\'s 规模以上 thresholds where they belong, the most specific scope first', async () => {
    const { thresholds: t } = await enterpriseConfig();
    // 交通运输仓储邮政、信息传输软件: 2000万元
    expect([isAboveDesignatedSize(t, '5810', 'G', 1999), isAboveDesignatedSize(t, '6513', 'I', 2000)]).toEqual([false, true]);
    // 租赁和商务服务、科学研究和技术服务: 1000万元
    expect([isAboveDesignatedSize(t, '7243', 'L', 999), isAboveDesignatedSize(t, '7310', 'M', 1000)]).toEqual([false, true]);
    // 居民服务、文化体育娱乐: 500万元
    expect([isAboveDesignatedSize(t, '8010', 'O', 499), isAboveDesignatedSize(t, '9010', 'R', 500)]).toEqual([false, true]);
    // 7010 房地产开发经营: every enterprise, against 1000万元 for the rest of K; 建筑业 has no revenue threshold.
    expect([isAboveDesignatedSize(t, '7010', 'K', 1), isAboveDesignatedSize(t, '7020', 'K', 999), isAboveDesignatedSize(t, '4811', 'E', 1e6)]).toEqual([true, false, null]);
    // 零售 500, 批发 2000.
    expect([isAboveDesignatedSize(t, '5211', 'F', 500), isAboveDesignatedSize(t, '5111', 'F', 1999)]).toEqual([true, false]);
  });

  it('classifies size: every lower bound of a class must be met, else the class below', async () => {
    const { thresholds: t } = await enterpriseConfig();
    // 软件和信息技术服务业: medium from 100 persons and 1000万元.
    expect(sizeClassOf(t, '6513', 'I', { employees: 150, revenue: 5000 })).toBe('medium');
    expect(sizeClassOf(t, '6513', 'I', { employees: 150, revenue: 900 })).toBe('small');
    expect(sizeClassOf(t, '6513', 'I', { employees: 5, revenue: 40 })).toBe('micro');
    expect(sizeClassOf(t, '6513', 'I', { employees: 400, revenue: 20000 })).toBe('large');
    // 租赁和商务服务业 is measured by assets; without them no class can be given.
    expect(sizeClassOf(t, '7243', 'L', { employees: 400 })).toBe(null);
  });
});

describe('synthetic enterprises', () => {
  it('are deterministic, valid, of real classes and clearly labelled', async () => {
    const config = await enterpriseConfig();
    const opts = { seed: 7, enterprises: 400, from: 202201, to: 202412, regions: [['440305', 2], ['440304', 1], ['440300-DP', 1]] as Array<[string, number]>, industries: config.industries, thresholds: config.thresholds };
    const a = syntheticEnterprises(opts);
    expect(syntheticEnterprises(opts)).toEqual(a);
    const classes = new Set(config.industries.filter((i) => i.level === 'class').map((i) => i.code));
    expect(new Set(a.map((e) => e.uscc)).size).toBe(400);
    for (const e of a) {
      expect(isValidUscc(e.uscc)).toBe(true);
      expect(usccRegion(e.uscc)).toBe((e.versions[0]?.regionCode ?? '').slice(0, 6));
      for (const v of e.versions) {
        expect(classes.has(v.industryCode)).toBe(true);
        expect(v.name.endsWith('（合成）')).toBe(true);
      }
    }
    // Births and deaths happen, and enterprises cross the 规模以上 threshold between years.
    expect(a.filter((e) => e.firstMonth > 202201).length).toBeGreaterThan(20);
    expect(a.filter((e) => e.lastMonth < 202412).length).toBeGreaterThan(10);
    expect(a.filter((e) => new Set(e.versions.map((v) => v.aboveDesignatedSize)).size > 1).length).toBeGreaterThan(5);
    // A skewed size distribution: the largest tenth holds most of the revenue.
    const revenues = a.map((e) => e.profile.revenue).sort((x, y) => y - x);
    const top = revenues.slice(0, 40).reduce((s, x) => s + x, 0) / revenues.reduce((s, x) => s + x, 0);
    expect(top).toBeGreaterThan(0.4);
  });

  it('report 1–N月 cumulative values that never fall, with the 春节 month low', async () => {
    const config = await enterpriseConfig();
    const [e] = syntheticEnterprises({ seed: 3, enterprises: 1, from: 202301, to: 202412, regions: [['440305', 1]], industries: config.industries, thresholds: config.thresholds });
    if (!e) throw new Error('no enterprise');
    const revenue = [...syntheticFigures(e, ['REVENUE'])].map((f) => f.value);
    for (let i = 1; i < revenue.length; i++) if (i % 12 !== 0) expect(revenue[i]).toBeGreaterThanOrEqual(revenue[i - 1] ?? 0);
    // 春节 2023 fell on 22 January, 2024 on 10 February: January's share is lower in 2023, February's in 2024.
    expect(monthlyFactors(2023)[0]).toBeLessThan(monthlyFactors(2024)[0] ?? 0);
    expect(monthlyFactors(2024)[1]).toBeLessThan(monthlyFactors(2023)[1] ?? 0);
    expect(monthlyFactors(2024).reduce((s, x) => s + x, 0)).toBeCloseTo(12, 10);
  });
});
