import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { FileFormatError, MAX_RECORD_BYTES, readCsv, type SourceRecord } from './readCsv';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function read(content: string | Buffer): Promise<SourceRecord[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-readcsv-'));
  dirs.push(dir);
  const file = path.join(dir, 'f.csv');
  await writeFile(file, content);
  const out: SourceRecord[] = [];
  for await (const r of readCsv(file)) out.push(r);
  return out;
}

describe('readCsv', () => {
  it('numbers rows as a spreadsheet shows them: blank lines count, a line break inside quotes does not', async () => {
    const records = await read('a,b\r\n1,"x\ny"\r\n\r\n,,\r\n2,z');
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', 'x\ny'] },
      { row: 5, cells: ['2', 'z'] },
    ]);
  });

  it('reads the last record when no line break follows it, and every record of a file larger than one read', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i},${'v'.repeat(i % 50)}`);
    const records = await read(`h,v\n${lines.join('\n')}`);
    expect(records).toHaveLength(20_001);
    expect(records.at(-1)).toEqual({ row: 20_001, cells: ['19999', 'v'.repeat(19_999 % 50)] });
  });

  it('names the line of a quote left open at the end of the file', async () => {
    await expect(read('a,b\n1,"open\n2,3\n')).rejects.toThrow(FileFormatError);
  });

  // The plain split (no quote, no carriage return) must read every file exactly as csv-parse does.
  it('reads a file without quotes as csv-parse does: byte-order mark, blank lines, empty cells, a last line without a break, a quote first met after the first read', async () => {
    const asCsvParse = (text: string): SourceRecord[] =>
      (parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][])
        .map((cells, i) => ({ row: i + 1, cells }))
        .filter((r) => !r.cells.every((c) => c.trim() === ''));
    const body = Array.from({ length: 9_000 }, (_, i) => (i % 97 === 0 ? '' : i % 89 === 0 ? ',,,' : `9144${i},2024-0${(i % 9) + 1},营业收入,${i / 10}${i % 7 === 0 ? ',' : ''}`));
    const cases = [
      `\uFEFF统一社会信用代码,统计期,指标,数值\n${body.join('\n')}`,
      `a,b\n${body.join('\n')}\n`,
      `a,b\n${body.join('\n')}\n\n`,
      // A quote, then a carriage return, only past the first 64 KB read: the line in progress goes to csv-parse.
      `a,b\n${body.join('\n')}\n"q,1",2\n${body.slice(0, 50).join('\r\n')}`,
    ];
    for (const text of cases) expect(await read(text)).toEqual(asCsvParse(text));
  });

  it('refuses a line longer than the record limit without quotes too', async () => {
    await expect(read(`a,b\n1,${'x'.repeat(MAX_RECORD_BYTES + 10)}\n2,3\n`)).rejects.toThrow(/row 2 is longer than/);
  });
});
