/**
 * The import corpus: files that an import must refuse (or, for a few, accept), written into a fresh temporary
 * directory on demand. Generated rather than committed: a 30 MB line, a GBK file and an .xlsx workbook do not belong
 * in the repository, and each test gets its own copy.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';

/** The template headers, in template order (指标名称 left out, as in the brief's example). */
export const HEADER = ['指标代码', '地区', '期间', '数值', '单位', '价格口径', '数据状态', '来源类型', '来源', '发布机构', '发布日期', '链接', '原文', '备注'] as const;

export const SOURCE = '深圳市2023年国民经济和社会发展统计公报';
export const PUBLISHER = '深圳市统计局';

/** One figure as the cells of a template row; every cell defaults to the valid example row. */
export interface Figure {
  indicator?: string;
  region?: string;
  period?: string;
  value?: string;
  unit?: string;
  priceBasis?: string;
  status?: string;
  sourceKind?: string;
  source?: string;
  publisher?: string;
  publishedDate?: string;
  link?: string;
  quote?: string;
  notes?: string;
}

export function figureRow(f: Figure = {}): string[] {
  return [
    f.indicator ?? 'TERTIARY_VA',
    f.region ?? '深圳市',
    f.period ?? '2023',
    f.value ?? '21566.38',
    f.unit ?? '亿元',
    f.priceBasis ?? '现价',
    f.status ?? '初步',
    f.sourceKind ?? '统计公报',
    f.source ?? SOURCE,
    f.publisher ?? PUBLISHER,
    f.publishedDate ?? '2024-04-30',
    f.link ?? '',
    f.quote ?? '',
    f.notes ?? '',
  ];
}

const made: string[] = [];

/** A fresh directory under the system temp dir (removed by `removeTempDirs`). */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-import-'));
  made.push(dir);
  return dir;
}

/** Removes every directory `tempDir` made (the 30 MB file among them). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** RFC 4180 quoting where a cell needs it. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((r) => `${csvLine(r)}\n`).join('');
}

let gbkTable: Map<string, [number, number]> | null = null;

/**
 * Encodes text as GBK. Node has no GBK encoder (TextEncoder is UTF-8 only), so the table is the inverse of the
 * WHATWG gbk decoder over every two-byte sequence.
 */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    const table = new Map<string, [number, number]>();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    gbkTable = table;
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable.get(ch);
    if (!pair) throw new Error(`"${ch}" has no GBK encoding`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}

/** Writes a CSV file (UTF-8 by default) and returns its path. */
export async function writeCsv(name: string, rows: ReadonlyArray<readonly string[]>, opts: { encoding?: 'utf-8' | 'utf-8-bom' | 'gbk' } = {}): Promise<string> {
  const file = path.join(await tempDir(), name);
  const text = csvText(rows);
  const encoding = opts.encoding ?? 'utf-8';
  const bytes = encoding === 'gbk' ? encodeGbk(text) : Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
  await writeFile(file, bytes);
  return file;
}

/** A template file with these figures. */
export const goodFile = (name: string, figures: readonly Figure[]): Promise<string> => writeCsv(name, [HEADER, ...figures.map(figureRow)]);

/** A template file with one data row. */
const oneRow = (name: string, f: Figure): Promise<string> => goodFile(name, [f]);

// --- The corpus -------------------------------------------------------------------------------------------------

/** 1. Zero bytes. */
export async function emptyFile(): Promise<string> {
  const file = path.join(await tempDir(), 'empty.csv');
  await writeFile(file, '');
  return file;
}

/** 2. The header and nothing else. */
export const headerOnly = (): Promise<string> => writeCsv('header-only.csv', [HEADER]);

/** 3a. GBK, no declaration, Chinese headers and one valid row. */
export const gbkFile = (f: Figure = {}): Promise<string> => writeCsv('gbk.csv', [HEADER, figureRow(f)], { encoding: 'gbk' });

/** 3b. GBK with an unknown region 坪洲区. */
export const gbkUnknownRegion = (): Promise<string> => writeCsv('gbk-unknown-region.csv', [HEADER, figureRow({ region: '坪洲区' })], { encoding: 'gbk' });

/** 4. UTF-8 with a byte-order mark right before 指标代码. */
export const bomFile = (f: Figure = {}): Promise<string> => writeCsv('bom.csv', [HEADER, figureRow(f)], { encoding: 'utf-8-bom' });

