/**
 * The fictional 15th-plan style plan that states every kind of target (test/fixtures/plans/every-kind-15th.yaml)
 * with its invented figures, loaded the way an operator loads them: the plan file, the figures file (imported by
 * the system, so figures of years still to come are accepted), and the planner's assessments of one qualitative
 * target through the API. Shared by the evaluation/report test and the browser test.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client';
import { SYSTEM } from '../../src/services/access/audit';
import { prepare } from '../../src/services/bootstrap';
import { importObservations } from '../../src/services/import/importObservations';
import { loadPlanFile } from '../../src/services/loadPlan';
import { fixture, plansDir, regionsDir } from './paths';

export const EVERY_KIND_PLAN = 'demo-every-kind-15th';

export async function loadEveryKindPlan(database: Database): Promise<void> {
  await prepare(database, { regionsDir, plansDir });
  expect(await loadPlanFile(database, fixture('plans/every-kind-15th.yaml'))).toMatchObject({ status: 'loaded' });
  const report = await importObservations(database, { file: fixture('data/every-kind-15th-figures.csv'), audit: SYSTEM });
  expect(report.rejected).toEqual([]);
  expect(report.committed).toBe(true);
}

/**
 * 定性评估 of 基本建成国际消费中心城市 by a planner: "进展顺利" on 2026-06-01, then the final "基本实现" on
 * 2026-12-01 (a judgement cannot be dated in the future, so both precede the plan's fictional years). The other
 * qualitative target (建成全球物流枢纽城市) is left without an assessment.
 */
export async function assessConsumptionCentre(app: FastifyInstance, planner: Record<string, string>): Promise<void> {
  const url = `/api/plans/${EVERY_KIND_PLAN}/indicators/EK_CONSUMPTION_CENTRE/assessments`;
  const first = await app.inject({ method: 'POST', url, headers: planner, payload: { targetYear: 2030, assessment: 'on_track', evidence: '示范商圈改造完成3个（虚构）', assessedOn: '2026-06-01' } });
  expect(first.statusCode, first.body).toBe(201);
  const second = await app.inject({
    method: 'POST', url, headers: planner,
    payload: { targetYear: 2030, assessment: 'largely_achieved', evidence: '国际消费中心城市评价指标达标率92%（虚构）', assessedOn: '2026-12-01' },
  });
  expect(second.statusCode, second.body).toBe(201);
}
