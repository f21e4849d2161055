/** The plan-monitor command, as a user runs it (a child process, output piped, so JSON by default). */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundledPlan, fixture, root } from './support/paths';

const run = promisify(execFile);
const bin = path.join(root, 'bin/plan-monitor.mjs');

async function cli(args: string[], env: Record<string, string> = {}, input?: string) {
  try {
    const child = run(process.execPath, [bin, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' } });
    if (input !== undefined) {
      child.child.stdin?.write(input);
      child.child.stdin?.end();
    } else child.child.stdin?.end();
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// A first start on a fresh folder migrates and loads the bundled plan and data: minutes on a busy machine.
const COLD_START_MS = 240_000;

describe('plan-monitor CLI', () => {
  it('prints help for every command', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const c of ['serve', 'db', 'plan']) expect(top.stdout).toContain(c);
    const plan = await cli(['plan', '--help']);
    for (const c of ['validate', 'load', 'list']) expect(plan.stdout).toContain(c);
  });

  it('validates the bundled plan and prints JSON when piped', async () => {
    const r = await cli(['plan', 'validate', bundledPlan]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ planId: 'shenzhen-services-14th-fyp', valid: true, counts: { indicators: 9, measures: 58, projects: 73, parks: 26 } });
  });

  it('rejects a broken plan with file, line, field and reason, exit status 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pm-cli-'));
    const file = path.join(dir, 'broken.yaml');
    const text = await readFile(fixture('plans/fictional-15th.yaml'), 'utf8');
    await writeFile(file, text.replace('numerator: DEMO_GREEN_VA', 'numerator: DEMO_MISSING'));
    const r = await cli(['plan', 'validate', file]);
    expect(r.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('numerator: DEMO_GREEN_VA')) + 1;
    expect(r.stderr.trim()).toBe(`${file}:${line}: indicators[1].share.numerator: share numerator "DEMO_MISSING" is not an indicator of this plan`);
  });

  it('loads a plan into an embedded database on disk, idempotently', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-data-'));
    const first = await cli(['plan', 'load', fixture('plans/fictional-15th.yaml')], { DATA_DIR: dataDir });
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ planId: 'demo-eco-15th-fyp', status: 'loaded' });
    const second = await cli(['plan', 'load', fixture('plans/fictional-15th.yaml')], { DATA_DIR: dataDir });
    expect(JSON.parse(second.stdout)).toMatchObject({ planId: 'demo-eco-15th-fyp', status: 'unchanged' });
    const list = await cli(['plan', 'list'], { DATA_DIR: dataDir });
    expect((JSON.parse(list.stdout) as Array<{ id: string }>).map((p) => p.id).sort()).toEqual(['demo-eco-15th-fyp', 'shenzhen-services-14th-fyp']);
  }, COLD_START_MS);

  it('creates the first administrator from standard input, never with a default password', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-users-'));
    const none = await cli(['users', 'create', '--admin', '--username', 'chief'], { DATA_DIR: dataDir, PLAN_MONITOR_PASSWORD: '' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('there is no default password');
    const weak = await cli(['users', 'create', '--admin', '--username', 'chief', '--password-stdin'], { DATA_DIR: dataDir }, 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: at least 12 characters');
    const made = await cli(['users', 'create', '--admin', '--username', 'chief', '--password-stdin'], { DATA_DIR: dataDir }, 'Shenzhen-Plan-2025!\n');
    expect(made.stderr).toBe('');
    expect(JSON.parse(made.stdout)).toEqual([{ username: 'chief', role: 'admin', regions: [] }]);
    const list = await cli(['users', 'list'], { DATA_DIR: dataDir });
    const users = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(users.map((u) => u.username)).toEqual(['chief']);
    expect(users[0]).not.toHaveProperty('passwordHash');
  }, COLD_START_MS);

  it('stops on a bad setting with a message naming it; only serve reads the server\'s own settings (issue 15)', async () => {
    const r = await cli(['serve'], { PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('setting PORT:');
    const db = await cli(['db', 'migrate'], { FOUR_EYES: 'nobody' });
    expect(db.code).toBe(1);
    expect(db.stderr).toContain('setting FOUR_EYES:');
    const list = await cli(['plan', 'list', '--json'], { PORT: 'eighty' });
    expect(list.code, list.stderr).toBe(0);
    const version = await cli(['--version'], {});
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
