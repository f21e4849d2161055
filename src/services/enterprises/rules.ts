/**
 * The confidentiality rules as settings (environment variables), read and checked once:
 *   PLAN_MONITOR_MIN_ENTERPRISES     a published cell needs at least this many enterprises (default 3)
 *   PLAN_MONITOR_DOMINANCE_PERCENT   …and its largest enterprise may hold at most this share, % (default 85)
 * A bad value stops the process with a message naming the setting (services/settings.ts reads them at start).
 */
import { z } from 'zod';
import { DEFAULT_RULES, type ConfidentialityRules } from '../../domain/confidentiality/suppression';

const schema = z.object({
  PLAN_MONITOR_MIN_ENTERPRISES: z.coerce.number().int().min(1).max(100).default(DEFAULT_RULES.minCount),
  PLAN_MONITOR_DOMINANCE_PERCENT: z.coerce.number().gt(0).max(100).default(DEFAULT_RULES.dominancePercent),
});

export function confidentialityRules(env: NodeJS.ProcessEnv = process.env): ConfidentialityRules {
  const r = schema.safeParse({ PLAN_MONITOR_MIN_ENTERPRISES: env.PLAN_MONITOR_MIN_ENTERPRISES || undefined, PLAN_MONITOR_DOMINANCE_PERCENT: env.PLAN_MONITOR_DOMINANCE_PERCENT || undefined });
  if (!r.success) throw new Error(r.error.issues.map((i) => `setting ${i.path.join('.')}: ${i.message}`).join('\n'));
  return { minCount: r.data.PLAN_MONITOR_MIN_ENTERPRISES, dominancePercent: r.data.PLAN_MONITOR_DOMINANCE_PERCENT };
}
