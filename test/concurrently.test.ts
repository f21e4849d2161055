import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client';
import { concurrently } from '../src/db/concurrently';
import { queryRows } from '../src/db/raw';
import { drivers } from './support/databases';

describe.each(drivers)('concurrently ($name)', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('returns every read in order, outside and inside a transaction', async () => {
    const value = async (db: Database['db'], v: number) => (await queryRows<{ v: number }>(db, sql`select ${v}::int as v`))[0];
    expect(await concurrently(database.db, [() => value(database.db, 1), () => value(database.db, 2)])).toEqual([{ v: 1 }, { v: 2 }]);
    const inside = await database.db.transaction(async (tx) => concurrently(tx, [() => value(tx, 3), () => value(tx, 4)]));
    expect(inside).toEqual([{ v: 3 }, { v: 4 }]);
  });

  it('inside a transaction starts a read only when the one before has ended (its one connection runs one query at a time); outside, at once', async () => {
    const events: string[] = [];
    const read = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`end ${name}`);
      return name;
    };
    expect(await database.db.transaction(async (tx) => concurrently(tx, [read('a'), read('b')]))).toEqual(['a', 'b']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b']);
    events.length = 0;
    await concurrently(database.db, [read('a'), read('b')]);
    expect(events.slice(0, 2)).toEqual(['start a', 'start b']);
  });
});
