/**
 * The database handle as the reports see it. Reports may not import db/ (docs/ARCHITECTURE.md): they take whatever
 * the services take, named here once.
 */
import type { evaluatePlan } from '../services/evaluation/evaluatePlan';

export type Database = Parameters<typeof evaluatePlan>[0];
