/**
 * The fresh-import path of the enterprise import: a figure file (no registry columns) whose enterprises have nothing
 * stored in the years it writes. Every check a figure needs then happens in Node — the cells as the file is read, the
 * duplicates and falling 1–N月 values per series (FileSeries), the registry version in force from the registry read
 * once into memory — and the finished rows go straight into enterprise_figures with one COPY in primary-key order,
 * in the import's own transaction: no staging table, no SQL checks. Every figure is new (revision 1), so the
 * classification is known without a look-up. A file whose series have stored figures takes the staging path, which
 * classifies against them (unchanged, revised).
 */
import type { Database } from '../../../db/client';
import { analyzePartitions, copyFigures, figurePartitions, lockFreshReferences, rangeInForce, registryRanges, type RegistryRange } from '../../../db/enterprises/freshFigures';
import { restoreRowTriggers, tryWithoutRowTriggers } from '../../../db/observations';
import type { FigureBuffer, FigureColumns } from '../../../domain/enterprise/figureBuffer';

type Tx = Database['db'];

/** The message the staging path gives an enterprise the registry does not know (figuresOfUnknownEnterprises). */
export const unknownEnterprise = (uscc: string): string =>
  `enterprise ${uscc} is not in the registry: import its 名录 row first, or give 单位名称, 行业代码, 区划代码 and 规模以上 in this file (名录库中无此企业)`;

export interface FreshPlan {
  ranges: Map<string, RegistryRange[]>;
  /** Figures to write (not of a rejected row). */
  figures: number;
}

/**
 * Reads the registry and rejects (through `reject`) every figure of an enterprise it does not know; returns what the
 * commit needs. `rejected(row)` says whether a row is rejected already (its figures are not written).
 */
export async function planFresh(
  tx: Tx,
  driver: Database['driver'],
  buffer: FigureBuffer,
  rejected: (row: number) => boolean,
  reject: (row: number, uscc: string) => void,
): Promise<FreshPlan> {
  const ranges = await registryRanges(tx, driver);
  // Unknown enterprises after the other problems, in file order, as the staging path reports them.
  for (let i = 0; i < buffer.size; i++) {
    const row = buffer.rowOf(i);
    if (rejected(row)) continue;
    const uscc = buffer.usccOf(i);
    if (!ranges.has(uscc)) reject(row, uscc);
  }
  let figures = 0;
  for (let i = 0; i < buffer.size; i++) if (!rejected(buffer.rowOf(i))) figures++;
  return { ranges, figures };
}

/** Writes the buffered figures not of a rejected row; returns how many. */
export async function commitFresh(tx: Tx, driver: Database['driver'], buffer: FigureBuffer, plan: FreshPlan, rejected: (row: number) => boolean, batchId: number): Promise<number> {
  const order = buffer.keyOrder((i) => !rejected(buffer.rowOf(i)));
  const v = buffer.view();
  // Each enterprise's registry ranges by its id in the buffer: no look-up by text per figure.
  const rangesOf = v.usccs.map((u) => plan.ranges.get(u) ?? []);
  const years = new Set<number>();
  for (const i of order) years.add(Math.floor((v.end[i] ?? 0) / 100));
  const partitions = await figurePartitions(tx, [...years].sort((a, b) => a - b));
  const withoutRowTriggers = await tryWithoutRowTriggers(tx);
  // The registry versions the rows were given, for the set-based foreign-key check after the COPY.
  const used = new Set<RegistryRange>();
  await copyFigures(tx, driver, lines(v, rangesOf, order, batchId, used));
  // Checked and locked after the COPY, in the same transaction: once locked they stay until the commit, so the
  // figures' references exist at commit, as the triggers would have made sure row by row.
  await lockFreshReferences(tx, { items: buffer.itemCodes(), regions: [...new Set([...used].map((r) => r.regionCode))], industries: [...new Set([...used].map((r) => r.industryCode))] });
  if (withoutRowTriggers) await restoreRowTriggers(tx);
  await analyzePartitions(tx, partitions);
  return order.length;
}

/** The COPY text of the figures in `order`, about 1 MB a chunk (made as the server takes them). */
function* lines(v: FigureColumns, rangesOf: ReadonlyArray<readonly RegistryRange[]>, order: Int32Array, batchId: number, used: Set<RegistryRange>): Generator<string> {
  const CHUNK = 10_000;
  // Codes and USCCs hold no tab, backslash or line break (checked, or from the registry's code lists). A row is
  // four texts made once each: the key's start (the same for a whole group), the enterprise with its region, the
  // period code and value, and the version's industry, flag and batch.
  const heads = new Map<RegistryRange, string>();
  const tails = new Map<RegistryRange, string>();
  // Nearly every enterprise has one version: its two texts by enterprise id, no look-up.
  const headOf: Array<string | undefined> = new Array<string | undefined>(v.usccs.length);
  const tailOf: Array<string | undefined> = new Array<string | undefined>(v.usccs.length);
  const texts = (u: number, r: RegistryRange): [string, string] => {
    let head = heads.get(r);
    let tail = tails.get(r);
    if (head === undefined || tail === undefined) {
      heads.set(r, (head = `${v.usccs[u] ?? ''}\t1\t${r.regionCode}\t`));
      tails.set(r, (tail = `\t${r.industryCode}\t${r.aboveDesignatedSize ? 't' : 'f'}\t${batchId}\n`));
      used.add(r);
    }
    return [head, tail];
  };
  const part: string[] = [];
  let key = '';
  let lastEnd = -1;
  let lastItem = -1;
  let lastStart = -1;
  for (let j = 0; j < order.length; j++) {
    const i = order[j] ?? 0;
    const u = v.uscc[i] ?? 0;
    const end = v.end[i] ?? 0;
    const item = v.item[i] ?? 0;
    const start = v.start[i] ?? 0;
    if (end !== lastEnd || item !== lastItem || start !== lastStart) {
      key = `${end}\t${v.items[item] ?? ''}\t${start}\t`;
      lastEnd = end;
      lastItem = item;
      lastStart = start;
    }
    let head = headOf[u];
    let tail = tailOf[u];
    if (head === undefined || tail === undefined) {
      const ranges = rangesOf[u] ?? [];
      const r = rangeInForce(ranges, end);
      // (planFresh rejected every figure of an enterprise without versions: a throw here is a bug, and rolls back)
      if (!r) throw new Error(`no registry version for ${v.usccs[u] ?? '?'}, though it was checked`);
      [head, tail] = texts(u, r);
      if (ranges.length === 1) {
        headOf[u] = head;
        tailOf[u] = tail;
      }
    }
    part.push(key + head + (v.codes[v.code[i] ?? 0] ?? '') + '\t' + String(v.value[i] ?? 0) + tail);
    if (part.length === CHUNK) {
      yield part.join('');
      part.length = 0;
    }
  }
  if (part.length > 0) yield part.join('');
}