/** 5. The same row twice (rows 2 and 3). */
export const duplicateRows = (): Promise<string> => goodFile('duplicates.csv', [{}, {}]);

/** 6. An indicator not in the catalogue. */
export const unknownIndicator = (): Promise<string> => oneRow('unknown-indicator.csv', { indicator: 'NO_SUCH_INDICATOR' });

/** 7. A region not in the registry. */
export const unknownRegion = (): Promise<string> => oneRow('unknown-region.csv', { region: '坪洲区' });

/** 8. Words in the number cell. */
export const textInNumber = (): Promise<string> => oneRow('text-in-number.csv', { value: '约2600' });

/** 9. A number no figure can be. */
export const hugeNumber = (): Promise<string> => oneRow('huge-number.csv', { value: '1e308' });

/** 10. A negative share. */
export const negativeShare = (): Promise<string> =>
  oneRow('negative-share.csv', { indicator: 'FIN_SHARE_GDP', value: '-3', unit: '%', priceBasis: '' });

/** 11. Missing-value marks: '—' (row 2) and '-' (row 3). */
export const missingValueMarks = (): Promise<string> => goodFile('missing-marks.csv', [{ value: '—' }, { value: '-', period: '2022', publishedDate: '2023-04-30' }]);

/** 12. Periods that are not periods: "unspecified" (row 2), "unspecified (as of 2022-05 FAQ)" (row 3). */
export const unspecifiedPeriods = (): Promise<string> =>
  goodFile('unspecified-periods.csv', [{ period: 'unspecified' }, { period: 'unspecified (as of 2022-05 FAQ)' }]);

/**
 * 13. A row whose 原文 cell holds `megabytes` MB of text on one line (row 2), streamed to disk in 1 MiB chunks so
 * that writing it costs no memory either.
 */
export async function longLine(megabytes = 30): Promise<string> {
  const file = path.join(await tempDir(), 'long-line.csv');
  const out = createWriteStream(file);
  const write = async (chunk: string | Buffer) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(`${csvLine(HEADER)}\n`);
  const cells = figureRow();
  await write(`${csvLine(cells.slice(0, 12))},`);
  const chunk = Buffer.alloc(1 << 20, '统计公报原文');
  // 1 MiB of a 3-byte character repeated: cut at a character boundary.
  const whole = chunk.subarray(0, chunk.length - (chunk.length % 3));
  let written = 0;
  while (written < megabytes * (1 << 20)) {
    await write(whole);
    written += whole.length;
  }
  await write(',\n');
  out.end();
  await once(out, 'finish');
  return file;
}

/** 14. No 来源 column. */
export const missingSourceColumn = (): Promise<string> => {
  const drop = HEADER.indexOf('来源');
  const without = <T>(cells: readonly T[]) => cells.filter((_, i) => i !== drop);
  return writeCsv('no-source-column.csv', [without(HEADER), without(figureRow())]);
};

/** 15. A valid file with an extra column 颜色 (between 数值 and 单位). */
export const unknownColumn = (f: Figure = {}): Promise<string> => {
  const insert = <T>(cells: readonly T[], extra: T) => [...cells.slice(0, 4), extra, ...cells.slice(4)];
  return writeCsv('unknown-column.csv', [insert<string>(HEADER, '颜色'), insert(figureRow(f), '红色')]);
};

/** 21. An .xlsx workbook with the template headers: 数值 as a number cell, 发布日期 as a date cell. */
export async function xlsxFile(f: { region: string; period: number; value: number; published: Date }): Promise<string> {
  const file = path.join(await tempDir(), 'figures.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow([...HEADER]);
  const cells: Array<string | number | Date> = figureRow({ region: f.region });
  cells[2] = f.period;
  cells[3] = f.value;
  cells[10] = f.published;
  sheet.addRow(cells);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** 22. Headers of our own (ind, area, when, v, u, src), to be mapped explicitly. */
export const ownHeaders = (f: Figure = {}): Promise<string> => {
  const r = figureRow(f);
  return writeCsv('own-headers.csv', [
    ['ind', 'area', 'when', 'v', 'u', 'src'],
    [r[0], r[1], r[2], r[3], r[4], r[8]].map((c) => c ?? ''),
  ]);
};
