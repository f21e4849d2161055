/**
 * `plan-monitor enterprises import|aggregate` beside a running server that holds the embedded folder: the command
 * goes through the server's admin channel (as the operator, `cli`), the server commits, and the aggregate it prints
 * holds the new enterprise's figure. Directly (no server) the same commands open the folder themselves. The period
 * (2023) is before the synthetic sample's first month, so the cell holds the test's enterprise alone.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withCheckChar } from '../src/domain/enterprise/uscc';
import { cli, serve, type Served } from './support/processes';

const A = withCheckChar('91440305CLNCLN001');
const FILE = [
  '统一社会信用代码,单位名称,行业代码,区划代码,规模以上,成立日期,统计期,指标,数值',
  `${A},命令行测试软件有限公司,6513,南山区,是,2015-03-01,2023-01~03,营业收入,1234.5`,
].join('\n');

const started: Served[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const s of started) s.child.kill('SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

interface AggregateJson {
  enterprises: { total: number };
  cells: Array<{ industry: string; region: string; count: number; total: number | null }>;
}

describe('plan-monitor enterprises beside a running server', () => {
  it('imports through the server and prints the aggregate with the new figure; directly once the server is gone', { timeout: 600_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-ent-cli-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir };
    const file = path.join(dataDir, 'enterprise.csv');
    await writeFile(file, FILE);
    const server = await serve(env);
    started.push(server);

    const imported = await cli(['enterprises', 'import', file, '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ committed: true, counts: { newEnterprises: 1, newFigures: 1 } });

    const aggregate = await cli(['enterprises', 'aggregate', '--item', 'REVENUE', '--period', '2023年1-3月', '--industry', '6513', '--region', '440305', '--json'], env);
    expect(aggregate.code, aggregate.stderr).toBe(0);
    const cell = (JSON.parse(aggregate.stdout) as AggregateJson).cells.find((c) => c.industry === '6513' && c.region === '440305');
    // The operator sees the single enterprise's value (the public would not: one enterprise).
    expect(cell).toMatchObject({ count: 1, total: 1234.5 });

    server.child.kill('SIGTERM');
    await server.exited;
    const again = await cli(['enterprises', 'import', file, '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    // Idempotent: the same file again changes nothing.
    expect(JSON.parse(again.stdout)).toMatchObject({ committed: false, counts: { newFigures: 0, unchangedFigures: 1 } });
  });
});
