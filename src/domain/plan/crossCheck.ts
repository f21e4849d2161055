/**
 * Rules that look across a whole plan file: codes and keys unique, every indicator reference resolvable, years
 * inside the plan period. Shape rules live in ./schema.ts; regions are read in the registry by
 * ./resolveRegions.ts and units in the unit catalogue by ./planUnits.ts. This also runs on a best-effort copy of a
 * file whose shape is wrong (./schemaWalk.ts), so that one pass reports every problem: fields may be missing.
 */
import type { PlanIssue } from './issues';
import type { PlanDocument } from './schema';

export function crossCheckPlan(plan: PlanDocument): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const codes = new Set<string>();
  plan.indicators.forEach((ind, i) => {
    if (codes.has(ind.code)) issues.push({ path: ['indicators', i, 'code'], message: `duplicate indicator code "${ind.code}"` });
    codes.add(ind.code);
  });

  const numbers = new Map<number, number>();
  plan.indicators.forEach((ind, i) => {
    if (ind.number === undefined || !ind.system) return;
    const seen = numbers.get(ind.number);
    if (seen !== undefined) issues.push({ path: ['indicators', i, 'number'], message: `序号 ${ind.number} is already used by indicators[${seen}]` });
    numbers.set(ind.number, i);
  });

  const checkIndicator = (code: string, path: PlanIssue['path'], role: string) => {
    if (!codes.has(code)) issues.push({ path, message: `${role} "${code}" is not an indicator of this plan` });
  };

  plan.indicators.forEach((ind, i) => {
    if (ind.share) {
      checkIndicator(ind.share.numerator, ['indicators', i, 'share', 'numerator'], 'share numerator');
      checkIndicator(ind.share.denominator, ['indicators', i, 'share', 'denominator'], 'share denominator');
      if (ind.share.numerator === ind.share.denominator) {
        issues.push({ path: ['indicators', i, 'share'], message: 'numerator and denominator must differ' });
      }
    }
    if (ind.target && typeof ind.target.year === 'number' && (ind.target.year < plan.period.start || ind.target.year > plan.period.end)) {
      issues.push({ path: ['indicators', i, 'target', 'year'], message: `target year ${ind.target.year} lies outside the plan period ${plan.period.start}–${plan.period.end}` });
    }
    if (ind.baseline && ind.baseline.year > plan.period.end) {
      issues.push({ path: ['indicators', i, 'baseline', 'year'], message: `baseline year ${ind.baseline.year} lies after the plan period` });
    }
  });

  const keys = new Map<string, string>();
  const claimKey = (key: string, path: PlanIssue['path']) => {
    const prior = keys.get(key);
    if (prior !== undefined) issues.push({ path, message: `duplicate item key "${key}" (first used at ${prior})` });
    else keys.set(key, path.join('.'));
  };
  const checkRefs = (item: { indicators: string[] }, path: PlanIssue['path']) => {
    item.indicators.forEach((c, j) => checkIndicator(c, [...path, 'indicators', j], 'indicator'));
  };

  plan.chapters.forEach((ch, c) => {
    ch.sections.forEach((sec, s) => {
      const base = ['chapters', c, 'sections', s] as const;
      const measureKeys = new Set(sec.measures.map((m) => m.key));
      sec.measures.forEach((m, k) => {
        claimKey(m.key, [...base, 'measures', k, 'key']);
        checkRefs(m, [...base, 'measures', k]);
      });
      sec.groups?.forEach((g, gi) =>
        g.measureKeys.forEach((mk, j) => {
          if (!measureKeys.has(mk)) issues.push({ path: [...base, 'groups', gi, 'measureKeys', j], message: `measure "${mk}" is not in this section` });
        }),
      );
    });
  });
  plan.projects.forEach((p, i) => {
    claimKey(p.key, ['projects', i, 'key']);
    checkRefs(p, ['projects', i]);
  });
  plan.districtDirections.forEach((d, i) => {
    claimKey(d.key, ['districtDirections', i, 'key']);
  });
  plan.bases.forEach((b, i) => {
    claimKey(b.key, ['bases', i, 'key']);
    checkRefs(b, ['bases', i]);
  });
  plan.parks.forEach((p, i) => {
    claimKey(p.key, ['parks', i, 'key']);
    checkRefs(p, ['parks', i]);
  });
  return issues;
}
