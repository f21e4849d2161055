import { describe, expect, it } from 'vitest';
import { Spool } from './spool';

describe('Spool', () => {
  it('gives every batch back whole and in order, from memory and then from its file, as UTF-8 bytes', async () => {
    // 40 bytes of memory (20 UTF-16 code units): the first batch stays in memory, the rest go to the file.
    const spool = new Spool(40);
    const batches = ['1\t深圳\n2\t南山\n', '3\tx\n', '', '4\t福田区\t\\N\n'];
    for (const b of batches) await spool.add(b);
    const back: string[] = [];
    for await (const bytes of spool.bytes()) back.push(Buffer.from(bytes).toString('utf8'));
    expect(back).toEqual(['1\t深圳\n2\t南山\n', '3\tx\n', '4\t福田区\t\\N\n']);
    await spool.dispose();
    const after: Uint8Array[] = [];
    for await (const bytes of spool.bytes()) after.push(bytes);
    expect(after).toEqual([]);
  });
});
