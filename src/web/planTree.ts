/** The plan's items as a tree (chapters → sections → groups → measures) and a plain-text search over them. */
import { planPlace } from '../shared/planPlace';
import type { PlanItemDto } from './api';

export interface ItemNode {
  item: PlanItemDto;
  children: ItemNode[];
}

export const TREE_KINDS: readonly PlanItemDto['kind'][] = ['chapter', 'section', 'group', 'measure'];

export function buildTree(items: readonly PlanItemDto[]): ItemNode[] {
  const nodes = new Map<string, ItemNode>();
  for (const item of items) if (TREE_KINDS.includes(item.kind)) nodes.set(item.key, { item, children: [] });
  const roots: ItemNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentKey ? nodes.get(node.item.parentKey) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: ItemNode[]) => {
    list.sort((a, b) => a.item.ordinal - b.item.ordinal);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * Full-text search in Chinese or English: every whitespace-separated term must occur in the title, text, field,
 * action or departments. Chinese has no spaces between words, so a term is matched as a substring.
 */
export function searchItems(items: readonly PlanItemDto[], query: string): PlanItemDto[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  return items.filter((i) => {
    const hay = [i.title.zh, i.title.en, i.text?.zh, i.text?.en, i.field?.zh, i.field?.en, i.action?.zh, i.number, ...i.leadDepartments].filter(Boolean).join('\n').toLowerCase();
    return terms.every((t) => hay.includes(t));
  });
}

/** Where an item stands in the plan: 第五章（一）专栏2 / Chapter 5, section 1, Box 2. */
export function whereInPlan(item: PlanItemDto, lang: 'zh' | 'en'): string {
  return planPlace(item.location, lang);
}
