/**
 * Several reads at once where the handle allows it. On a pool (node-postgres) each query takes a connection of its
 * own, so independent reads overlap. Inside a transaction every query goes to its one connection, where node-postgres
 * queues a query sent while another runs and warns that pg 9 will refuse it — there the reads run one after another.
 * PGlite has one connection either way, and runs them in turn.
 *
 * @example
 * const [regions, catalogue] = await concurrently(db, [() => listRegions(db), () => listCatalogue(db)]);
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './client';

export async function concurrently<T extends readonly unknown[]>(db: Db, reads: { readonly [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const thunks = reads as readonly (() => Promise<unknown>)[];
  if (!(db instanceof PgTransaction)) return (await Promise.all(thunks.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of thunks) out.push(await read());
  return out as unknown as T;
}
