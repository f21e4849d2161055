/**
 * Settings, read and checked once at start. A bad setting stops the process with a message naming it.
 *
 * PORT          HTTP port (default 3000)
 * HOST          address to listen on (default 127.0.0.1)
 * DATA_DIR      where the embedded database lives (default ./var); ignored when DATABASE_URL is set
 * DATABASE_URL  a PostgreSQL server (postgres://user:pass@host:5432/db); unset = embedded PGlite
 * PLAN_MONITOR_ADMIN  name:password of the first administrator, read only while no user exists
 * PLAN_MONITOR_MIN_ENTERPRISES, PLAN_MONITOR_DOMINANCE_PERCENT  confidentiality rules (services/enterprises/rules.ts)
 * LOG_LEVEL     fatal | error | warn | info (default) | debug | trace | silent: JSON lines on standard output
 * TRUST_PROXY   unset: clients connect directly; true, a hop count, or proxy addresses (10.0.0.1,10.0.0.0/8): behind
 *               a reverse proxy, the client address and https come from X-Forwarded-For / -Proto
 * RATE_LIMIT_ANON  requests per minute per address for clients not signed in (default 600; 0 = no limit)
 * FOUR_EYES     below-admin (default) | everyone | off: who may not approve a figure they entered themselves
 * UPLOAD_MAX_MB    largest upload (default 50); UPLOAD_MAX_ROWS: most rows in one imported file (default 500000);
 *               UPLOAD_IDLE_SECONDS: an upload that sends nothing for this long is cut off (default 15)
 * RESPONSE_MAX_MB  largest answer the server sends (default 64): a larger one is refused (413), never built in full
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DatabaseTarget } from '../db/client';
import { confidentialityRules } from './enterprises/rules';
import { FOUR_EYES_RULES, type FourEyesRule } from '../domain/access/fourEyes';

/** The project's root folder: bundled plans and regions are found from here, wherever the process starts. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default(path.join(projectRoot, 'var')),
  PLAN_MONITOR_ADMIN: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): boolean | number | string[] => {
      if (v === undefined || v === '' || v === 'false') return false;
      if (v === 'true') return true;
      if (/^\d+$/.test(v)) return Number(v);
      const list = v.split(',').map((x) => x.trim()).filter(Boolean);
      if (list.every((x) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(x))) return list;
      ctx.addIssue({ code: 'custom', message: 'true, false, a hop count, or comma-separated proxy addresses (10.0.0.1,10.0.0.0/8)' });
      return false;
    }),
  RATE_LIMIT_ANON: z.coerce.number().int().min(0).max(1_000_000).default(600),
  FOUR_EYES: z.enum(FOUR_EYES_RULES).default('below-admin'),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(2048).default(50),
  UPLOAD_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(500_000),
  UPLOAD_IDLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  RESPONSE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  plansDir: string;
  regionsDir: string;
  catalogueDir: string;
  datasetsDir: string;
  /** Business-climate survey files (prosperity/*.yaml, issue 19). */
  prosperityDir: string;
  firstAdmin: string | undefined;
  enterprises: { dir: string; sample: boolean };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean | number | string[];
  /** Requests per minute per address for clients not signed in; 0: no limit. */
  rateLimitAnon: number;
  fourEyes: FourEyesRule;
  uploadMaxBytes: number;
  uploadMaxRows: number;
  uploadIdleMs: number;
  responseMaxBytes: number;
}

export class SettingsError extends Error {}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => `setting ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const e = parsed.data;
  try {
    confidentialityRules(env);
  } catch (err) {
    throw new SettingsError((err as Error).message);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { driver: 'postgres', url: e.DATABASE_URL } : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    plansDir: path.join(projectRoot, 'plans'),
    regionsDir: path.join(projectRoot, 'regions'),
    catalogueDir: path.join(projectRoot, 'catalogue'),
    datasetsDir: path.join(projectRoot, 'datasets'),
    prosperityDir: path.join(projectRoot, 'prosperity'),
    firstAdmin: e.PLAN_MONITOR_ADMIN,
    enterprises: { dir: path.join(projectRoot, 'enterprises'), sample: true },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    rateLimitAnon: e.RATE_LIMIT_ANON,
    fourEyes: e.FOUR_EYES,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    uploadMaxRows: e.UPLOAD_MAX_ROWS,
    uploadIdleMs: e.UPLOAD_IDLE_SECONDS * 1000,
    responseMaxBytes: e.RESPONSE_MAX_MB * 1024 * 1024,
  };
}

/** Settings that only the web server reads: a command that serves nothing does not stop on a bad one (issue 15). */
export const SERVER_ONLY_SETTINGS = ['PORT', 'HOST', 'LOG_LEVEL', 'TRUST_PROXY', 'RATE_LIMIT_ANON', 'UPLOAD_MAX_MB', 'UPLOAD_MAX_ROWS', 'UPLOAD_IDLE_SECONDS', 'RESPONSE_MAX_MB'] as const;

/** The settings of a command that does not serve: the server's own settings are left at their defaults. */
export function readCommandSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const rest: NodeJS.ProcessEnv = { ...env };
  for (const k of SERVER_ONLY_SETTINGS) delete rest[k];
  return readSettings(rest);
}
