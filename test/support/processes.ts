/** Real processes for the tests that need them: the plan-monitor command and its server, as a user runs them. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { root } from './paths';

export const bin = path.join(root, 'bin/plan-monitor.mjs');
const run = promisify(execFile);

/** Runs plan-monitor with these arguments and environment; never throws, returns the exit code and output. */
export async function cli(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const child = run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, maxBuffer: 64 << 20 });
    child.child.stdin?.end(input);
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

export interface Served {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `plan-monitor serve` on a free port and waits until it says it is ready. */
export async function serve(env: Record<string, string>, timeoutMs = 180_000): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve'], { env: { ...process.env, DATABASE_URL: '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const t0 = Date.now();
  for (;;) {
    const url = /listening on (http:\/\/[^\s]+)/.exec(out)?.[1];
    if (url && out.includes('ready in')) return { child, url, output: () => out, exited };
    if (child.exitCode !== null) throw new Error(`plan-monitor serve exited with ${child.exitCode}:\n${out}`);
    if (Date.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`plan-monitor serve was not ready within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
