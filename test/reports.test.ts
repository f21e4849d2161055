/**
 * Evaluation reports for the bundled Shenzhen plan and data, every kind in every format, on both databases. The
 * expected values are read off the plan and datasets/ by hand, never from our own output:
 * - 服务业增加值 (TERTIARY_VA): 2020 基期值 17190.4亿元 (plan), 2023 = 21566.38亿元 (datasets, 第三产业增加值),
 *   target 2.5万亿元 in 2025; progress (21566.38 − 17190.4) / (25000 − 17190.4) = 4375.98 / 7809.6 = 56.03%,
 *   elapsed time (2023 − 2020) / 5 = 60%, within ±5 points: 基本符合序时进度.
 * - 现代服务业增加值占服务业增加值比重: 76.1% (2020, plan) → 76.3% (2023, datasets), target 77%:
 *   progress 0.2 / 0.9 = 22.22%, behind 60% → 滞后于序时进度.
 * - 金融业增加值占GDP比重 2022: 5137 (the exact press figure beats "nearly 5138") ÷ 32387.68 = 15.86%, inside the
 *   16%左右 band [15.5, 16.5]; 物流业 10.18% (2023) inside [9.5, 10.5]; 文化 2750 ÷ 34606.4 = 7.95% (2023) inside
 *   [7.5, 8.5]: 处于目标区间, with or without a baseline.
 * - 社会消费品零售总额: no 2020 figure, so the baseline is derived from 2021: 9498.12 ÷ (1 + 9.6%) = 8666.17亿元;
 *   2023 = 10486.19 (the bulletin's exact figure beats the work report's rounded 1.05万亿); progress
 *   (10486.19 − 8666.17) / (12500 − 8666.17) = 47.47% against 60% elapsed → 滞后于序时进度.
 * - So as of 2023: 基本符合序时进度 1, 处于目标区间 3, 滞后于序时进度 2, 数据不足 3.
 * The final report is judged as of 2026 on hypothetical 2025 figures (test/fixtures/data/final-2025-hypothetical.csv):
 * - 服务业增加值 24000 against 突破2.5万亿元 → 未完成, 24000 / 25000 = 96.0%, 差 1000亿元;
 * - 社会消费品零售总额 12500 = 1.25万亿元 → 已完成 (in the target year: not 提前完成);
 * - 金融业 5400 ÷ 34000 = 15.88% inside [15.5, 16.5] → 基本完成; 物流业 11.2% above 10.5 by 0.7 → 高于目标区间;
 * - the other 5 have no 2025 figure → 待终期数据. So 完成目标 2 (已完成 1, 基本完成 1), 高于目标区间 1, 未完成 1.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { openBrowser, type ReportBrowser } from '../src/reports/browser';
import { renderCharts } from '../src/reports/charts';
import { reportContext } from '../src/reports/context';
import { reportDocx } from '../src/reports/docx';
import { draftReport } from '../src/reports/draft';
import { generateReport } from '../src/reports/generate';
import { parseAsOf } from '../src/domain/evaluation/asOf';
import { REPORT_KINDS, REPORT_TITLES, type ReportFormat } from '../src/reports/kinds';
import { prepare } from '../src/services/bootstrap';
import { loadPlanFile } from '../src/services/loadPlan';
import { importObservations } from '../src/services/import/importObservations';
import { drivers } from './support/databases';
import { fixture, plansDir, regionsDir, root } from './support/paths';
import { docxPart, docxText, pdfFonts, pdfPages, pdfText, xlsxSheets } from './support/reportText';
import { SYSTEM } from '../src/services/access/audit';

const PLAN = 'shenzhen-services-14th-fyp';
const ARTIFACTS = path.join(root, 'test-results/report-pages');
const HEADINGS = ['一、总体情况', '二、主要指标完成情况', '三、重点任务推进情况', '四、重大项目进展', '五、存在的问题', '六、下一步工作建议'];
const INDICATORS = [
  '服务业增加值',
  '现代服务业增加值占服务业增加值比重',
  '金融业增加值占GDP比重',
  '物流业增加值占GDP比重',
  '文化及相关产业增加值占GDP比重',
  '信息传输、软件和信息技术服务业增加值占GDP比重',
  '社会消费品零售总额',
  '规模以上服务业企业研究与试验发展(R&D)经费支出',
  '服务贸易进出口额',
];
const VALUES = ['21566.38亿元', '17190.4亿元', '2.5万亿元', '56.03%', '76.3%', '22.22%', '15.86%', '基本符合序时进度', '滞后于序时进度', '处于“16%左右”的目标区间', '8666.17亿元', '47.47%'];
const FINAL_VALUES = [
  '服务业增加值2025年为24000亿元，完成目标的96.0%，未完成“突破2.5万亿元”的目标，差1000亿元。',
  '社会消费品零售总额2025年为12500亿元，完成目标的100.0%，完成“1.25万亿元”的目标。',
  // 15.86% in 2022 (see above) was already inside the band.
  '金融业增加值占GDP比重2025年为15.88%，处于“16%左右”的目标区间（15.5%—16.5%）内，基本完成目标，2022年起已处于目标区间。',
  '物流业增加值占GDP比重2025年为11.2%，高于“10%左右”的目标区间（9.5%—10.5%）0.7个百分点',
  '完成目标2项（已完成1项、基本完成1项、高于目标区间1项、未完成1项、2025年数据尚未取得5项）',
];
const AS_OF = { annual: '2023', midterm: '2023', final: '2026' } as const;
const now = new Date('2026-01-15T00:00:00Z');

/** Every claim a Chinese report must make, whatever the format. */
function expectShenzhenContent(text: string, kind: keyof typeof AS_OF): void {
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain(REPORT_TITLES[kind].zh);
  for (const h of HEADINGS) expect(flat).toContain(h);
  for (const n of INDICATORS) expect(flat).toContain(n);
  // Task and project tracking is not reported yet: the report says so and lists the plan's own items.
  expect(flat).toContain('任务进展数据暂缺');
  expect(flat).toContain('国家超级计算深圳中心（二期）');
  if (kind === 'final') {
    for (const v of FINAL_VALUES) expect(flat).toContain(v);
    // An ended plan is judged, not forecast: no risk talk, no early completion for a target met in its year.
    expect(flat).not.toContain('风险');
    expect(flat).not.toContain('提前完成');
    expect(flat).not.toContain('按当前趋势');
    return;
  }
  for (const v of VALUES) expect(flat).toContain(v);
  expect(flat).toContain(`规划指标体系共9项指标。截至${AS_OF[kind]}年，基本符合序时进度1项、处于目标区间3项、滞后于序时进度2项、数据不足3项。`);
  expect(flat).toContain('预测暂缺');
  // Forecasts and warnings come from the forecast service (its numbers are tested there).
  expect(flat).toContain('按当前趋势，2025年服务业增加值预计为');
}

