import { describe, expect, it } from 'vitest';
import { planItems } from './items';
import { planDocumentSchema } from './schema';

const plan = planDocumentSchema.parse({
  id: 'p',
  name: { zh: '规划', en: 'Plan' },
  issuer: { zh: '局', en: 'Bureau' },
  region: '440300',
  period: { start: 2021, end: 2025 },
  baseYear: 2020,
  indicators: [{ code: 'X', system: false, category: 'supporting', name: { zh: 'x', en: 'x' }, unit: '个' }],
  chapters: [
    {
      number: '六',
      title: { zh: '空间', en: 'Space' },
      sections: [
        {
          number: '(二)',
          title: { zh: '布局', en: 'Layout' },
          groups: [{ number: '1', title: { zh: '平台', en: 'Platforms' }, measureKeys: ['m6-2-1'] }],
          measures: [
            { key: 'm6-2-1', title: { zh: '前海', en: 'Qianhai' }, text: { zh: '前海……' } },
            { key: 'm6-2-2', title: { zh: '河套', en: 'Hetao' }, text: { zh: '河套……' } },
          ],
        },
      ],
    },
  ],
  districtDirections: [{ key: 'd-1', region: '440305', text: { zh: '南山……' }, location: { chapter: '六', section: '(一)', column: '专栏4' } }],
});

describe('planItems', () => {
  const items = planItems(plan, (code) => (code === '440305' ? { zh: '南山区', en: 'Nanshan' } : { zh: code, en: code }));

  it('lists chapters, sections, groups and measures in plan order with their place in the plan', () => {
    expect(items.map((i) => `${i.kind}:${i.key}:${i.parentKey ?? ''}`)).toEqual([
      'chapter:c1:',
      'section:c1-s1:c1',
      'group:c1-s1-g1:c1-s1',
      'measure:m6-2-1:c1-s1-g1',
      'measure:m6-2-2:c1-s1',
      'district_direction:d-1:',
    ]);
    expect(items.map((i) => i.ordinal)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(items[4]?.location).toEqual({ chapter: '六', section: '(二)' });
  });

  it('titles a district direction by its region and keeps its region', () => {
    expect(items[5]?.title).toEqual({ zh: '南山区', en: 'Nanshan' });
    expect(items[5]?.regions).toEqual(['440305']);
  });
});
