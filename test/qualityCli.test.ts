/** plan-monitor quality, as a user runs it (a child process, output piped, so JSON by default). */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from './support/paths';

const run = promisify(execFile);
const bin = path.join(root, 'bin/plan-monitor.mjs');

async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('plan-monitor quality', () => {
  it('checks every figure of the bundled data and validates rule files, naming the line of a mistake', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-quality-'));
    const check = await cli(['quality', 'check', '--plan', 'shenzhen-services-14th-fyp', '--json'], { DATA_DIR: dataDir });
    expect(check.stderr).toBe('');
    const out = JSON.parse(check.stdout) as { summary: Record<string, number>; violations: Array<{ ruleId: string }>; rules: Array<{ id: string; fail: number }> };
    expect(out.summary).toEqual({ total: 4, errors: 0, warnings: 4, open: 4 });
    expect(out.violations.map((v) => v.ruleId)).toEqual(['culture-growth-levels', 'plan-share-identities', 'plan-share-identities', 'retail-growth-levels']);
    expect(out.rules.find((r) => r.id === 'gdp-three-industries')?.fail).toBe(0);

    const good = await cli(['quality', 'validate', path.join(root, 'plans/calendars/shenzhen-services-14th-fyp.yaml')], { DATA_DIR: dataDir });
    expect(JSON.parse(good.stdout)).toEqual({ file: path.join(root, 'plans/calendars/shenzhen-services-14th-fyp.yaml'), valid: true, kind: 'calendar', entries: 4 });
    const source = await readFile(path.join(root, 'catalogue/quality/shenzhen-services-14th-fyp.yaml'), 'utf8');
    const broken = path.join(dataDir, 'broken.yaml');
    await writeFile(broken, source.replace('severity: warning', 'severity: notice'));
    const bad = await cli(['quality', 'validate', broken], { DATA_DIR: dataDir });
    expect(bad.code).toBe(1);
    const line = source.split('\n').findIndex((l) => l.includes('severity: warning')) + 1;
    expect(bad.stderr.trim()).toBe(`${broken}:${line}: rules[1].severity: unknown severity "notice" (expected error | warning)`);
  });
});
