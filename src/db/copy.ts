/**
 * Bulk loading with PostgreSQL's COPY, on both drivers: a server takes the rows as a COPY … FROM STDIN stream
 * (pg-copy-streams), PGlite as a blob (COPY … FROM '/dev/blob'). Both read the same text produced by `copyLine`,
 * so the two drivers load identical rows. COPY parses its text format in C, far faster than rows sent as query
 * parameters or JSON, which matters when an import stages a million figures.
 */
import type { Db, DatabaseTarget } from './client';

export type CopyCell = string | number | boolean | null;

const special = /[\\\t\n\r]/;
const specials = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One row in COPY's text format: cells separated by tabs, null as \N, backslash, tab and line breaks escaped. */
export function copyLine(cells: readonly CopyCell[]): string {
  // Joined rather than concatenated cell by cell: join makes one flat string, where += builds a chain of pieces
  // per row that the garbage collector then has to walk.
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined) out[i] = '\\N';
    else if (typeof c === 'boolean') out[i] = c ? 't' : 'f';
    else if (typeof c === 'number') out[i] = String(c);
    else out[i] = special.test(c) ? c.replace(specials, (ch) => escapes[ch] ?? ch) : c;
  }
  return `${out.join('\t')}\n`;
}

/** What the two drivers put under a drizzle database or transaction: the client that runs its queries. */
interface PgliteClient {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}
interface PgClient {
  query<T>(submittable: T): T;
}

/**
 * The driver's own client behind a drizzle handle. drizzle keeps it as `session.client` on both drivers (inside
 * a transaction, the connection or transaction that runs it); it offers no public accessor, hence this one
 * checked cast, kept here.
 */
function clientOf(db: Db): unknown {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (typeof client !== 'object' || client === null || typeof (client as { query?: unknown }).query !== 'function') {
    throw new Error('COPY needs the driver client behind the database handle, and none was found');
  }
  return client;
}

/**
 * Copies `text` (lines made by `copyLine`) into `table (columns)` on the connection or transaction behind `db`:
 * inside a transaction the rows are part of it.
 */
export async function copyInto(db: Db, driver: DatabaseTarget['driver'], table: string, columns: readonly string[], text: string): Promise<void> {
  if (text === '') return;
  const target = `${table} (${columns.join(', ')})`;
  const client = clientOf(db);
  if (driver === 'pglite') {
    await (client as PgliteClient).query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  // Loaded only on a server, like the pg driver itself.
  const [{ from }, { pipeline }, { Readable }] = await Promise.all([import('pg-copy-streams'), import('node:stream/promises'), import('node:stream')]);
  const stream = (client as PgClient).query(from(`copy ${target} from stdin`));
  await pipeline(Readable.from([text]), stream);
}
