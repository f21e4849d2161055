/**
 * An .xlsx workbook is a zip archive, and a zip can unpack to far more than it weighs (a "zip bomb": 50 KB that
 * inflate to gigabytes). Before the workbook is parsed, its entries are inflated once as a stream — nothing is
 * kept — counting the bytes they really produce (the sizes a zip declares can lie) and the rows of its sheets; the
 * archive is refused as soon as the total passes a ceiling, the ratio to the file's size is that of a bomb, or the
 * sheets hold more rows than an import takes.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Unzip, UnzipInflate } from 'fflate';
import { TooLargeError } from '../errors';
import { FileFormatError } from './readCsv';

export interface ZipLimits {
  /** Most bytes all entries may inflate to. */
  maxUncompressedBytes: number;
  /** Most inflated bytes per byte of the file, once past `ratioFloorBytes`. */
  maxRatio: number;
  /** Most rows (<row> elements) in all worksheets together. */
  maxRows: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 512 * 1024 * 1024, maxRatio: 200, maxRows: 1_000_000 };
/** A small archive cannot hurt, whatever its ratio (a sheet of one repeated value compresses a thousandfold). */
const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;

export interface ZipScan {
  uncompressedBytes: number;
  rows: number;
}

/** Scans `file`; throws TooLargeError past a limit, FileFormatError when it is not a zip archive at all. */
export async function scanZip(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipScan> {
  const size = (await stat(file)).size;
  let total = 0;
  let rows = 0;
  let entries = 0;
  let refused: Error | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    entries++;
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    // A "<row " split across two chunks is counted by keeping the last bytes of the previous chunk.
    let tail = '';
    const count = (t: string) => t.match(/<row[\s>]/g)?.length ?? 0;
    entry.ondata = (err, data) => {
      if (refused) return;
      if (err) {
        refused = new FileFormatError(`not a readable .xlsx workbook (entry ${entry.name}: ${err.message})`);
        return;
      }
      total += data.length;
      if (sheet) {
        const text = tail + Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
        rows += count(text) - count(tail);
        tail = text.slice(-5);
      }
      refused = verdict(total, rows, size, limits);
    };
    if (entry.compression !== 0 && entry.compression !== 8) {
      refused = new FileFormatError(`not a readable .xlsx workbook (entry ${entry.name} uses compression method ${entry.compression})`);
      return;
    }
    entry.start();
  };
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      unzip.push(chunk);
      if (refused) break;
    }
    if (!refused) unzip.push(new Uint8Array(0), true);
  } catch (e) {
    refused ??= new FileFormatError(`not a readable .xlsx workbook (${(e as Error).message})`);
  } finally {
    stream.destroy();
  }
  if (refused) throw refused;
  if (entries === 0) throw new FileFormatError('not a readable .xlsx workbook (no zip entries)');
  return { uncompressedBytes: total, rows };
}

function verdict(total: number, rows: number, size: number, l: ZipLimits): Error | null {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (total > l.maxUncompressedBytes) return new TooLargeError(`the workbook unpacks to more than ${mb(l.maxUncompressedBytes)} (the file is ${mb(size)}): split it, or send it as CSV`);
  if (total > RATIO_FLOOR_BYTES && total / Math.max(size, 1) > l.maxRatio) {
    return new TooLargeError(`the workbook unpacks to more than ${l.maxRatio} times its size (${mb(total)} from ${mb(size)} so far): not a table of figures (a zip bomb?)`);
  }
  // A <row> counted past the limit: the header row is one of them, hence the + 1.
  if (rows > l.maxRows + 1) return new TooLargeError(`the workbook has more than ${l.maxRows} rows, the most one import takes: split it`);
  return null;
}
