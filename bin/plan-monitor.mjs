#!/usr/bin/env node
// The `plan-monitor` command. Our TypeScript is bundled once into .cache/build/plan-monitor.mjs (packages stay
// external and load natively) and rebuilt when any source file is newer, so a start pays neither a TypeScript
// loader nor per-file transpiling. If the bundle cannot be built, tsx runs the sources directly.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Two folders deep, like src/<layer>/<file>.ts, so that paths the code resolves from import.meta.url still hold.
const bundle = path.join(root, '.cache', 'build', 'plan-monitor.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // src/web is the browser app, built by Vite (scripts/build-web.mjs), not part of this bundle.
    if (entry.isDirectory()) newest = entry.name === 'web' && dir.endsWith('src') ? newest : Math.max(newest, newestSource(full));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  let built = 0;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    // not built yet
  }
  if (built > newestSource(path.join(root, 'src')) && built > statSync(path.join(root, 'package.json')).mtimeMs) return true;
  try {
    const { build } = await import('esbuild');
    const dir = path.dirname(bundle);
    mkdirSync(path.dirname(dir), { recursive: true });
    const tmp = `${dir}.${process.pid}.tmp`;
    const old = `${dir}.${process.pid}.old`;
    await build({
      // The data-quality engine's thread loads its own entry (src/services/quality/engineThread.ts).
      entryPoints: { 'plan-monitor': path.join(root, 'src/cli/main.ts'), 'engine-worker': path.join(root, 'src/services/quality/engineWorker.ts') },
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      // Code splitting keeps what a command loads with import() — the HTTP server, reports with ECharts and
      // exceljs, ARIMA — in chunks of their own, so a start does not load every package the program can use.
      splitting: true,
      chunkNames: 'chunk-[hash]',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    // Swap folders: a concurrent start sees the old build or the new one (a rename each), never half of one.
    try {
      renameSync(dir, old);
    } catch {
      // no earlier build
    }
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

// `serve` also serves the web app: rebuild it first only when its sources are newer than the build.
if (process.argv[2] === 'serve') {
  try {
    const { ensureWeb } = await import('../scripts/build-web.mjs');
    await ensureWeb();
  } catch (e) {
    console.error(`the web app could not be built (${e instanceof Error ? e.message : String(e)}); serving the API only`);
  }
}

if (await ensureBundle()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