/** The table's forecast column as Word and PDF print it. */
const FORECAST_CELL = /2025年预计\d+亿元（80%区间\d+亿元–\d+亿元），达标概率\d+%/;

describe.each(drivers)('reports on $name', ({ name, open }) => {
  let database: Database;
  let browser: ReportBrowser;

  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
    await loadPlanFile(database, fixture('plans/fictional-15th.yaml'));
    const extra = await importObservations(database, { file: fixture('data/final-2025-hypothetical.csv'), audit: SYSTEM });
    if (!extra.committed) throw new Error(JSON.stringify(extra.rejected));
    browser = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await database.close();
  });

  const generate = (kind: (typeof REPORT_KINDS)[number], format: ReportFormat, extra: { lang?: 'zh' | 'en'; planId?: string; asOf?: string } = {}) =>
    generateReport(database, { planId: extra.planId ?? PLAN, kind, format, asOf: extra.asOf ?? AS_OF[kind], lang: extra.lang ?? 'zh', browser, now });

  it.each(REPORT_KINDS)('writes the %s report as Word: A4, page numbers, 黑体 headings, 仿宋 body with a named fallback, charts', async (kind) => {
    const file = await generate(kind, 'docx');
    expect(file.fileName).toBe(`${PLAN}-${kind}-${AS_OF[kind]}-zh.docx`);
    expectShenzhenContent(docxText(file.data), kind);
    if (kind !== 'final') expect(docxText(file.data)).toMatch(FORECAST_CELL);
    const xml = docxPart(file.data, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 in twips
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(docxPart(file.data, 'word/footer1.xml')).toMatch(/PAGE/);
    const fonts = docxPart(file.data, 'word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="仿宋"><w:altName w:val="Noto Serif CJK SC"\/>/);
    expect(fonts).toMatch(/<w:font w:name="黑体"><w:altName w:val="Noto Sans CJK SC"\/>/);
    // The indicators with figures get a chart each (服务业增加值 … 社会消费品零售总额: 6 of the 9).
    expect((xml.match(/<pic:pic /g) ?? []).length).toBe(6);
  }, 60_000);

  it.each(REPORT_KINDS)('writes the %s report as Excel: the table with numbers, the figures behind it, the text', async (kind) => {
    const file = await generate(kind, 'xlsx');
    const sheets = await xlsxSheets(file.data);
    expect([...sheets.keys()]).toEqual(['主要指标完成情况', '数据', '报告正文', '重点任务', '重大项目']);
    const table = sheets.get('主要指标完成情况') ?? [];
    const row = (code: string) => table.find((r) => r[1] === code) ?? [];
    const tertiary = row('TERTIARY_VA');
    // A missing figure is the words 数据暂缺, never 0 or an empty cell.
    const trade = row('SVC_TRADE');
    expect(trade.slice(5, 9)).toEqual(['数据暂缺', '数据暂缺', '数据暂缺', '数据暂缺']);
    for (const r of table.slice(2, 11)) expect(r.slice(0, 20).every((v) => v !== null && v !== undefined && v !== '' && v !== 0)).toBe(true);
    const figures = sheets.get('数据') ?? [];
    expect(figures).toContainEqual(expect.arrayContaining(['TERTIARY_VA', '服务业增加值', 2023, 21566.38, '亿元']));
    expectShenzhenContent([...sheets.values()].flat(2).join('\n'), kind);
    if (kind === 'final') {
      // Judged on the (hypothetical) 2025 value: 24000 / 25000 = 96%, 未完成, red; nothing forecast.
      expect(tertiary.slice(2, 11)).toEqual(['服务业增加值', '预期性', '亿元', 17190.4, 2020, 24000, 2025, 25000, 2025]);
      expect(tertiary[12]).toBeCloseTo(0.96, 12);
      expect(tertiary.slice(13, 15)).toEqual(['未完成', '—']);
      expect(tertiary[19]).toBe('预警');
      expect(row('RETAIL').slice(12, 14)).toEqual([1, '已完成']);
      expect(row('LOGISTICS_SHARE_GDP')[13]).toBe('高于目标区间');
      expect(row('LOGISTICS_SHARE_GDP')[19]).toBe('关注');
      return;
    }
    expect(tertiary.slice(2, 11)).toEqual(['服务业增加值', '预期性', '亿元', 17190.4, 2020, 21566.38, 2023, 25000, 2025]);
    expect(tertiary[12]).toBeCloseTo(4375.98 / 7809.6, 6);
    expect(tertiary[13]).toBe('基本符合序时进度');
    expect(trade[14]).toBe('预测暂缺');
    expect(row('FIN_SHARE_GDP')[13]).toBe('符合目标区间');
    expect(tertiary[14]).toBeGreaterThan(0); // the forecast at the target year, a number
    expect(tertiary[17]).toBeGreaterThan(0);
    expect(tertiary[17]).toBeLessThan(1); // a probability
  }, 60_000);

  it.each(REPORT_KINDS)('prints the %s report to PDF with CJK fonts and page numbers; pages saved as PNG', async (kind) => {
    const file = await generate(kind, 'pdf');
    expect(file.data.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(file.data);
    expectShenzhenContent(text, kind);
    // pdftotext reads a table row line by line across cells, so the wrapped forecast cell comes out in pieces.
    if (kind !== 'final') for (const piece of [/2025年预计/, /80%区间/, /达标概/]) expect(text.replace(/\s+/g, '')).toMatch(piece);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text.replace(/\s+/g, '')).toContain('—2—'); // the page number in the footer
    // TrueType CJK fonts, embedded as CID subsets: no Type 3 glyph-by-glyph fonts, which cost seconds (fonts.ts).
    const fonts = await pdfFonts(file.data);
    expect(fonts.map((f) => f.type)).not.toContain('Type 3');
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['WenQuanYiMicroHei', 'BousungEG-Light-GB']));
    await pdfPages(file.data, ARTIFACTS, `${name}-${kind}`);
    const pngs = (await readdir(ARTIFACTS)).filter((f) => f.startsWith(`${name}-${kind}-`) && f.endsWith('.png'));
    expect(pngs.length).toBe(pages);
  }, 60_000);

  it('writes English on request', async () => {
    const file = await generate('final', 'docx', { lang: 'en' });
    const text = docxText(file.data);
    expect(text).toContain('Final Evaluation Report');
    expect(text).toContain('1. Overall situation');
    expect(text).toContain('Value added of the service industry');
    expect(text).toContain('The plan period ended in 2025. Of the 9 indicators, judged on their target-year values, 2 met their targets');
    expect(text).toContain('short by 1,000');
  }, 60_000);

  it('uses the planner\'s edited text and keeps the numbers of the evaluation', async () => {
    const file = await generate('midterm', 'docx');
    const edited = await generateReport(database, { planId: PLAN, kind: 'midterm', format: 'docx', asOf: '2023', browser, now, edits: [{ id: 'problems', text: '（一）规划处改写的问题一。\n（二）问题二。' }] });
    const text = docxText(edited.data);
    expect(text).toContain('（一）规划处改写的问题一。');
    expect(text).toContain('（二）问题二。');
    expect(text).not.toContain('重点任务和重大项目尚未建立进展填报');
    expect(text).toContain('21566.38亿元');
    expect(docxText(file.data)).toContain('重点任务和重大项目尚未建立进展填报');
    await expect(generateReport(database, { planId: PLAN, kind: 'midterm', format: 'docx', edits: [{ id: 'preface', text: 'x' }] })).rejects.toThrow(/sections\[\]\.id "preface"/);
  }, 60_000);

  it('says 数据暂缺 where a plan has no figures, never 0 or a blank', async () => {
    const planId = 'demo-eco-15th-fyp';
    const docx = await generate('final', 'docx', { planId, asOf: '2030' });
    const text = docxText(docx.data);
    expect(text).toContain('示范市生态环境保护“十五五”规划（虚构）总结评估报告');
    expect(text).toContain('规划指标体系共3项指标，2030年数值均尚未取得，暂无法作出终期判断。');
    expect(text).toContain('细颗粒物（PM2.5）年均浓度2030年数值尚未取得，暂无法对“控制在15微克/立方米以内”的目标作出终期判断：请导入2030年数值');
    expect(text).toContain('目前尚无可用的统计数据');
    // Table cells: PM2.5 has a baseline (17) but no figure; the green share has neither; EP value added a growth target.
    const cells = text.split('\n');
    expect(cells).toContain('17微克/立方米');
    expect(cells.filter((c) => c === '数据暂缺').length).toBeGreaterThanOrEqual(3 + 2 + 1);
    expect(cells).toContain('年均增长10%');
    expect(cells).not.toContain('0');
    expect(cells).not.toContain('0%');
    const xlsx = await xlsxSheets((await generate('final', 'xlsx', { planId, asOf: '2030' })).data);
    const rows = (xlsx.get('主要指标完成情况') ?? []).slice(2, 5);
    expect(rows.map((r) => r[7])).toEqual(['数据暂缺', '数据暂缺', '数据暂缺']);
    for (const r of rows) expect(r.slice(0, 19).every((v) => v !== null && v !== undefined && v !== '' && v !== 0)).toBe(true);
    const { text: pdf } = await pdfText((await generate('final', 'pdf', { planId, asOf: '2030' })).data);
    expect(pdf.replace(/\s+/g, '')).toContain('细颗粒物（PM2.5）年均浓度2030年数值尚未取得');
  }, 60_000);

  it('writes Word without its charts, saying how to get them, where the server has no Chinese font to draw them', async () => {
    // generate.ts passes no PNGs when chartFont() finds no installed CJK font (chartPng.test.ts covers that lookup).
    const asOf = parseAsOf('2025');
    if (!asOf.ok) throw new Error(asOf.error);
    const ctx = await reportContext(database, PLAN, 'final', { asOf: asOf.value, lang: 'zh' });
    const charts = renderCharts(ctx.rows, 'zh');
    expect(charts.length).toBeGreaterThan(0);
    const data = await reportDocx(ctx, draftReport(ctx), charts, null, '2026-01-15');
    const text = docxText(data);
    expect(text).toContain('服务器未安装中文字体，指标走势图略去');
    expect(text).toContain('fonts-wqy-microhei');
    expect(docxPart(data, 'word/document.xml')).not.toMatch(/<pic:pic /);
    expectShenzhenContent(text, 'final');
  }, 60_000);
});
