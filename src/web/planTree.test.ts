import { describe, expect, it } from 'vitest';
import type { PlanItemDto } from './api';
import { buildTree, searchItems, whereInPlan } from './planTree';

const item = (key: string, kind: PlanItemDto['kind'], parentKey: string | null, ordinal: number, zh: string, text?: string): PlanItemDto => ({
  key, kind, parentKey, ordinal, number: null, title: { zh, en: zh }, text: text ? { zh: text } : null, field: null, action: null, leadDepartments: [], regions: [], indicators: [], location: { chapter: '三', section: '(一)' }, details: {},
});

const items = [
  item('m2', 'measure', 's1', 4, '发展金融科技', '建设国际金融科技中心'),
  item('c1', 'chapter', null, 0, '总体要求'),
  item('s1', 'section', 'c1', 1, '现代金融'),
  item('m1', 'measure', 's1', 3, '完善数字化基础设施', '构建5G通信网络'),
  item('p1', 'project', null, 9, '前海深港国际金融城'),
];

describe('plan tree and search', () => {
  it('nests chapters, sections and measures in plan order, leaving projects out of the tree', () => {
    const tree = buildTree(items);
    expect(tree.map((n) => n.item.key)).toEqual(['c1']);
    expect(tree[0]?.children[0]?.children.map((n) => n.item.key)).toEqual(['m1', 'm2']);
  });
  it('finds Chinese words inside running text, every term required', () => {
    expect(searchItems(items, '金融科技').map((i) => i.key)).toEqual(['m2']);
    expect(searchItems(items, '金融').map((i) => i.key)).toEqual(['m2', 's1', 'p1']);
    expect(searchItems(items, '金融 国际').map((i) => i.key)).toEqual(['m2', 'p1']);
    expect(searchItems(items, '  ')).toEqual([]);
  });
  it('says where an item stands', () => {
    expect(whereInPlan(items[0] as PlanItemDto, 'zh')).toBe('第三章（一）');
    expect(whereInPlan(items[0] as PlanItemDto, 'en')).toBe('Chapter 3, section 1');
  });
});
