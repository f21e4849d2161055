/**
 * The rule results of given figures (the approvals queue shows them per figure): every rule that reads each figure,
 * run against the approved figures, with the acknowledgement of each warning.
 */
import type { Database } from '../../db/client';
import { listObservations } from '../../db/observations';
import { acknowledgementsOf } from '../../db/quality';
import { compareResults, type RuleResult } from '../../domain/quality/result';
import type { LocalizedText } from '../../domain/text';
import { checkAgainstApproved, checkEnvironment } from './check';
import { asQualityFigure } from './gate';

export interface FigureQuality {
  observationId: number;
  results: Array<RuleResult & { ruleName: LocalizedText; acknowledgement: { by: string | null; at: string; comment: string } | null }>;
}

export async function figuresQuality(database: Database, ids: readonly number[]): Promise<FigureQuality[]> {
  const db = database.db;
  const figures = await listObservations(db, { ids });
  const env = await checkEnvironment(db, database.driver);
  const { results } = await checkAgainstApproved(db, env, figures.map(asQualityFigure), [], 'all');
  const acknowledged = await acknowledgementsOf(db, [...new Set(results.filter((r) => r.outcome === 'fail' && r.severity === 'warning').map((r) => r.key))]);
  const names = new Map(env.rules.map((r) => [r.rule.id, r.rule.name]));
  return figures.map((f) => ({
    observationId: f.id,
    results: results
      .filter((r) => r.subjectId === f.id)
      .sort(compareResults)
      .map((r) => ({ ...r, ruleName: names.get(r.ruleId) ?? { zh: r.ruleId, en: r.ruleId }, acknowledgement: r.outcome === 'fail' ? (acknowledged.get(r.key) ?? null) : null })),
  }));
}
