#!/usr/bin/env node
// Builds the web app (Vite) into .cache/web when it is missing or older than its sources: runs on `npm ci`
// (prepare) and at `plan-monitor serve`, so a start pays only a scan of file dates, never a build it does not need.
// `--force` builds regardless.
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const webDir = path.join(root, '.cache', 'web');
const stamp = path.join(webDir, '.built');

function newest(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs;
  let n = 0;
  for (const entry of readdirSync(p)) n = Math.max(n, newest(path.join(p, entry)));
  return n;
}

/** True when the build is missing or a source it depends on is newer than it. */
export function webIsStale() {
  if (!existsSync(stamp) || !existsSync(path.join(webDir, 'index.html'))) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'].map((p) => newest(path.join(root, p)));
  return Math.max(...sources) > built;
}

export async function buildWeb({ log = console.error } = {}) {
  const t0 = performance.now();
  // The stamp carries the time the build started: a source saved while Vite was still reading counts as newer.
  const startedAt = new Date();
  log('building the web app (vite) into .cache/web …');
  const { build } = await import('vite');
  // Always the production build (React and Ant Design without their development checks), even when called from a
  // test runner that has set NODE_ENV=test.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'src/web'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
  writeFileSync(stamp, startedAt.toISOString());
  utimesSync(stamp, startedAt, startedAt);
  log(`web app built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export async function ensureWeb(opts) {
  if (webIsStale()) await buildWeb(opts);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--force')) await buildWeb();
    else await ensureWeb();
  } catch (e) {
    console.error(`web build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
