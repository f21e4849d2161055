/**
 * COPY out in pieces as the rows arrive (copyOutText), on both databases: the pieces are whole lines and together
 * they are exactly the text copyOut returns — escapes, nulls, non-ASCII text, and enough rows that a server sends
 * them over many network reads; an error in the query rejects, and the connection goes on working afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { copyInto, copyLine, copyOut, copyOutText } from '../src/db/copy';
import { drivers } from './support/databases';

describe.each(drivers)('copyOutText on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await database.db.execute('create table copy_probe (id int, label text, amount numeric)');
    const lines = Array.from({ length: 30_000 }, (_, i) => copyLine([i, i % 7 === 0 ? null : i % 5 === 0 ? `制造业\t${i}\\x\n` : `GDP-${i}`, i % 3 === 0 ? `-${i}.25` : String(i)]));
    await database.db.transaction((tx) => copyInto(tx, database.driver, 'copy_probe', ['id', 'label', 'amount'], lines.join('')));
  });
  afterAll(async () => {
    await database.close();
  });

  it('hands over whole lines that together equal copyOut', async () => {
    const query = 'select id, label, amount from copy_probe order by id';
    const whole = await database.db.transaction((tx) => copyOut(tx, database.driver, query));
    const pieces: string[] = [];
    await database.db.transaction((tx) => copyOutText(tx, database.driver, query, (t) => pieces.push(t)));
    expect(pieces.join('')).toBe(whole);
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
    if (database.driver === 'postgres') expect(pieces.length).toBeGreaterThan(1);
    expect(whole.split('\n').length).toBe(30_001);
  });

  it('rejects on an error in the query, and the database goes on answering', async () => {
    await expect(database.db.transaction((tx) => copyOutText(tx, database.driver, 'select 1 / (id - id) from copy_probe', () => {}))).rejects.toThrow(/division by zero/);
    // An error after many rows have been sent.
    await expect(database.db.transaction((tx) => copyOutText(tx, database.driver, 'select label, 1 / (id - 25000) from copy_probe order by id', () => {}))).rejects.toThrow(/division by zero/);
    const text = await database.db.transaction((tx) => copyOut(tx, database.driver, 'select count(*) from copy_probe'));
    expect(text).toBe('30000\n');
  });
});
