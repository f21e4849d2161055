/**
 * The regions a plan file names — its own region, and the regions of measures, projects, district directions,
 * bases and parks — read in the region registry: a code, or a name (南山区, 广州市白云区) read within the plan's
 * region, so a plan of 广州市 that says 白云区 means 440111 and never 贵阳市's 520113. The plan comes back with codes.
 */
import type { RegionRegistry } from '../region/registry';
import type { PlanIssue } from './issues';
import type { PlanDocument } from './schema';

export function resolvePlanRegions(plan: PlanDocument, registry: RegionRegistry): { plan: PlanDocument; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const own = typeof plan.region === 'string' ? registry.resolve(plan.region) : null;
  if (own && !own.ok) issues.push({ path: ['region'], message: own.error });
  const within = own?.ok ? own.value.code : null;
  const resolve = (text: string, path: PlanIssue['path']): string => {
    if (typeof text !== 'string') return text;
    const r = registry.resolve(text, { within });
    if (!r.ok) {
      issues.push({ path, message: r.error });
      return text;
    }
    return r.value.code;
  };
  const refs = <T extends { regions: string[] }>(item: T, path: PlanIssue['path']): T => ({ ...item, regions: item.regions.map((r, j) => resolve(r, [...path, 'regions', j])) });

  const resolved: PlanDocument = {
    ...plan,
    region: within ?? plan.region,
    chapters: plan.chapters.map((ch, c) => ({
      ...ch,
      sections: ch.sections.map((sec, s) => ({ ...sec, measures: sec.measures.map((m, k) => refs(m, ['chapters', c, 'sections', s, 'measures', k])) })),
    })),
    projects: plan.projects.map((p, i) => refs(p, ['projects', i])),
    districtDirections: plan.districtDirections.map((d, i) => ({ ...d, region: resolve(d.region, ['districtDirections', i, 'region']) })),
    bases: plan.bases.map((b, i) => refs(b, ['bases', i])),
    parks: plan.parks.map((p, i) => refs(p, ['parks', i])),
  };
  return { plan: resolved, issues };
}
