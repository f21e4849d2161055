import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileFormatError, readCsv, type SourceRecord } from './readCsv';

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
});
