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

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

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
  });

  it('stops on a bad setting with a message naming it', async () => {
    const r = await cli(['db', 'migrate'], { PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('setting PORT:');
  });
});
