/**
 * One use case: a report of a kind, for a plan as of a year or date, in a format and a language — optionally with
 * the planner's edited text. Gathers the context once (context.ts), drafts the text (draft.ts), applies the edits,
 * and renders Word, PDF or Excel from the same draft and the same evaluation.
 *
 * @example
 * const file = await generateReport(database, { planId: 'shenzhen-services-14th-fyp', kind: 'final', asOf: '2025', format: 'docx', lang: 'zh' });
 * await writeFile(file.fileName, file.data);
 */
import type { ApprovalState } from '../domain/observation/approval';
import { parseAsOf, type AsOf } from '../domain/evaluation/asOf';
import type { Language } from '../domain/text';
import { BadRequestError } from '../services/errors';
import { EVERY_PLAN, plansService } from '../services/plans';
import { ChromiumMissingError, chromiumAvailable, chromiumPath, openBrowser, type ReportBrowser } from './browser';
import { chartFont, chartPngs } from './chartPng';
import { renderCharts } from './charts';
import { reportContext } from './context';
import type { Database } from './database';
import { reportDocx } from './docx';
import { SECTION_IDS, applyEdits, draftReport, type ReportDraft } from './draft';
import { PDF_FOOTER, reportHtml } from './html';
import { CONTENT_TYPES, defaultAsOfYear, type ReportFormat, type ReportKind } from './kinds';
import { reportXlsx } from './xlsx';
import { PROSPERITY_SECTION_ID } from './prosperity';

export { ChromiumMissingError };

export interface DraftRequest {
  planId: string;
  kind: ReportKind;
  /** A year (2023) or a date (2024-06-30); default: the kind's usual year (kinds.ts). */
  asOf?: string | undefined;
  lang?: Language | undefined;
  regionCode?: string | undefined;
  /** Approval states of the figures to use (default approved only). */
  states?: readonly ApprovalState[] | undefined;
}

export interface ReportRequest extends DraftRequest {
  format: ReportFormat;
  /** The planner's edited text per section id; the other sections keep the drafted text. */
  edits?: ReadonlyArray<{ id: string; text: string }> | undefined;
  /** For PDF: a browser already open (the server's warm one, benchmarks, batch runs); otherwise one is started and
   * closed for this report. */
  browser?: ReportBrowser | undefined;
  /** The date printed as "generated on" (tests fix it). */
  now?: Date | undefined;
}

export interface ReportFile {
  data: Buffer;
  contentType: string;
  fileName: string;
  draft: ReportDraft;
}

async function resolveAsOf(database: Database, req: DraftRequest): Promise<AsOf> {
  const plan = await plansService.get(database, req.planId, EVERY_PLAN);
  const text = req.asOf ?? String(defaultAsOfYear(req.kind, plan.period, new Date().getUTCFullYear()));
  const asOf = parseAsOf(text);
  if (!asOf.ok) throw new BadRequestError(asOf.error);
  return asOf.value;
}

export async function reportDraft(database: Database, req: DraftRequest): Promise<ReportDraft> {
  const asOf = await resolveAsOf(database, req);
  const ctx = await reportContext(database, req.planId, req.kind, { asOf, lang: req.lang ?? 'zh', ...(req.regionCode ? { regionCode: req.regionCode } : {}), ...(req.states ? { states: req.states } : {}) });
  return draftReport(ctx);
}

export async function generateReport(database: Database, req: ReportRequest): Promise<ReportFile> {
  // Refuse a PDF before any work when it cannot be printed.
  if (req.format === 'pdf' && !req.browser && !chromiumAvailable()) throw new ChromiumMissingError(chromiumPath());
  const known: readonly string[] = [...SECTION_IDS, PROSPERITY_SECTION_ID];
  const unknown = (req.edits ?? []).filter((e) => !known.includes(e.id));
  if (unknown.length > 0) throw new BadRequestError(`sections[].id "${unknown.map((e) => e.id).join('", "')}" is not a report section (sections: ${known.join(', ')})`);
  // A PDF without a browser at hand starts one now: Chromium's start (a second or more) runs in its own processes
  // while this one evaluates and drafts. A failed start is reported when the browser is needed, below.
  const starting = req.format === 'pdf' && !req.browser ? openBrowser() : null;
  starting?.catch(() => undefined);
  try {
    return await render(database, req, async () => req.browser ?? (await (starting ?? openBrowser())));
  } finally {
    if (starting) await starting.then((b) => b.close()).catch(() => undefined);
  }
}

async function render(database: Database, req: ReportRequest, browser: () => Promise<ReportBrowser>): Promise<ReportFile> {
  const asOf = await resolveAsOf(database, req);
  const lang = req.lang ?? 'zh';
  const ctx = await reportContext(database, req.planId, req.kind, { asOf, lang, ...(req.regionCode ? { regionCode: req.regionCode } : {}), ...(req.states ? { states: req.states } : {}) });
  const draft = applyEdits(draftReport(ctx), req.edits ?? []);
  const generatedOn = (req.now ?? new Date()).toISOString().slice(0, 10);
  const fileName = `${req.planId}-${req.kind}-${asOf.text}-${lang}.${req.format}`;
  const file = (data: Buffer): ReportFile => ({ data, contentType: CONTENT_TYPES[req.format], fileName, draft });

  if (req.format === 'xlsx') return file(await reportXlsx(ctx, draft));
  const charts = renderCharts(ctx.rows, lang);
  if (req.format === 'docx') {
    // No browser for Word: resvg draws the chart PNGs in Node; without a CJK font the file says how to get one.
    const font = chartFont();
    const pngs = font && charts.length > 0 ? chartPngs(charts, font) : null;
    return file(await reportDocx(ctx, draft, charts, pngs, generatedOn));
  }
  const html = reportHtml(ctx, draft, charts, generatedOn);
  return file(await (await browser()).pdf(html, PDF_FOOTER));
}
