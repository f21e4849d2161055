/**
 * The rules in force: the rule files checked against what they name (indicators of the catalogue, regions of the
 * registry, loaded plans), and the selection for one plan — the general rules plus that plan's own.
 */
import type { PlanIssue } from '../plan/issues';
import { DEFAULT_SETTINGS, ruleIndicators, type QualitySettings, type Rule, type RuleFile } from './rules';

export interface IndicatorInfo {
  unit: string;
  /** The catalogue's share formula (numerator / denominator × 100), if the indicator is a share. */
  share: { numerator: string; denominator: string } | null;
}

export interface RuleCheckContext {
  indicators: ReadonlyMap<string, IndicatorInfo>;
  regions: ReadonlySet<string>;
  plans: ReadonlySet<string>;
}

/** Problems of one rule file that only the database knows: unknown indicators, regions and plans, missing formulas. */
export function crossCheckRules(file: RuleFile, ctx: RuleCheckContext): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (file.plan !== undefined && !ctx.plans.has(file.plan)) issues.push({ path: ['plan'], message: `no plan "${file.plan}" is loaded` });
  const seen = new Map<string, number>();
  file.rules.forEach((rule, i) => {
    const at = (...p: Array<string | number>) => ['rules', i, ...p];
    const first = seen.get(rule.id);
    if (first !== undefined) issues.push({ path: at('id'), message: `duplicate rule id "${rule.id}" (also rules[${first}])` });
    else seen.set(rule.id, i);
    const unknown = (c: string, path: Array<string | number>) => {
      if (!ctx.indicators.has(c)) issues.push({ path: at(...path), message: `unknown indicator ${c}: no plan or catalogue file defines it` });
    };
    switch (rule.kind) {
      case 'sum':
      case 'part_of':
        unknown(rule.total, ['total']);
        rule.parts.forEach((c, j) => unknown(c, ['parts', j]));
        break;
      case 'growth_level':
        unknown(rule.growth, ['growth']);
        unknown(rule.level, ['level']);
        break;
      case 'region_sum':
        if (!ctx.regions.has(rule.total)) issues.push({ path: at('total'), message: `unknown region ${rule.total}` });
        if (rule.parts !== 'children') rule.parts.forEach((c, j) => !ctx.regions.has(c) && issues.push({ path: at('parts', j), message: `unknown region ${c}` }));
        rule.indicators.forEach((c, j) => unknown(c, ['indicators', j]));
        break;
      default: {
        const list = ruleIndicators(rule);
        if (list !== 'all') list.forEach((c, j) => unknown(c, ['indicators', j]));
      }
    }
    if (rule.kind === 'share') {
      rule.indicators.forEach((c, j) => {
        if (ctx.indicators.has(c) && !ctx.indicators.get(c)?.share) issues.push({ path: at('indicators', j), message: `indicator ${c} is not a share: no numerator/denominator is defined for it` });
      });
    }
  });
  return issues;
}

/** A rule as the engine runs it: with the settings of its file and the plan that file belongs to (null: general). */
export interface ActiveRule {
  rule: Rule;
  settings: QualitySettings;
  planId: string | null;
}

/** The checked rule files held by the platform. */
export interface RuleSet {
  files: ReadonlyArray<{ name: string; file: RuleFile }>;
}

/**
 * The rules in force for a plan: the general files' rules and the plan's own. Without a plan: every file's rules
 * (figures belong to no plan; indicators are shared), which is what imports and approvals check.
 *
 * @example
 * rulesInForce(set, 'shenzhen-services-14th-fyp').map((r) => r.rule.id)
 */
export function rulesInForce(set: RuleSet, planId: string | null = null): ActiveRule[] {
  return set.files
    .filter(({ file }) => planId === null || file.plan === undefined || file.plan === planId)
    .flatMap(({ file }) => file.rules.map((rule) => ({ rule, settings: file.settings ?? DEFAULT_SETTINGS, planId: file.plan ?? null })));
}

/** Rule ids used by more than one file: each id must name one rule, wherever it is defined. */
export function duplicateRuleIds(set: RuleSet): Array<{ id: string; files: string[] }> {
  const where = new Map<string, string[]>();
  for (const { name, file } of set.files) for (const r of file.rules) where.set(r.id, [...(where.get(r.id) ?? []), name]);
  return [...where.entries()].filter(([, files]) => files.length > 1).map(([id, files]) => ({ id, files }));
}
