/**
 * The data version: a number that moves forward when a transaction that changed data commits, and at no other time
 * (drizzle/0015_data_changes.sql: a statement trigger on every watched table adds one row per writing transaction,
 * and the version is the sum of the committed rows' weights). Two equal versions mean that no data changed in
 * between, on this process or any other sharing the database — what a cache of computed results keys on
 * (services/cache/byDataVersion.ts). Read before computing, it never names a result older than the data it was
 * computed from: a write that commits in between only makes the entry newer than its key, and the next read
 * computes again.
 *
 * @example
 * const v = await dataVersion(db); // '4711'
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { queryRows } from './raw';

/** Rows the table may hold before a reader folds them into one; reading stays one small scan. */
const COMPACT_ABOVE = 200;

export async function dataVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ version: string; rows: number }>(
    db,
    sql`select coalesce(sum(weight), 0)::text as version, count(*)::int as rows from data_changes`,
  );
  if (!row) throw new Error('the data version could not be read');
  // Folding is housekeeping: where it cannot write (a read-only replica, a role without DELETE) the version read
  // stands all the same, and the next writer-side reader folds.
  if (row.rows > COMPACT_ABOVE) await compactDataChanges(db).catch(() => undefined);
  return row.version;
}

/**
 * The figure version: like the data version, but moved only by transactions that changed the stored figures or
 * their supersessions (drizzle/0020_figure_changes.sql) — what the approved figures a check reads depend on. Null
 * inside a transaction that has itself changed figures: its own uncommitted change is counted there, and were it
 * rolled back, another transaction's commit could bring the version back to the same number with other figures.
 *
 * @example
 * const v = await figureVersion(db); // '812', or null: do not keep what is read now
 */
export async function figureVersion(db: Db): Promise<string | null> {
  // No folding here: this is read inside an import's transaction, where a failed DELETE would abort the import;
  // the data version's readers fold the same rows.
  const [row] = await queryRows<{ version: string; mine: boolean }>(
    db,
    sql`select coalesce(sum(figures), 0)::text as version,
               coalesce(bool_or(figures > 0 and tx = pg_current_xact_id_if_assigned()), false) as mine
        from data_changes`,
  );
  if (!row) throw new Error('the figure version could not be read');
  return row.mine ? null : row.version;
}

/**
 * Folds the committed rows into one of the same total weights, in one statement: both versions are unchanged, and
 * two readers compacting at once each fold only the rows they deleted. Rows of transactions still open are not
 * visible to it, stay, and count when they commit. Call it outside any transaction that writes (dataVersion reads
 * on the database handle, never in a transaction): the folded row takes the compacting transaction's key, and a
 * later write of that same transaction would find its key taken and not move either version.
 */
export async function compactDataChanges(db: Db): Promise<void> {
  await db.execute(sql`
    with gone as (delete from data_changes returning weight, figures)
    insert into data_changes (weight, figures) select sum(weight), sum(figures) from gone having count(*) > 0`);
}
