/**
 * Reads a YAML data file (plan, region registry) and reports problems as `file:line: field.path: reason`,
 * so that a planner editing the file goes straight to the line.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { formatPath, type PlanIssue } from '../domain/plan/issues';

export interface FileIssue extends PlanIssue {
  file: string;
  line: number | null;
}

/** Thrown when a data file cannot be used; `issues` holds every problem found, not just the first. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: FileIssue[],
  ) {
    super(issues.map(formatFileIssue).join('\n'));
    this.name = 'DataFileError';
  }
}

export function formatFileIssue(i: FileIssue): string {
  return `${i.file}${i.line === null ? '' : `:${i.line}`}: ${formatPath(i.path)}: ${i.message}`;
}

export interface YamlFile {
  file: string;
  data: unknown;
  /** sha256 of the bytes, so that loading an unchanged file can be skipped. */
  hash: string;
  /** Locates issues found later (by schema checks) at their line in the file, in the order of the file. */
  locate(issues: readonly PlanIssue[]): FileIssue[];
}

async function readSource(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new DataFileError(file, [{ file, line: null, path: [], message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` }]);
  }
}

const sha256 = (source: string) => createHash('sha256').update(source).digest('hex');

/** The content hash `readYamlFile` reports, without parsing. */
export async function fileHash(file: string): Promise<string> {
  return sha256(await readSource(file));
}

export async function readYamlFile(file: string): Promise<YamlFile> {
  const source = await readSource(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new DataFileError(
      file,
      doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? null, path: [], message: `YAML syntax: ${e.message.split('\n')[0] ?? e.code}` })),
    );
  }
  return {
    file,
    data: doc.toJS(),
    hash: sha256(source),
    locate: (issues) => byLine(issues.map((i) => ({ ...i, file, line: lineOf(doc, lineCounter, i.path) }))),
  };
}

/** Issues in the order of the file (a stable sort: issues on one line keep their order; unlocated ones go first). */
function byLine(issues: FileIssue[]): FileIssue[] {
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.i - b.i).map((x) => x.issue);
}

/**
 * The line of the deepest part of `path` that exists: a field at the line of its key (an unknown key, a value on
 * the next line), a list entry at its first line, a missing field at its parent.
 */
function lineOf(doc: Document, lines: LineCounter, path: ReadonlyArray<string | number>): number | null {
  for (let n = path.length; n >= 0; n--) {
    const last = path[n - 1];
    if (typeof last === 'string') {
      const parent: unknown = doc.getIn(path.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
        if (pair && isScalar(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]).line;
      }
      continue;
    }
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}
