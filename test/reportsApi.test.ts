/**
 * Reports through the HTTP API and the CLI: the file for a signed-in user (401 for the public), the draft to edit,
 * the file built from the edited draft, clear 400s, and — with no Chromium — PDF refused with 503 and how to
 * install it, while Word (with its charts, drawn without a browser) and Excel still work.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { prepare } from '../src/services/bootstrap';
import type { ReportDraftDto } from '../src/shared/api';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';
import { docxPart, docxText, xlsxSheets } from './support/reportText';
import { signIn } from './support/session';

const URL_FINAL = '/api/plans/shenzhen-services-14th-fyp/reports/final';

/** Runs `fn` as if Chromium were not installed (CHROMIUM_PATH pointing nowhere), then restores the setting. */
async function withoutChromium<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = path.join(tmpdir(), 'no-such-chromium');
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = before;
  }
}

describe.each(drivers)('report API on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let viewer: { cookie: string; 'x-csrf-token': string };

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
    app = await buildApp(database);
    viewer = await signIn(app, database, 'leader', 'viewer');
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('sends the Word file to a signed-in user and refuses the public', async () => {
    expect((await app.inject({ method: 'GET', url: `${URL_FINAL}?asOf=2025` })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: `${URL_FINAL}?asOf=2025&format=docx`, headers: { cookie: viewer.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="shenzhen-services-14th-fyp-final-2025-zh.docx"');
    const text = docxText(res.rawPayload);
    expect(text).toContain('深圳市服务业发展“十四五”规划总结评估报告');
    // The bundled data end in 2023: the final verdicts wait for the 2025 figures, saying what is known.
    expect(text).toContain('服务业增加值2025年数值尚未取得，暂无法对“突破2.5万亿元”的目标作出终期判断：请导入2025年数值（统计公报一般于次年上半年发布）；最新数据为2023年的21566.38亿元（为目标的86.3%）。');
  }, 60_000);

  it('gives the draft for editing and builds the file from the edited sections', async () => {
    const res = await app.inject({ method: 'GET', url: `${URL_FINAL}/draft?asOf=2025`, headers: { cookie: viewer.cookie } });
    expect(res.statusCode).toBe(200);
    const draft = res.json<ReportDraftDto>();
    expect(draft.title).toBe('深圳市服务业发展“十四五”规划总结评估报告');
    expect(draft.sections.map((s) => s.heading)).toEqual(['一、总体情况', '二、主要指标完成情况', '三、重点任务推进情况', '四、重大项目进展', '五、存在的问题', '六、下一步工作建议']);
    expect(draft.sections[0]?.text).toContain('规划指标体系共9项指标，2025年数值均尚未取得，暂无法作出终期判断。');
    const overview = `${draft.sections[0]?.text ?? ''}\n领导批示：请各单位抓好落实。`;
    const edited = await app.inject({ method: 'POST', url: `${URL_FINAL}?asOf=2025&format=xlsx`, headers: viewer, payload: { sections: [{ id: 'overview', text: overview }] } });
    expect(edited.statusCode, edited.body).toBe(200);
    const sheets = await xlsxSheets(edited.rawPayload);
    const text = (sheets.get('报告正文') ?? []).flat().join('\n');
    expect(text).toContain('领导批示：请各单位抓好落实。');
    expect(text).toContain('规划指标体系共9项指标，2025年数值均尚未取得，暂无法作出终期判断。');
    // The table still comes from the evaluation: no 2025 value yet, said in words, never 0.
    expect((sheets.get('主要指标完成情况') ?? []).find((r) => r[1] === 'TERTIARY_VA')?.[7]).toBe('数据暂缺');
  }, 60_000);

  it('answers 400 naming the field for a bad section, kind, format or as-of; 404 for an unknown plan', async () => {
    const bad = await app.inject({ method: 'POST', url: `${URL_FINAL}?format=xlsx`, headers: viewer, payload: { sections: [{ id: 'foreword', text: 'x' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: string }>().error).toContain('sections[].id "foreword"');
    expect((await app.inject({ method: 'GET', url: '/api/plans/shenzhen-services-14th-fyp/reports/weekly', headers: { cookie: viewer.cookie } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `${URL_FINAL}?format=odt`, headers: { cookie: viewer.cookie } })).statusCode).toBe(400);
    const asOf = await app.inject({ method: 'GET', url: `${URL_FINAL}?asOf=twenty&format=xlsx`, headers: { cookie: viewer.cookie } });
    expect(asOf.statusCode).toBe(400);
    expect(asOf.json<{ error: string }>().error).toContain('as-of "twenty"');
    expect((await app.inject({ method: 'GET', url: '/api/plans/no-plan/reports/final?format=xlsx', headers: { cookie: viewer.cookie } })).statusCode).toBe(404);
  }, 60_000);

  it('refuses PDF with 503 and how to install Chromium when it is missing; Word and Excel still work', async () => {
    await withoutChromium(async () => {
      const pdf = await app.inject({ method: 'GET', url: `${URL_FINAL}?asOf=2025&format=pdf`, headers: { cookie: viewer.cookie } });
      expect(pdf.statusCode).toBe(503);
      expect(pdf.json<{ error: string }>().error).toMatch(/Chromium.*apt-get install chromium fonts-noto-cjk/);
      const docx = await app.inject({ method: 'GET', url: `${URL_FINAL}?asOf=2025&format=docx`, headers: { cookie: viewer.cookie } });
      expect(docx.statusCode).toBe(200);
      // The charts need no browser: resvg draws them, so Word has all six (the indicators with figures).
      expect((docxPart(docx.rawPayload, 'word/document.xml').match(/<pic:pic /g) ?? []).length).toBe(6);
      expect(docxText(docx.rawPayload)).not.toContain('指标走势图略去');
      expect((await app.inject({ method: 'GET', url: `${URL_FINAL}?asOf=2025&format=xlsx`, headers: { cookie: viewer.cookie } })).statusCode).toBe(200);
    });
  }, 60_000);

  it('prints the PDF when Chromium is there, with the server\'s warm browser for the next one', async () => {
    const res = await app.inject({ method: 'GET', url: `${URL_FINAL}?asOf=2025&format=pdf&lang=en`, headers: { cookie: viewer.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await app.inject({ method: 'GET', url: `${URL_FINAL}?asOf=2025&format=pdf`, headers: { cookie: viewer.cookie } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});

describe('plan-monitor report', () => {
  const run = promisify(execFile);
  const bin = path.join(root, 'bin/plan-monitor.mjs');
  const cli = async (args: string[], env: Record<string, string>) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('writes the report file, and explains how to get Chromium when PDF cannot be printed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pm-report-'));
    const env = { DATA_DIR: path.join(dir, 'data') };
    const out = path.join(dir, 'final.xlsx');
    const made = await cli(['report', '--plan', 'shenzhen-services-14th-fyp', '--kind', 'midterm', '--as-of', '2023', '--format', 'xlsx', '-o', out], env);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain(`wrote ${out}`);
    const sheets = await xlsxSheets(await readFile(out));
    expect((sheets.get('主要指标完成情况') ?? []).find((r) => r[1] === 'TERTIARY_VA')?.[7]).toBe(21566.38);
    const pdf = await cli(['report', '--plan', 'shenzhen-services-14th-fyp', '--kind', 'final', '--format', 'pdf', '-o', path.join(dir, 'x.pdf')], { ...env, CHROMIUM_PATH: path.join(dir, 'no-chromium') });
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain('apt-get install chromium fonts-noto-cjk');
    const wrong = await cli(['report', '--plan', 'shenzhen-services-14th-fyp', '--kind', 'weekly'], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--kind "weekly" is not a report kind (annual, midterm, final)');
  }, 120_000);
});
