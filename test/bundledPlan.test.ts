/**
 * The bundled Shenzhen plan file against the plan text. The counts below were established by reading the text
 * (../shared/seed) — see docs/PLAN_FORMAT.md, "Counting the Shenzhen plan" — not by running our code.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planItems, type PlanItem } from '../src/domain/plan/items';
import type { PlanDocument } from '../src/domain/plan/schema';
import { readPlanFile, readRegionFile } from '../src/services/planFile';
import { bundledPlanContext } from '../src/services/planContext';
import { bundledPlan, plansDir, regionsDir, root } from './support/paths';

let plan: PlanDocument;
let items: PlanItem[];
beforeAll(async () => {
  const regions = await readRegionFile(path.join(regionsDir, 'shenzhen-440300.yaml'));
  plan = (await readPlanFile(bundledPlan, await bundledPlanContext({ regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue') }))).plan;
  const names = new Map(regions.map((r) => [r.code, r.name]));
  items = planItems(plan, (code) => names.get(code) ?? { zh: code, en: code });
});

const byKind = (kind: string) => items.filter((i) => i.kind === kind);

describe('bundled plan shenzhen-services-14th-fyp', () => {
  it('has the metadata of the document', () => {
    expect(plan.id).toBe('shenzhen-services-14th-fyp');
    expect(plan.issuer.zh).toBe('深圳市发展和改革委员会');
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    expect(plan.baseYear).toBe(2020);
  });

  it('has the 9 indicators of 专栏1: 2 overall, 7 key-area, all expected-type', () => {
    const system = plan.indicators.filter((i) => i.system);
    expect(system.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(system.filter((i) => i.category === 'overall')).toHaveLength(2);
    expect(system.filter((i) => i.category === 'key_area')).toHaveLength(7);
    expect(system.every((i) => i.attribute === 'expected')).toBe(true);
    // 左右 targets are exactly 3–6; every share names its numerator and denominator.
    expect(system.filter((i) => i.target?.comparator === 'about').map((i) => i.number)).toEqual([3, 4, 5, 6]);
    expect(system.filter((i) => i.share).map((i) => i.number)).toEqual([2, 3, 4, 5, 6]);
  });

  it('states the 2020 values the text gives', () => {
    const baseline = (code: string) => plan.indicators.find((i) => i.code === code)?.baseline;
    expect(baseline('TERTIARY_VA')).toMatchObject({ value: 17190.4, year: 2020 });
    expect(baseline('MODERN_SVC_VA')).toMatchObject({ value: 13084.4, year: 2020 });
    expect(baseline('MODERN_SVC_SHARE')).toMatchObject({ value: 76.1, year: 2020 });
    expect(baseline('TERTIARY_SHARE')).toMatchObject({ value: 62.1, year: 2020 });
    expect(baseline('SVC_EMPLOYMENT')).toMatchObject({ value: 791.7, year: 2020 });
  });

  it('has 58 titled measures in chapters 三 to 七 (11 + 15 + 15 + 7 + 10)', () => {
    const perChapter: Record<string, number> = {};
    for (const m of byKind('measure')) perChapter[m.location.chapter] = (perChapter[m.location.chapter] ?? 0) + 1;
    expect(perChapter).toEqual({ 三: 11, 四: 15, 五: 15, 六: 7, 七: 10 });
    const titles = byKind('measure').map((m) => m.title.zh);
    for (const t of ['完善数字化基础设施', '信息服务', '前海深港现代服务业合作区', '完善统计评估体系', '发挥社会组织作用']) expect(titles).toContain(t);
  });

  it('has every project of 专栏2 (26) and 专栏3 (47), bases (13), parks (26) and district directions (11)', () => {
    const projects = byKind('project');
    expect(projects.filter((p) => p.location.column === '专栏2')).toHaveLength(26);
    expect(projects.filter((p) => p.location.column === '专栏3')).toHaveLength(47);
    expect(byKind('base')).toHaveLength(13);
    expect(byKind('park')).toHaveLength(26);
    expect(byKind('district_direction').map((d) => d.regions[0])).toEqual([
      '440304', '440303', '440308', '440305', '440306', '440307', '440309', '440310', '440311', '440300-DP', '440300-SS',
    ]);
  });

  it('gives English for every item and a place in the plan for every item', () => {
    for (const item of items) {
      expect(item.title.en, item.key).toMatch(/[A-Za-z]/);
      expect(item.location.chapter, item.key).toMatch(/^[一二三四五六七]$/);
    }
    for (const item of [...byKind('measure'), ...byKind('base'), ...byKind('district_direction')]) {
      expect(item.text?.en, item.key).toMatch(/[A-Za-z]{3,}/);
    }
    for (const item of [...byKind('project'), ...byKind('base'), ...byKind('park'), ...byKind('district_direction')]) {
      expect(item.location.column, item.key).toMatch(/^专栏[2-6]$/);
    }
  });

  it('quotes measure texts as printed in the plan (whitespace aside)', async () => {
    const seed = path.join(root, 'plans/sources/shenzhen-services-14th-fyp.txt');
    const source = (await readFile(seed, 'utf8')).replace(/\s+/g, '');
    for (const m of byKind('measure')) expect(source, m.key).toContain(`${m.title.zh}。${m.text?.zh ?? ''}`.replace(/\s+/g, ''));
  });
});
