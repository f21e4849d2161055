/**
 * The enterprise database's reference files, read and checked: the GB/T 4754-2017 code list
 * (classification/gbt4754-2017.csv), the items, the size thresholds, the aggregate-defined indicators and the
 * key-enterprise lists (enterprises/*.yaml). A file with a problem stops with file:line: field: reason.
 * Read once per process (the files are part of the installation, like plans and regions).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseAggregateIndicators, type AggregateIndicator } from '../../domain/enterprise/aggregateIndicator';
import { parseItemsFile, type EnterpriseItem } from '../../domain/enterprise/items';
import { parseKeyLists, type KeyEnterpriseList } from '../../domain/enterprise/keyList';
import { parseSizeThresholds, type SizeThresholds } from '../../domain/enterprise/size';
import { buildClassification, type ClassificationRow, type Industry } from '../../domain/industry/classification';
import type { PlanIssue } from '../../domain/plan/issues';
import { projectRoot } from '../settings';
import { DataFileError, readYamlFile } from '../yamlFile';

export interface EnterpriseConfig {
  industries: Industry[];
  items: EnterpriseItem[];
  thresholds: SizeThresholds;
  aggregateIndicators: AggregateIndicator[];
  keyLists: KeyEnterpriseList[];
  /** Content hashes of the files, so a start applies them only when one changed. */
  hash: string;
}

export const DEFAULT_ENTERPRISES_DIR = path.join(projectRoot, 'enterprises');
export const DEFAULT_CLASSIFICATION_FILE = path.join(projectRoot, 'classification', 'gbt4754-2017.csv');

export async function readClassificationFile(file: string): Promise<Industry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new DataFileError(file, [{ file, line: null, path: [], message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` }]);
  }
  const records = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
  const rows: ClassificationRow[] = records.map((r, i) => ({ line: i + 2, level: r.level ?? '', code: r.code ?? '', name: r.name ?? '', parentCode: r.parent_code ?? '' }));
  const built = buildClassification(rows);
  if (!built.ok) throw new DataFileError(file, built.error.map((message) => ({ file, line: Number(/^line (\d+)/.exec(message)?.[1] ?? 0) || null, path: [], message })));
  return built.value;
}

async function readChecked<T>(file: string, parse: (raw: unknown) => { ok: true; value: T } | { ok: false; issues: PlanIssue[] }): Promise<{ value: T; hash: string }> {
  const yaml = await readYamlFile(file);
  const r = parse(yaml.data);
  if (!r.ok) throw new DataFileError(file, yaml.locate(r.issues));
  return { value: r.value, hash: yaml.hash };
}

const cache = new Map<string, Promise<EnterpriseConfig>>();

/** Reads (once per process and folder) the enterprise database's reference files. */
export function enterpriseConfig(dir = DEFAULT_ENTERPRISES_DIR, classificationFile = DEFAULT_CLASSIFICATION_FILE): Promise<EnterpriseConfig> {
  const key = `${dir}\u0000${classificationFile}`;
  let p = cache.get(key);
  if (!p) {
    p = readConfig(dir, classificationFile);
    // A failed read is not remembered: the next call reads the (maybe corrected) files again.
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

async function readConfig(dir: string, classificationFile: string): Promise<EnterpriseConfig> {
  const [industries, items, thresholds, aggregates, lists] = await Promise.all([
    readClassificationFile(classificationFile),
    readChecked(path.join(dir, 'items.yaml'), (raw) => {
      const r = parseItemsFile(raw);
      return r.ok ? { ok: true, value: r.items } : r;
    }),
    readChecked(path.join(dir, 'size-thresholds.yaml'), (raw) => {
      const r = parseSizeThresholds(raw);
      return r.ok ? { ok: true, value: r.thresholds } : r;
    }),
    readChecked(path.join(dir, 'aggregate-indicators.yaml'), (raw) => {
      const r = parseAggregateIndicators(raw);
      return r.ok ? { ok: true, value: r.definitions } : r;
    }),
    readChecked(path.join(dir, 'key-lists.yaml'), (raw) => {
      const r = parseKeyLists(raw);
      return r.ok ? { ok: true, value: r.lists } : r;
    }),
  ]);
  const hash = await enterpriseFilesHash(dir, classificationFile);
  return { industries, items: items.value, thresholds: thresholds.value, aggregateIndicators: aggregates.value, keyLists: lists.value, hash };
}

const FILES = ['items.yaml', 'size-thresholds.yaml', 'aggregate-indicators.yaml', 'key-lists.yaml'];

/**
 * One hash over the reference files' bytes, cheap enough for every start: the files are parsed only when it
 * differs from the hash recorded when they were last applied.
 */
export async function enterpriseFilesHash(dir = DEFAULT_ENTERPRISES_DIR, classificationFile = DEFAULT_CLASSIFICATION_FILE): Promise<string> {
  const hash = createHash('sha256');
  for (const f of [classificationFile, ...FILES.map((n) => path.join(dir, n))]) hash.update(await readFile(f)).update('\u0000');
  return hash.digest('hex');
}
