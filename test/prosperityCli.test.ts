/** plan-monitor prosperity, as a user runs it (a child process; output piped, so JSON by default). */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { root } from './support/paths';

const run = promisify(execFile);
const bin = path.join(root, 'bin/plan-monitor.mjs');

async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('plan-monitor prosperity', () => {
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pm-prosperity-cli-'));
    env = { DATA_DIR: path.join(dir, 'data') };
  });

  it('lists its subcommands', async () => {
    const r = await cli(['prosperity', '--help'], env);
    for (const c of ['compute', 'import', 'waves', 'panel']) expect(r.stdout).toContain(c);
  });

  it('computes the signal lights and the composite indices of the (synthetic) survey as JSON', async () => {
    const signals = await cli(['prosperity', 'compute', '--kind', 'signals', '--from', '2025-10', '--to', '2025-12'], env);
    expect(signals.code, signals.stderr).toBe(0);
    const s = JSON.parse(signals.stdout) as { synthetic: boolean; signals: { rows: Array<{ period: string; light: string }> } };
    expect(s.synthetic).toBe(true);
    expect(s.signals.rows.map((r) => r.period)).toEqual(['2025-10', '2025-11', '2025-12']);
    const composite = await cli(['prosperity', 'compute', '--kind', 'composite'], env);
    const c = JSON.parse(composite.stdout) as { composite: { indices: Array<{ group: string; level: number[] }> } };
    expect(c.composite.indices.map((g) => g.group)).toEqual(['leading', 'coincident', 'lagging']);
  }, 120_000);

  it('imports a wave’s answers: a bad cell is named by row and column and fails the command', async () => {
    const waves = JSON.parse((await cli(['prosperity', 'waves'], env)).stdout) as Array<{ period: string }>;
    expect(waves[0]?.period).toBe('2025-12');
    const file = path.join(dir, 'answers.csv');
    // A valid code (check character and all) of no enterprise in the registry.
    const stranger = withCheckChar('91440300MA5F66666');
    await writeFile(file, `统一社会信用代码,BUSINESS.current\n${stranger},上升\n`);
    const r = await cli(['prosperity', 'import', file, '--wave', '2026-01', '--dry-run'], env);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rejected: Array<{ row: number; column: string; reason: string }> };
    expect(report.rejected).toEqual([{ file: 'answers.csv', row: 2, column: '统一社会信用代码', reason: `${stranger} is not in the enterprise registry (企业名录), so not in the panel of shenzhen-services-bcs` }]);
  }, 120_000);

  it('writes every index with its inputs to Excel', async () => {
    const out = path.join(dir, 'indices.xlsx');
    const r = await cli(['prosperity', 'compute', '--xlsx', out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(out);
  }, 120_000);
});
