/**
 * The annual report's data-quality paragraph (数据质量): completeness of the plan's reporting calendar for the
 * report's years, and the data-quality violations still open. Gathered with the rest of the report context; a plan
 * without a calendar or rules says only what it has.
 */
import type { AsOf } from '../domain/evaluation/asOf';
import { summarise } from '../domain/quality/summary';
import type { Language, LocalizedText } from '../domain/text';
import { NotFoundError } from '../services/errors';
import { plansService } from '../services/plans';
import { planCompleteness } from '../services/quality/completeness';
import { qualityRun } from '../services/quality/run';
import type { Database } from './database';

export interface ReportQuality {
  /** Null when the plan has no reporting calendar. */
  completeness: { asOf: string; due: number; received: number; approved: number; late: number; rate: number | null; missingRegions: string[] } | null;
  open: { errors: number; warnings: number; rules: LocalizedText[] };
}

export async function reportQuality(database: Database, planId: string, asOf: AsOf): Promise<ReportQuality> {
  const regions = new Map((await plansService.regions(database)).map((r) => [r.code, r.name]));
  const date = asOf.publishedBy ?? new Date().toISOString().slice(0, 10);
  let completeness: ReportQuality['completeness'] = null;
  try {
    const c = await planCompleteness(database, { plan: planId, asOf: date, maxYear: asOf.maxYear });
    // Regions with the most items due and nothing at all received: who has not reported.
    const silent = c.byRegion.filter((r) => r.due > 0 && r.received === 0).map((r) => regions.get(r.regionCode)?.zh ?? r.regionCode);
    completeness = { asOf: date, due: c.overall.due, received: c.overall.received, approved: c.overall.approved, late: c.overall.late, rate: c.overall.rate, missingRegions: silent };
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  const run = await qualityRun(database, planId);
  const open = run.violations.filter((v) => v.acknowledgement === null);
  const s = summarise(open);
  const names = new Map(run.rules.map((r) => [r.rule.id, r.rule.name]));
  return { completeness, open: { errors: s.errors, warnings: s.warnings, rules: s.byRule.map((r) => names.get(r.ruleId) ?? { zh: r.ruleId, en: r.ruleId }) } };
}

const pct = (x: number | null, lang: Language) => (x === null ? (lang === 'zh' ? '无' : 'n/a') : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/** The paragraph, or nothing (other kinds of report, or no quality data gathered). */
export function qualityParagraph(q: ReportQuality | null | undefined, kind: string, lang: Language): string[] {
  if (!q || kind !== 'annual') return [];
  const c = q.completeness;
  const { errors, warnings, rules } = q.open;
  if (lang === 'zh') {
    const reporting = c
      ? `按报送日历，截至${c.asOf}应报送数据${c.due}项，已报送${c.received}项（报送率${pct(c.rate, 'zh')}），已审核${c.approved}项，逾期未报或迟报${c.late}项${c.missingRegions.length > 0 ? `，${c.missingRegions.join('、')}尚无报送` : ''}。`
      : '本规划尚未设定报送日历，报送率暂缺。';
    const issues = errors + warnings === 0 ? '数据质量审核未发现待处理问题。' : `数据质量审核发现待处理问题${errors + warnings}个（错误${errors}个、警告${warnings}个），涉及${rules.map((r) => r.zh).join('、')}。`;
    return [`数据质量：${reporting}${issues}`];
  }
  const reporting = c
    ? `By the reporting calendar, ${c.due} figures were due by ${c.asOf}; ${c.received} were received (a reporting rate of ${pct(c.rate, 'en')}), ${c.approved} approved, ${c.late} late or missing${c.missingRegions.length > 0 ? `; ${c.missingRegions.length} districts have reported nothing` : ''}.`
    : 'The plan has no reporting calendar yet: the reporting rate is not available.';
  const issues = errors + warnings === 0 ? ' The data-quality checks found no open issue.' : ` The data-quality checks found ${errors + warnings} open issues (${errors} errors, ${warnings} warnings): ${rules.map((r) => r.en).join('; ')}.`;
  return [`Data quality: ${reporting}${issues}`];
}
