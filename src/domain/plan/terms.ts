/**
 * The plan's official vocabulary, as code names. docs/GLOSSARY.md lists the same terms; keep them equal.
 */

/** 比较方式: how a 目标值 (target) is to be read. */
export const COMPARATORS = ['at_least', 'about', 'at_most'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** The printed words that map to each comparator (突破/达到/不低于 → at least; 左右 → about; 控制在…以内 → at most). */
export const COMPARATOR_WORDING: Record<Comparator, readonly string[]> = {
  at_least: ['突破', '达到', '达', '不低于', '超过'],
  about: ['左右'],
  at_most: ['控制在', '以内', '不高于', '低于'],
};

/** 指标属性: 预期性 (expected) or 约束性 (binding). */
export const ATTRIBUTES = ['expected', 'binding'] as const;
export type IndicatorAttribute = (typeof ATTRIBUTES)[number];

/**
 * 指标类别: 总体指标 (overall), 重点领域指标 (key area); `supporting` marks an indicator the plan text mentions
 * (often as the numerator or denominator of a share) that is not a row of the indicator system.
 */
export const CATEGORIES = ['overall', 'key_area', 'supporting'] as const;
export type IndicatorCategory = (typeof CATEGORIES)[number];

/** 方向: whether more is better (increase) or less is better (decrease). */
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The kinds of plan item a plan file holds (章, 节, 小标题, 重点举措, 重大项目, 各区方向, 特色基地, 试点园区). */
export const ITEM_KINDS = ['chapter', 'section', 'group', 'measure', 'project', 'district_direction', 'base', 'park'] as const;
export type PlanItemKind = (typeof ITEM_KINDS)[number];
