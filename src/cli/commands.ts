/** The CLI's commands. Each opens what it needs, does one use case, prints, and closes. */
import { zhDate } from '../domain/typography';
import { WITH_DRAFTS } from '../domain/observation/approval';
import path from 'node:path';
import { planItems } from '../domain/plan/items';
import { openPrepared } from '../services/bootstrap';
import { loadPlanFile, type LoadPlanResult } from '../services/loadPlan';
import { readPlanFile } from '../services/planFile';
import { planCheckContext } from './planContext';
import { EVERY_PLAN, plansService } from '../services/plans';
import { projectRoot, readSettings } from '../services/settings';
import { writeFile } from 'node:fs/promises';
import { parseAsOf } from '../domain/evaluation/asOf';
import type { MethodId } from '../domain/evaluation/result';
import { formatValue, NOT_AVAILABLE } from '../domain/unit/format';
import { presentEvaluation } from '../server/presenters/evaluation';
import { parseMethods } from '../server/routes/evaluation';
import { assessPlan } from '../services/evaluation/assessPlan';
import { LIGHT_LABELS, LIGHTS } from '../domain/evaluation/lights';
import { exportObservations, type ExportFormat } from '../services/export/exportObservations';
import { importObservations, type ImportReport } from '../services/import/importObservations';
import { toFilter } from '../services/observations';
import { listUsers } from '../db/access';
import type { Role } from '../domain/access/roles';
import { audit, CLI } from '../services/access/audit';
import { createUser } from '../services/access/users';
import type { PlanEvaluationDto, PlanForecastsDto, PlanSummaryDto } from '../shared/api';
import type { z } from 'zod';
import type { userDto } from '../shared/api';
import { isWide, outputLang, printTable, wantsJson, type OutputOptions } from './output';
import { modelWords } from '../shared/modelWords';
import { localFile } from './localFile';
import { startReminders } from './reminders';
import { startEngineThread } from '../services/quality/engineThread';
import { onDatabase, query, ServerError } from './target';

type UserDto = z.infer<typeof userDto>;

