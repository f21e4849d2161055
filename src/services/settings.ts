/**
 * Settings, read and checked once at start. A bad setting stops the process with a message naming it.
 *
 * PORT          HTTP port (default 3000)
 * HOST          address to listen on (default 127.0.0.1)
 * DATA_DIR      where the embedded database lives (default ./var); ignored when DATABASE_URL is set
 * DATABASE_URL  a PostgreSQL server (postgres://user:pass@host:5432/db); unset = embedded PGlite
 * PLAN_MONITOR_ADMIN  name:password of the first administrator, read only while no user exists
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DatabaseTarget } from '../db/client';

/** The project's root folder: bundled plans and regions are found from here, wherever the process starts. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default(path.join(projectRoot, 'var')),
  PLAN_MONITOR_ADMIN: z.string().optional(),
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
}

export class SettingsError extends Error {}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => `setting ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const e = parsed.data;
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
  };
}
