// Report generation benchmark (issue 7): the final evaluation report (总结评估报告) of the Shenzhen plan on the bundled
// data, as the API makes it — each format from scratch, PDF (and the Word charts) including Chromium's start.
// References measured in the same run: the evaluation and forecasts the report is drafted from (the floor every
// format pays), and a bare Chromium start + close (the floor of PDF). Targets: docx and xlsx < 3 s, pdf < 6 s.
// Last row: a PDF with the server's warm Chromium (src/reports/warmBrowser.ts), what users wait for after the first.
// Usage: node --import tsx bench/report.mts [runs]
import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { openDatabase } from '../src/db/client';
import { parseAsOf } from '../src/domain/evaluation/asOf';
import { METHOD_IDS } from '../src/domain/evaluation/result';
import { chromiumPath } from '../src/reports/browser';
import { warmBrowser } from '../src/reports/warmBrowser';
import { generateReport } from '../src/reports/generate';
import type { ReportFormat } from '../src/reports/kinds';
import { prepare } from '../src/services/bootstrap';
import { evaluatePlan } from '../src/services/evaluation/evaluatePlan';
import { forecastPlan } from '../src/services/forecast/forecastPlan';

const root = path.resolve(import.meta.dirname, '..');
const planId = 'shenzhen-services-14th-fyp';
const runs = Number(process.argv[2] ?? 5);
const database = await openDatabase({ driver: 'pglite', dataDir: null });
await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans'), catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
const asOf = parseAsOf('2025');
if (!asOf.ok) throw new Error(asOf.error);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: module loading is a once-per-process cost, not a per-report one
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const evaluation = await time(async () => {
  await evaluatePlan(database, planId, { asOf: asOf.value, methods: [...METHOD_IDS] });
  await forecastPlan(database, planId, { asOf: asOf.value });
});
const browserStart = await time(async () => {
  const b = await chromium.launch({ executablePath: chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  await b.close();
});
const formats: Record<ReportFormat, number[]> = { docx: [], xlsx: [], pdf: [] };
const sizes: Record<string, number> = {};
for (const format of ['xlsx', 'docx', 'pdf'] as const) {
  formats[format] = await time(async () => {
    const file = await generateReport(database, { planId, kind: 'final', asOf: '2025', format, lang: 'zh' });
    sizes[format] = file.data.length;
  });
}
// What a server's user waits for after the first PDF: the same report with the server's warm Chromium (no start).
const warm = warmBrowser();
const pdfWarm = await time(() => generateReport(database, { planId, kind: 'final', asOf: '2025', format: 'pdf', lang: 'zh', browser: warm }));
await warm.close();
await database.close();

const ref = median(evaluation);
const chrome = median(browserStart);
const targets: Record<ReportFormat, number> = { docx: 3000, xlsx: 3000, pdf: 6000 };
console.log(`final evaluation report, ${planId}, as of 2025; median of ${runs} runs after one warm-up; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| what | median | range | ratio to evaluation | target | met |');
console.log('|---|---|---|---|---|---|');
console.log(`| reference: evaluation + forecasts | ${ref.toFixed(0)} ms | ${Math.min(...evaluation).toFixed(0)}–${Math.max(...evaluation).toFixed(0)} ms | 1.00 | | |`);
console.log(`| reference: Chromium start + close | ${chrome.toFixed(0)} ms | ${Math.min(...browserStart).toFixed(0)}–${Math.max(...browserStart).toFixed(0)} ms | ${(chrome / ref).toFixed(1)} | | |`);
for (const f of ['xlsx', 'docx', 'pdf'] as const) {
  const m = median(formats[f]);
  console.log(`| ${f} (${Math.round((sizes[f] ?? 0) / 1024)} KB) | ${m.toFixed(0)} ms | ${Math.min(...formats[f]).toFixed(0)}–${Math.max(...formats[f]).toFixed(0)} ms | ${(m / ref).toFixed(1)} | < ${targets[f] / 1000} s | ${m < targets[f] ? 'yes' : 'NO'} |`);
}
const w = median(pdfWarm);
console.log(`| pdf, server's warm Chromium | ${w.toFixed(0)} ms | ${Math.min(...pdfWarm).toFixed(0)}–${Math.max(...pdfWarm).toFixed(0)} ms | ${(w / ref).toFixed(1)} | (not the target) | |`);