export async function serve(): Promise<void> {
  const started = performance.now();
  const settings = readSettings();
  // The server's modules load while the database opens: the two together make most of a warm start.
  const [{ database, report }, { buildApp }, { openAdminChannel }] = await Promise.all([openPrepared({ ...settings, prosperityDemo: true }), import('../server/app'), import('../server/adminChannel')]);
  const app = await buildApp(database, {
    log: { level: settings.logLevel },
    trustProxy: settings.trustProxy,
    rateLimitAnon: settings.rateLimitAnon,
    responseMaxBytes: settings.responseMaxBytes,
    upload: { maxBytes: settings.uploadMaxBytes, maxRows: settings.uploadMaxRows, idleMs: settings.uploadIdleMs },
    fourEyes: settings.fourEyes,
  });
  const address = await app.listen({ port: settings.port, host: settings.host });
  const reminders = await startReminders(database);
  const channel = database.folderLock
    ? await openAdminChannel(app, { dataDir: settings.dataDir, lock: database.folderLock, url: address, warn: (m) => console.warn(`  ${m}`) })
    : null;
  const where = database.driver === 'pglite' ? `embedded PGlite at ${settings.database.driver === 'pglite' ? settings.database.dataDir : settings.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`规划监测评估平台 Plan Monitor listening on ${address} — ${where}`);
  const previous = database.folderLock?.previous;
  if (previous) console.log(`  the previous holder of this database (pid ${previous.pid}, ${previous.command}) stopped without closing it; PGlite recovered from its write-ahead log`);
  for (const p of report.plans) console.log(`  plan ${p.planId}: ${p.status} (${p.indicators} indicators, ${p.items} items)`);
  for (const d of report.datasets) {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    console.log(`  data ${d.file}: ${plural(d.counts.new + d.counts.revision, 'figure')} added, ${plural(d.counts.rejected, 'row')} rejected${d.batchId !== null ? ` (report for signed-in users: GET /api/imports/${d.batchId})` : ''}`);
    for (const r of d.rejected) console.log(`    row ${r.row}, ${r.column ?? 'row'}: ${r.reason}`);
  }
  if (report.firstAdmin) console.log(`  created the first administrator "${report.firstAdmin}" from PLAN_MONITOR_ADMIN`);
  const cli = commandFor(settings);
  if (report.users === 0) {
    console.log('  no user yet: create the first administrator with');
    console.log(`    echo "<password>" | ${cli} users create --admin --username <name> --password-stdin`);
    console.log('  (or set PLAN_MONITOR_ADMIN=<name>:<password> for the first start). There is no default password.');
  }
  if (channel) console.log(`  the plan-monitor command works beside this server (it goes through ${channel.socket}), e.g. ${cli} import FILE`);
  console.log(`  ready in ${Math.round(performance.now() - started)} ms; API documentation at ${address}/api/docs`);
  // The data-quality rules of an import's rows run on a thread of their own once it is up (checks before run here).
  void startEngineThread().then((up) => {
    if (!up) console.warn("  the data-quality engine's thread did not start: the rules of an import run on the server's thread");
  });
  const stop = async () => {
    reminders?.stop();
    await channel?.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** The plan-monitor command exactly as it reaches this server's database, wherever it is typed. */
function commandFor(settings: ReturnType<typeof readSettings>): string {
  const bin = path.join(projectRoot, 'bin', 'plan-monitor.mjs');
  const env = settings.database.driver === 'pglite' ? `DATA_DIR=${shellQuote(settings.dataDir)} ` : 'DATABASE_URL=<the same URL> ';
  return `${env}node ${shellQuote(bin)}`;
}

const shellQuote = (s: string) => (/^[A-Za-z0-9_./:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export async function migrate(opts: OutputOptions): Promise<void> {
  const result = await onDatabase(
    async (database) => {
      await database.migrate();
      return { driver: database.driver, status: 'migrated' };
    },
    (server) => server.json<{ driver: string; status: string }>('POST', '/api/admin/migrate', {}),
    { prepare: false },
  );
  printTable([result], [['driver', 'Driver'], ['status', 'Status']], opts);
}

export async function validatePlan(file: string, opts: OutputOptions & { database?: boolean }): Promise<void> {
  const { ctx, against } = await planCheckContext(opts.database === true);
  const { plan } = await readPlanFile(file, ctx);
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
    [['what', `${plan.id}: valid (checked against ${against})`], ['n', 'Count']],
    opts,
    { file, planId: plan.id, valid: true, checkedAgainst: against, counts },
  );
}

export async function loadPlan(file: string, opts: OutputOptions): Promise<void> {
  const abs = path.resolve(file);
  const result = await onDatabase(
    (database) => loadPlanFile(database, abs),
    (server) => server.json<LoadPlanResult>('POST', '/api/admin/plans/load', { file: abs }),
  );
  printTable([{ ...result }], [['planId', 'Plan'], ['status', 'Status'], ['indicators', 'Indicators'], ['items', 'Items']], opts, result);
}

export async function listPlans(opts: OutputOptions): Promise<void> {
  const plans = await onDatabase(
    async (database) => (await plansService.list(database, EVERY_PLAN)) as PlanSummaryDto[],
    (server) => server.json<PlanSummaryDto[]>('GET', '/api/plans'),
  );
  printTable(
    plans.map((p) => ({ id: p.id, name: p.name.zh, period: `${p.period.start}–${p.period.end}`, loadedAt: p.loadedAt })),
    [['id', 'ID'], ['name', '名称'], ['period', 'Period'], ['loadedAt', 'Loaded']],
    opts,
    plans,
  );
}

export async function importFile(file: string, opts: OutputOptions & { dryRun?: boolean; skipInvalid?: boolean; mapping?: string; within?: string }): Promise<void> {
  const what = {
    file: await localFile(file),
    dryRun: opts.dryRun === true,
    within: opts.within ?? null,
    onError: opts.skipInvalid ? ('skip' as const) : ('reject' as const),
    ...(opts.mapping ? { mapping: JSON.parse(opts.mapping) as Record<string, string> } : {}),
  };
  const report = await onDatabase(
    (database) => importObservations(database, { ...what, audit: CLI_ACTOR }),
    (server) => server.json<ImportReport>('POST', '/api/admin/import', what, [403, 422]),
  );
  if (wantsJson(opts)) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const verdict = report.committed ? `committed (batch ${report.batchId})` : report.dryRun ? 'dry run: nothing written' : 'nothing written';
    const encoding = report.encoding ? ` [${report.encoding === 'gb18030' ? 'GBK/GB18030 (not UTF-8)' : report.encoding === 'utf-8-bom' ? 'UTF-8 with BOM' : 'UTF-8'}]` : '';
    console.log(`${report.file}${encoding}: ${report.rows} rows — new ${report.counts.new}, revision ${report.counts.revision}, unchanged ${report.counts.unchanged}, rejected ${report.counts.rejected}; ${verdict}`);
    for (const e of report.errors) console.log(`  error: ${e}`);
    printTable(
      report.rejected.map((r) => ({ ...r })),
      [['row', 'Row'], ['column', 'Column'], ['reason', 'Reason']],
      { json: false },
    );
  }
  if (report.errors.length > 0 || (report.counts.rejected > 0 && !report.committed)) process.exitCode = 1;
}

export async function exportFile(opts: { format?: string; plan?: string; indicator?: string; region?: string; from?: string; to?: string; output?: string; includeDrafts?: boolean }): Promise<void> {
  const format = (opts.format ?? 'csv') as ExportFormat;
  if (!['csv', 'xlsx', 'sdmx'].includes(format)) throw new Error(`unknown format "${format}" (csv, xlsx, sdmx)`);
  const file = await onDatabase(
    async (database) => {
      const split = (s?: string) => (s ? s.split(',').map((x) => x.trim()) : undefined);
      const filter = await toFilter(database, {
        indicator: split(opts.indicator), region: split(opts.region), from: opts.from, to: opts.to, plan: opts.plan,
        ...(opts.includeDrafts ? {} : { state: ['approved'] as const }),
      });
      return exportObservations(database, { ...filter, format });
    },
    async (server) => {
      const q = query({ format, plan: opts.plan, indicator: opts.indicator, region: opts.region, from: opts.from, to: opts.to, state: opts.includeDrafts ? undefined : 'approved' });
      const res = await server.request('GET', `/api/observations/export${q}`);
      if (res.status !== 200) throw new ServerError(res.status, (JSON.parse(res.body.toString('utf8')) as { error: string }).error);
      return { body: res.body, rows: Number(res.headers['x-figure-count'] ?? 0) };
    },
  );
  if (opts.output) {
    await writeFile(opts.output, file.body);
    console.error(`${file.rows} figures written to ${opts.output}`);
  } else process.stdout.write(file.body);
}

export async function evaluate(opts: OutputOptions & { plan: string; asOf: string; method?: string; region?: string; includeDrafts?: boolean }): Promise<void> {
  const asOf = parseAsOf(opts.asOf);
  if (!asOf.ok) throw new Error(asOf.error);
  const methods = parseMethods(opts.method?.split(',').map((m) => m.trim()));
  const { evaluation: result, lights: lightList } = await onDatabase(
    async (database) => {
      const { evaluation, forecasts } = await assessPlan(database, opts.plan, {
        asOf: asOf.value, methods, ...(opts.region ? { regionCode: opts.region } : {}),
        states: opts.includeDrafts ? WITH_DRAFTS : ['approved'],
      });
      return { evaluation: presentEvaluation(evaluation), lights: forecasts.lights };
    },
    async (server) => {
      const id = encodeURIComponent(opts.plan);
      const common = { asOf: opts.asOf, region: opts.region, includeDrafts: opts.includeDrafts };
      const [evaluation, forecasts] = await Promise.all([
        server.json<PlanEvaluationDto>('GET', `/api/plans/${id}/evaluation${query({ ...common, method: opts.method })}`),
        server.json<PlanForecastsDto>('GET', `/api/plans/${id}/forecasts${query(common)}`),
      ]);
      return { evaluation, lights: forecasts.lights };
    },
  );
  const lights = new Map(lightList.map((x) => [x.indicatorCode, x]));
  if (wantsJson(opts)) {
    process.stdout.write(`${JSON.stringify({ ...result, lights: lightList }, null, 2)}\n`);
    return;
  }
  // In the language of the command (--lang, else the locale).
  const lang = outputLang();
  const zh = lang === 'zh';
  const rows = result.indicators.map((i) => {
    const light = lights.get(i.indicator.code)?.light ?? i.standing.light;
    return {
      no: i.indicator.number,
      indicator: i.indicator.name[lang],
      baseline: i.baseline ? formatValue(round(i.baseline.value), i.indicator.unit, lang) + (zh ? `（${i.baseline.year}${i.baseline.from === 'plan' ? '' : '，取自统计数据'}）` : ` (${i.baseline.year}${i.baseline.from === 'plan' ? '' : ', from the statistics'})`) : NOT_AVAILABLE[lang],
      latest: i.latest ? formatValue(round(i.latest.value), i.indicator.unit, lang) + (zh ? `（${i.latest.year}${i.latest.derivation ? '，推算' : ''}）` : ` (${i.latest.year}${i.latest.derivation ? ', derived' : ''})`) : NOT_AVAILABLE[lang],
      target: i.indicator.target?.printed ?? i.indicator.growthTarget?.printed ?? '—',
      light: LIGHT_LABELS[light][lang],
      standing: i.standing.label[lang],
      ...Object.fromEntries(methods.map((m) => [m, i.results[m]?.label[lang] ?? '—'])),
    };
  });
  const counts = LIGHTS.map((k) => (zh ? `${LIGHT_LABELS[k].zh} ${[...lights.values()].filter((x) => x.light === k).length} 项` : `${LIGHT_LABELS[k].en} ${[...lights.values()].filter((x) => x.light === k).length}`)).join(zh ? '，' : ', ');
  console.log(
    zh
      ? `评估基准：截至${zhDate(result.asOf.text)}${result.asOf.publishedBy ? `（仅计${zhDate(result.asOf.publishedBy)}前发布的数据）` : ''}；${counts}`
      : `As of ${result.asOf.text}${result.asOf.publishedBy ? ` (only figures published by ${result.asOf.publishedBy})` : ''}; ${counts}`,
  );
  printTable(rows, [['no', '序号'], ['indicator', '指标'], ['baseline', '基期值'], ['latest', '最新值'], ['target', '目标值'], ['light', '信号灯'], ['standing', '评估结论'], ...(isWide() ? methods.map((m) => [m, METHOD_NAMES[m]] as [string, string]) : [])], { json: false });
}

const round = (v: number) => Math.round(v * 100) / 100;
const METHOD_NAMES: Record<MethodId, string> = { time_proportional: '序时进度', cagr_ratio: 'Open SDG', unsd_projection: 'UNSD', escap_anticipated: 'ESCAP' };

async function readStdinLine(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0] ?? '';
}

export async function createUserCommand(opts: OutputOptions & { username: string; admin?: boolean; role?: string; region?: string; department?: string; displayName?: string; passwordStdin?: boolean }): Promise<void> {
  const password = opts.passwordStdin ? await readStdinLine() : process.env.PLAN_MONITOR_PASSWORD;
  if (!password) throw new Error('give the password on standard input (--password-stdin) or in PLAN_MONITOR_PASSWORD; there is no default password');
  const role = (opts.admin ? 'admin' : (opts.role ?? 'viewer')) as Role;
  const spec = {
    username: opts.username,
    password,
    role,
    ...(opts.displayName ? { displayName: opts.displayName } : {}),
    regions: opts.region ? opts.region.split(',').map((r) => r.trim()) : [],
    departments: opts.department ? opts.department.split(',').map((r) => r.trim()) : [],
  };
  const user = await onDatabase(
    (database) =>
      database.db.transaction(async (tx) => {
        const u = await createUser({ ...database, db: tx }, spec);
        await audit(tx, CLI_ACTOR, { action: 'user_created', entity: 'user', entityId: u.username, newValue: { role: u.role, regions: u.regionScope, via: 'cli' } });
        return u;
      }),
    (server) => server.json<UserDto>('POST', '/api/users', spec),
  );
  printTable([{ username: user.username, role: user.role, regions: user.regionScope }], [['username', 'User'], ['role', 'Role'], ['regions', 'Regions']], opts);
}

export async function listUsersCommand(opts: OutputOptions): Promise<void> {
  const users = await onDatabase(
    async (database) => (await listUsers(database.db)).map(({ passwordHash: _omit, ...u }): UserDto => u),
    (server) => server.json<UserDto[]>('GET', '/api/users'),
  );
  printTable(users.map((u) => ({ username: u.username, role: u.role, regions: u.regionScope, disabled: u.disabled })), [['username', 'User'], ['role', 'Role'], ['regions', 'Regions'], ['disabled', 'Disabled']], opts, users);
}

/** Someone at the server's console: trusted with the database itself. */
const CLI_ACTOR = CLI;

export async function forecast(opts: OutputOptions & { plan: string; asOf: string; region?: string; redBelow?: string; yellowBelow?: string; redWhenBehind?: boolean }): Promise<void> {
  const { forecastPlan } = await import('../services/forecast/forecastPlan');
  const { DEFAULT_WARNING_RULES } = await import('../domain/forecast/warning');
  const rules = {
    redBelow: opts.redBelow === undefined ? DEFAULT_WARNING_RULES.redBelow : Number(opts.redBelow),
    yellowBelow: opts.yellowBelow === undefined ? DEFAULT_WARNING_RULES.yellowBelow : Number(opts.yellowBelow),
    redWhenBehind: opts.redWhenBehind ?? DEFAULT_WARNING_RULES.redWhenBehind,
  };
  const result = await onDatabase(
    (database) => forecastPlan(database, opts.plan, { asOf: opts.asOf, rules, ...(opts.region ? { regionCode: opts.region } : {}) }),
    (server) => server.json<PlanForecastsDto>('GET', `/api/plans/${encodeURIComponent(opts.plan)}/forecasts${query({ asOf: opts.asOf, region: opts.region, redBelow: rules.redBelow, yellowBelow: rules.yellowBelow, redWhenBehind: rules.redWhenBehind })}`),
  );
  if (wantsJson(opts)) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  // In the language of the command (--lang, else the locale); the model in words, not in notation.
  const lang = outputLang();
  const LEVEL = lang === 'zh' ? ({ red: '红', yellow: '黄', green: '绿', none: '—' } as const) : ({ red: 'red', yellow: 'yellow', green: 'green', none: '—' } as const);
  const rows = result.indicators.map((i) => ({
    indicator: i.name[lang],
    model: i.model ? modelWords(i.model, i.modelNotes.map((n) => n.text))[lang] : (i.reason?.[lang] ?? '—'),
    forecast: i.atTarget ? `${formatValue(round(i.atTarget.point), i.unit, lang)}${lang === 'zh' ? `（${i.atTarget.year}年）` : ` (${i.atTarget.year})`}` : '—',
    interval: i.atTarget ? `${round(i.atTarget.lo80)}—${round(i.atTarget.hi80)}` : '—',
    target: i.target === null ? '—' : formatValue(round(i.target), i.unit, lang),
    probability: i.probability === null ? '—' : `${Math.round(i.probability * 100)}%`,
    warning: LEVEL[i.warning.level],
  }));
  console.log(lang === 'zh' ? `预测基准：截至${zhDate(result.asOf)}${opts.region ? `；地区 ${opts.region}` : ''}` : `Forecasts as of ${result.asOf}${opts.region ? `, region ${opts.region}` : ''}`);
  printTable(rows, [['indicator', '指标'], ['model', '模型'], ['forecast', '目标年预测'], ['interval', '80%区间'], ['target', '目标值'], ['probability', '达标概率'], ['warning', '预警']], { json: false });
  for (const i of result.indicators) if (i.warning.level !== 'none') console.log(lang === 'zh' ? `【${LEVEL[i.warning.level]}】${i.warning.sentence.zh}` : `[${LEVEL[i.warning.level]}] ${i.warning.sentence.en}`);
}

export async function backtestFile(file: string, opts: OutputOptions & { horizon?: string; minTrain?: string; method?: string }): Promise<void> {
  const { readSeriesFile } = await import('../services/forecast/seriesFile');
  const { backtestSeries } = await import('../services/forecast/backtestPlan');
  const { FORECAST_METHOD_IDS } = await import('../services/forecast/methods');
  const series = await readSeriesFile(file);
  const methods = opts.method?.split(',').map((m) => m.trim());
  const unknown = methods?.filter((m) => !(FORECAST_METHOD_IDS as string[]).includes(m)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown method ${unknown.join(', ')} (methods: ${FORECAST_METHOD_IDS.join(', ')})`);
  const result = backtestSeries(series.values, {
    m: series.m,
    ...(opts.horizon ? { horizon: Number(opts.horizon) } : {}),
    ...(opts.minTrain ? { minTrain: Number(opts.minTrain) } : {}),
    ...(methods ? { methods: methods as typeof FORECAST_METHOD_IDS } : {}),
  });
  if (wantsJson(opts)) {
    process.stdout.write(`${JSON.stringify({ file, frequency: series.m, first: series.periods[0], last: series.periods[series.periods.length - 1], ...result }, null, 2)}\n`);
    return;
  }
  if (result.reason) throw new Error(result.reason.en);
  const fmt = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
  console.log(`${file}: ${result.values} values (${series.periods[0]}–${series.periods[series.periods.length - 1]}), rolling origin from ${result.minTrain}, horizon ${result.horizon}`);
  printTable(
    result.methods.map((r) => ({
      method: r.method,
      smape: fmt(r.accuracy.smape),
      mase: fmt(r.accuracy.mase, 3),
      c80: r.accuracy.coverage80 === null ? '—' : `${Math.round(r.accuracy.coverage80 * 100)}%`,
      c95: r.accuracy.coverage95 === null ? '—' : `${Math.round(r.accuracy.coverage95 * 100)}%`,
      n: r.accuracy.count,
      failed: r.failures,
    })),
    [['method', 'method'], ['smape', 'sMAPE %'], ['mase', 'MASE'], ['c80', '80% coverage'], ['c95', '95% coverage'], ['n', 'pairs'], ['failed', 'origins failed']],
    { json: false },
  );
}
