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
  query(sql: string, params: unknown[], options?: { blob: Blob }): Promise<unknown>;
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

/**
 * Copies what `chunks` yields (whole lines made as by `copyLine`, as text or as UTF-8 bytes) into `table (columns)`
 * as one COPY on a server: the chunks are made or read as PostgreSQL takes them (the stream's back-pressure), so
 * Node prepares the next chunk while the server inserts the last. PGlite takes each chunk as a blob of its own (one
 * COPY per chunk, same rows). Bytes read from a file are best sent as they are: turned into a string first, a batch
 * of Chinese text is a two-byte string megabytes long, which V8 keeps until a full collection (a million rows staged
 * so raised an import's peak memory by some 100 MB).
 */
export async function copyChunks(db: Db, driver: DatabaseTarget['driver'], table: string, columns: readonly string[], chunks: Iterable<string> | AsyncIterable<string | Uint8Array<ArrayBuffer>>): Promise<void> {
  const target = `${table} (${columns.join(', ')})`;
  const client = clientOf(db);
  if (driver === 'pglite') {
    for await (const chunk of chunks) if (chunk.length > 0) await (client as PgliteClient).query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([chunk]) });
    return;
  }
  const [{ from }, { pipeline }, { Readable }] = await Promise.all([import('pg-copy-streams'), import('node:stream/promises'), import('node:stream')]);
  const stream = (client as PgClient).query(from(`copy ${target} from stdin`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
}

/**
 * Runs `COPY (query) TO …` on the connection or transaction behind `db` and returns the rows as COPY's text format
 * (read them with `copyFields`). A large result reads several times faster this way than as query rows: PostgreSQL
 * formats the text in C, and no row objects are built — on PGlite five times faster for 50,000 rows. `query` is
 * SQL text without parameters (quote values with `sqlLiteral`). On a server, call it inside a transaction: the
 * stream needs one connection from start to end.
 */
export async function copyOut(db: Db, driver: DatabaseTarget['driver'], query: string): Promise<string> {
  const client = clientOf(db);
  if (driver === 'pglite') {
    const result = (await (client as PgliteClient).query(`copy (${query}) to '/dev/blob'`, [])) as { blob?: Blob };
    return result.blob ? await result.blob.text() : '';
  }
  const { to } = await import('pg-copy-streams');
  const stream = (client as PgClient).query(to(`copy (${query}) to stdout`));
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * As `copyOut`, but hands the text over as it arrives, in pieces of whole lines: on a server the rows are read while
 * PostgreSQL is still writing the rest (the two overlap, on two cores), and no per-row buffer is made. PGlite
 * gives its blob at once (one piece). On a server, call it inside a transaction (one connection).
 */
export async function copyOutText(db: Db, driver: DatabaseTarget['driver'], query: string, onText: (lines: string) => void): Promise<void> {
  const client = clientOf(db);
  if (driver === 'pglite') {
    const result = (await (client as PgliteClient).query(`copy (${query}) to '/dev/blob'`, [])) as { blob?: Blob };
    if (result.blob) onText(await result.blob.text());
    return;
  }
  await new Promise<void>((resolve, reject) => {
    (client as PgClient).query(new CopyOutLines(`copy (${query}) to stdout`, onText, resolve, reject));
  });
}

/** Backend message codes of the COPY OUT flow (PostgreSQL protocol, "COPY Operations"). */
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR_RESPONSE = 0x45; // 'E'

/** The socket under a pg connection, as pg-copy-streams reaches it. */
interface PgSocket {
  listeners(event: 'data'): Array<(chunk: Buffer) => void>;
  removeListener(event: string, listener: (...args: never[]) => void): void;
  addListener(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'readable', listener: () => void): void;
  read(): Buffer | null;
  pause(): void;
  resume(): void;
}
interface PgConnection {
  stream: PgSocket;
  query(text: string): void;
}

/**
 * A pg "submittable" (as pg-copy-streams' copy-to, which it follows): it takes the socket from pg while the COPY
 * data flows, strips the message framing of every row into one buffer per network read, and hands pg back the
 * socket at CopyDone (or at an error), so that pg reads CommandComplete and ReadyForQuery itself.
 */
class CopyOutLines {
  private connection: PgConnection | null = null;
  private pgDataHandler: ((chunk: Buffer) => void) | null = null;
  private rest: Buffer | null = null;
  private out = Buffer.allocUnsafe(1 << 16);
  private settled = false;
  private readonly onReadable = () => this.drain();

  constructor(
    readonly text: string,
    private readonly onText: (lines: string) => void,
    private readonly resolve: () => void,
    private readonly reject: (e: unknown) => void,
  ) {}

  submit(connection: PgConnection): void {
    this.connection = connection;
    const socket = connection.stream;
    const listeners = socket.listeners('data');
    if (listeners.length !== 1) throw new Error('COPY: the pg connection has not exactly one data listener');
    this.pgDataHandler = listeners[0] ?? null;
    if (this.pgDataHandler) socket.removeListener('data', this.pgDataHandler);
    socket.pause();
    socket.on('readable', this.onReadable);
    connection.query(this.text);
    this.drain();
  }

  private drain(): void {
    const socket = this.connection?.stream;
    if (!socket) return;
    let chunk: Buffer | null;
    // Until CopyDone or an error gives the socket back to pg (consume detaches).
    while (this.attached && (chunk = socket.read()) !== null) this.consume(chunk);
  }

  private get attached(): boolean {
    return this.pgDataHandler !== null;
  }

  private consume(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.rest = null;
    if (this.out.length < buf.length) this.out = Buffer.allocUnsafe(Math.max(buf.length, this.out.length * 2));
    let pos = 0;
    let used = 0;
    let done = false;
    while (buf.length - pos >= 5) {
      const code = buf[pos];
      if (code === ERROR_RESPONSE) break;
      const length = buf.readUInt32BE(pos + 1) - 4;
      if (buf.length - pos - 5 < length) break;
      // Every CopyData message is one row (its line, with its newline); the others (CopyOutResponse, notices) are skipped.
      if (code === COPY_DATA) used += buf.copy(this.out, used, pos + 5, pos + 5 + length);
      pos += 5 + length;
      if (code === COPY_DONE) {
        done = true;
        break;
      }
    }
    try {
      if (used > 0 && !this.settled) this.onText(this.out.toString('utf8', 0, used));
    } catch (e) {
      this.fail(e);
    }
    const left = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    if (done || (left && left[0] === ERROR_RESPONSE)) this.detach(left);
    else this.rest = left;
  }

  /** Gives the socket back to pg with what it has not read yet (CommandComplete, ReadyForQuery, or an error). */
  private detach(unread: Buffer | null): void {
    const socket = this.connection?.stream;
    const handler = this.pgDataHandler;
    if (!socket || !handler) return;
    this.pgDataHandler = null;
    socket.removeListener('readable', this.onReadable);
    socket.addListener('data', handler);
    if (unread) handler(unread);
    // As pg-copy-streams: the data handler may have paused the socket; resume it once that call has returned.
    process.nextTick(() => socket.resume());
  }

  private fail(e: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(e);
  }

  handleError(e: unknown): void {
    this.fail(e);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve();
  }
}

/** A string as an SQL literal (standard_conforming_strings: only the quote is doubled). */
export const sqlLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const unescapes: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' };

/**
 * Calls `row` with the fields of each line of COPY text (null for \\N), reusing one array: copy what you keep.
 *
 * @example
 * copyFields('1\tGDP\t\\N\n', (f) => console.log(f)) // ['1', 'GDP', null]
 */
export function copyFields(text: string, row: (fields: ReadonlyArray<string | null>) => void): void {
  const fields: Array<string | null> = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    fields.length = 0;
    let from = start;
    while (from <= end) {
      let to = text.indexOf('\t', from);
      if (to < 0 || to > end) to = end;
      const cell = text.slice(from, to);
      fields.push(cell === '\\N' ? null : cell.includes('\\') ? cell.replace(/\\(.)/g, (_m, c: string) => unescapes[c] ?? c) : cell);
      from = to + 1;
    }
    row(fields);
    start = end + 1;
  }
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * An integer field of COPY text (text[from, to)), null for \N, read from its characters (no substring).
 *
 * @example
 * copyInteger('7\t-42\n', 2, 5) // -42
 */
export function copyInteger(text: string, from: number, to: number): number | null {
  if (to - from === 2 && text.charCodeAt(from) === 92) return null;
  let n = 0;
  let sign = 1;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (i === from && d === -3) sign = -1; // '-'
    else if (d >= 0 && d <= 9) n = n * 10 + d;
    else return Number(text.slice(from, to));
  }
  return sign * n;
}

/**
 * A numeric field of COPY text as Number() reads it, without a substring: the digits gathered as an integer m and
 * divided by 10^k (k decimals). While m < 2^53 and k ≤ 22 both are exact doubles and one division rounds
 * correctly, to the double nearest the decimal — which is what Number() gives. Anything else (more digits, an
 * exponent, NaN) goes through Number().
 *
 * @example
 * copyDecimal('x\t-12.50\n', 2, 8) // -12.5
 */
export function copyDecimal(text: string, from: number, to: number): number {
  // \N (no value) reads as 0, as Number(null) did.
  if (to - from === 2 && text.charCodeAt(from) === 92) return 0;
  let m = 0;
  let k = -1;
  let sign = 1;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      m = m * 10 + (ch - 48);
      digits++;
      if (k >= 0) k++;
    } else if (ch === 46 && k < 0) k = 0;
    else if (ch === 45 && i === from) sign = -1;
    else return Number(text.slice(from, to));
  }
  if (digits === 0 || m > Number.MAX_SAFE_INTEGER || k > 22) return Number(text.slice(from, to));
  return (sign * m) / (POW10[k < 0 ? 0 : k] ?? 1);
}

