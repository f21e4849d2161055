/**
 * One process per embedded database folder. PGlite is PostgreSQL for one process: two processes opening the same
 * folder each replay and checkpoint the write-ahead log over the other's, and figures one of them reported as
 * committed are gone after the next start. So whoever opens a folder first holds an exclusive lock on a file beside
 * it (`<folder>.lock`) until it closes the database or dies; a second opener is refused with a message naming the
 * holder (pid, command, address) and what to do.
 *
 * The lock is the kernel's (an open-file-description lock, fcntl F_OFD_SETLK, through fs-native-extensions), not
 * the file's existence: it is released when the holder's process ends in any way, kill -9 included, so a lock file
 * left behind by a crash is never mistaken for a live holder, and no pid has to be guessed alive or dead. The file
 * itself only carries the holder's description, for the message, and the address of its local admin channel
 * (server/adminChannel.ts) through which the plan-monitor command reaches a running server.
 *
 * @example
 * const lock = lockFolder('/srv/pm/var/pglite', 'plan-monitor serve'); // throws FolderBusyError if held
 * lock.describe({ url: 'http://127.0.0.1:3000' });
 * lock.release();
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import path from 'node:path';

interface NativeLocks {
  tryLock(fd: number, offset?: number, length?: number, opts?: { shared?: boolean }): boolean;
  unlock(fd: number, offset?: number, length?: number): void;
}
// A native CommonJS package without type declarations: loaded through require and typed here, once.
const native = createRequire(import.meta.url)('fs-native-extensions') as NativeLocks;

/** Who holds a folder: written into the lock file by the holder, read by anyone refused. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
  /** The HTTP address of a server holding the folder. */
  url?: string;
  /** The server's local admin channel: a Unix socket and the file with its token (readable by the owner only). */
  channel?: { socket: string; tokenFile: string };
}

export class FolderBusyError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    super(busyMessage(folder, holder));
  }
}

export interface FolderLock {
  readonly file: string;
  /** The holder before us, if one left its description behind without closing cleanly (a crash, kill -9). */
  readonly previous: LockHolder | null;
  /** Adds to the holder's description (a server's address and admin channel once it listens). */
  describe(more: Partial<LockHolder>): void;
  release(): void;
}

export const lockFileOf = (folder: string): string => `${path.resolve(folder)}.lock`;

/** Takes the folder's lock, or throws FolderBusyError naming the process that holds it. */
export function lockFolder(folder: string, command: string): FolderLock {
  const file = lockFileOf(folder);
  mkdirSync(path.dirname(file), { recursive: true });
  // Opened for reading and writing without truncating: the description of a holder must survive our attempt.
  const fd = openSync(file, 'a+', 0o644);
  let locked = false;
  try {
    locked = native.tryLock(fd);
  } finally {
    if (!locked) closeSync(fd);
  }
  if (!locked) throw new FolderBusyError(folder, readLockHolder(folder));
  const previous = parseHolder(readAll(fd));
  let holder: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  const write = () => {
    ftruncateSync(fd, 0);
    writeSync(fd, `${JSON.stringify(holder, null, 2)}\n`, 0);
  };
  write();
  let released = false;
  return {
    file,
    previous,
    describe(more) {
      if (released) return;
      holder = { ...holder, ...more };
      write();
    },
    release() {
      if (released) return;
      released = true;
      // Emptied before unlocking: a description left in the file means its holder did not close cleanly.
      // The file itself stays — removing it could let two processes each lock a different file of the same name.
      try {
        ftruncateSync(fd, 0);
      } finally {
        native.unlock(fd);
        closeSync(fd);
      }
    },
  };
}

/** The description of whoever holds (or last held) the folder; null when there is none. */
export function readLockHolder(folder: string): LockHolder | null {
  try {
    return parseHolder(readFileSync(lockFileOf(folder), 'utf8'));
  } catch {
    return null;
  }
}

function readAll(fd: number): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(4096);
  let pos = 0;
  for (let n = readSync(fd, buf, 0, buf.length, pos); n > 0; n = readSync(fd, buf, 0, buf.length, pos)) {
    chunks.push(Buffer.from(buf.subarray(0, n)));
    pos += n;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseHolder(text: string): LockHolder | null {
  if (text.trim() === '') return null;
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.command === 'string' ? (h as LockHolder) : null;
  } catch {
    return null;
  }
}

function busyMessage(folder: string, h: LockHolder | null): string {
  const who = h ? `\`${h.command}\` (pid ${h.pid}${h.host !== hostname() ? ` on ${h.host}` : ''}${h.url ? `, ${h.url}` : ''}, since ${h.since})` : 'another process (just starting)';
  const what = h?.url
    ? 'a server is running on this database: use it, or stop it first. The plan-monitor command works beside it (its commands go through the server).'
    : 'wait for it to finish, or stop it, then run this again.';
  return `the embedded database ${folder} is in use by ${who}; only one process may open it at a time: ${what}`;
}
