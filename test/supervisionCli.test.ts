/** plan-monitor tasks list | import | remind, as a user runs them (a child process on an embedded database of its own). */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './support/paths';

const run = promisify(execFile);
const bin = path.join(root, 'bin/plan-monitor.mjs');
let dir: string;

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir, REMINDER_TIME: 'off' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pm-tasks-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plan-monitor tasks', () => {
  it('imports a dispatch table (dry run first), lists the tasks with their lights, and has nothing to remind of yet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('调度表');
    ws.addRow(['规划项目', '责任单位', '报告期', '年度计划投资（万元）', '本年累计完成投资（万元）']);
    ws.addRow(['深圳歌剧院', '市文化广电旅游体育局', '2025年6月', '80000', '-5']);
    const bad = path.join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const refused = await cli(['tasks', 'import', bad, '--plan', 'shenzhen-services-14th-fyp']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ committed: false, rejected: [{ file: 'bad.xlsx', row: 2, column: '本年累计完成投资（万元）', reason: 'investment cannot be negative (-5)' }] });

    ws.getRow(2).getCell(5).value = '36000';
    const good = path.join(dir, 'good.xlsx');
    await wb.xlsx.writeFile(good);
    expect(JSON.parse((await cli(['tasks', 'import', good, '--plan', 'shenzhen-services-14th-fyp', '--dry-run'])).stdout)).toMatchObject({ dryRun: true, committed: false, counts: { new: 1 } });
    expect(JSON.parse((await cli(['tasks', 'import', good, '--plan', 'shenzhen-services-14th-fyp'])).stdout)).toMatchObject({ committed: true, counts: { new: 1 } });

    const list = await cli(['tasks', 'list', '--plan', 'shenzhen-services-14th-fyp', '--kind', 'park']);
    expect(list.code).toBe(0);
    const body = JSON.parse(list.stdout) as { tasks: Array<{ light: string; reasons: Array<{ text: { zh: string } }> }> };
    expect(body.tasks.length).toBe(26);
    expect(body.tasks[0]).toMatchObject({ light: 'grey', reasons: [{ text: { zh: '尚未交办' } }] });
    const remind = await cli(['tasks', 'remind', '--plan', 'shenzhen-services-14th-fyp']);
    expect(JSON.parse(remind.stdout)).toMatchObject({ planId: 'shenzhen-services-14th-fyp', units: [] });
    expect((await cli(['tasks', 'list', '--plan', 'shenzhen-services-14th-fyp', '--light', 'purple'])).stderr).toContain('--light must be one of green, yellow, red, grey');
  }, 180_000);
});
