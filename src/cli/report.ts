/**
 * plan-monitor report: writes an evaluation report (Word, PDF, Excel) of a plan as of a year or date, or prints the
 * drafted text (--draft) for editing; --edits takes the edited sections back (JSON: { "sections": [{ "id", "text" }] }).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isReportKind, REPORT_FORMATS, REPORT_KINDS, type ReportFormat } from '../domain/report/kinds';
import { reportEdits } from '../shared/api';
import { givenLang } from './output';
import { onDatabase, query, ServerError } from './target';

export interface ReportOptions {
  plan: string;
  kind: string;
  asOf?: string;
  format: string;
  /** zh | en; default: the --lang given (commander reads it as the global option), else zh — a report is Chinese first. */
  lang?: string;
  region?: string;
  output?: string;
  draft?: boolean;
  edits?: string;
}

export async function reportCommand(opts: ReportOptions): Promise<void> {
  if (!isReportKind(opts.kind)) throw new Error(`--kind "${opts.kind}" is not a report kind (${REPORT_KINDS.join(', ')})`);
  if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) throw new Error(`--format "${opts.format}" is not a report format (${REPORT_FORMATS.join(', ')})`);
  const lang = opts.lang ?? givenLang() ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new Error(`--lang "${lang}" must be zh or en`);
  const edits = opts.edits ? await readEdits(opts.edits) : undefined;
  const { generateReport, reportDraft, ChromiumMissingError } = await import('../reports/generate');
  const { chromiumAvailable, chromiumPath } = await import('../reports/browser');
  // Say so before the database is opened: nothing else is worth waiting for when the PDF cannot be printed.
  if (opts.format === 'pdf' && !opts.draft && !chromiumAvailable()) throw new ChromiumMissingError(chromiumPath());
  const req = { planId: opts.plan, kind: opts.kind, lang, asOf: opts.asOf, regionCode: opts.region } as const;
  const path_ = `/api/plans/${encodeURIComponent(opts.plan)}/reports/${opts.kind}`;
  const q = { asOf: opts.asOf, lang, region: opts.region };
  if (opts.draft) {
    const draft = await onDatabase(
      (database) => reportDraft(database, req),
      (server) => server.json<unknown>('GET', `${path_}/draft${query(q)}`),
    );
    process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
    return;
  }
  const file = await onDatabase(
    async (database) => {
      const f = await generateReport(database, { ...req, format: opts.format as ReportFormat, edits });
      return { fileName: f.fileName, data: f.data };
    },
    async (server) => {
      const target = `${path_}${query({ ...q, format: opts.format })}`;
      const res = edits ? await server.request('POST', target, { sections: edits }) : await server.request('GET', target);
      if (res.status !== 200) throw new ServerError(res.status, (JSON.parse(res.body.toString('utf8')) as { error: string }).error);
      const name = /filename="([^"]+)"/.exec(String(res.headers['content-disposition'] ?? ''))?.[1] ?? `${opts.plan}-${opts.kind}.${opts.format}`;
      return { fileName: name, data: res.body };
    },
  );
  const out = path.resolve(opts.output ?? file.fileName);
  await writeFile(out, file.data);
  console.error(`wrote ${out} (${file.data.length} bytes)`);
}

async function readEdits(file: string): Promise<Array<{ id: string; text: string }>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not a JSON file of edited sections (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = reportEdits.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data.sections;
}
