/** The CLI's commands. Each opens what it needs, does one use case, prints, and closes. */
import path from 'node:path';
import { openDatabase } from '../db/client';
import { planItems } from '../domain/plan/items';
import { openPrepared } from '../services/bootstrap';
import { loadPlanFile } from '../services/loadPlan';
import { readPlanFile, readRegionFile } from '../services/planFile';
import { plansService } from '../services/plans';
import { readSettings } from '../services/settings';
import { printTable, type OutputOptions } from './output';

export async function serve(): Promise<void> {
  const started = performance.now();
  const settings = readSettings();
  // The server's modules load while the database opens: the two together make most of a warm start.
  const [{ database, report }, { buildApp }] = await Promise.all([openPrepared(settings), import('../server/app')]);
  const app = await buildApp(database);
  const address = await app.listen({ port: settings.port, host: settings.host });
  const where = database.driver === 'pglite' ? `embedded PGlite at ${settings.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`规划监测评估平台 Plan Monitor listening on ${address} — ${where}`);
  for (const p of report.plans) console.log(`  plan ${p.planId}: ${p.status} (${p.indicators} indicators, ${p.items} items)`);
  console.log(`  ready in ${Math.round(performance.now() - started)} ms; API documentation at ${address}/api/docs`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export async function migrate(opts: OutputOptions): Promise<void> {
  const settings = readSettings();
  const database = await openDatabase(settings.database);
  try {
    await database.migrate();
    printTable([{ driver: database.driver, status: 'migrated' }], [['driver', 'Driver'], ['status', 'Status']], opts);
  } finally {
    await database.close();
  }
}

async function knownRegionCodes(): Promise<Set<string>> {
  const settings = readSettings();
  const codes = new Set<string>();
  const { readdir } = await import('node:fs/promises');
  for (const name of (await readdir(settings.regionsDir)).filter((n) => /\.ya?ml$/.test(n))) {
    for (const r of await readRegionFile(path.join(settings.regionsDir, name))) codes.add(r.code);
  }
  return codes;
}

export async function validatePlan(file: string, opts: OutputOptions): Promise<void> {
  const { plan } = await readPlanFile(file, await knownRegionCodes());
  const items = planItems(plan);
  const count = (kind: string) => items.filter((i) => i.kind === kind).length;
  const counts = {
    indicators: plan.indicators.filter((i) => i.system).length,
    supportingIndicators: plan.indicators.filter((i) => !i.system).length,
    chapters: count('chapter'),
    sections: count('section'),
    measures: count('measure'),
    projects: count('project'),
    districtDirections: count('district_direction'),
    bases: count('base'),
    parks: count('park'),
  };
  printTable(
    Object.entries(counts).map(([what, n]) => ({ what, n })),
    [['what', `${plan.id}: valid`], ['n', 'Count']],
    opts,
    { file, planId: plan.id, valid: true, counts },
  );
}

export async function loadPlan(file: string, opts: OutputOptions): Promise<void> {
  const settings = readSettings();
  const { database } = await openPrepared(settings);
  try {
    const result = await loadPlanFile(database, path.resolve(file));
    printTable([{ ...result }], [['planId', 'Plan'], ['status', 'Status'], ['indicators', 'Indicators'], ['items', 'Items']], opts, result);
  } finally {
    await database.close();
  }
}

export async function listPlans(opts: OutputOptions): Promise<void> {
  const settings = readSettings();
  const { database } = await openPrepared(settings);
  try {
    const plans = await plansService.list(database);
    printTable(
      plans.map((p) => ({ id: p.id, name: p.name.zh, period: `${p.period.start}–${p.period.end}`, loadedAt: p.loadedAt })),
      [['id', 'ID'], ['name', '名称'], ['period', 'Period'], ['loadedAt', 'Loaded']],
      opts,
      plans,
    );
  } finally {
    await database.close();
  }
}
