/**
 * Bounds on uploads (imports over HTTP), so that no file and no number of senders can exhaust the server: the
 * largest file, the most rows, how long a sender may stall, and how many imports run at once — per user and in all.
 * The workbook's own bounds (uncompressed size, compression ratio) are in services/import/zipGuard.ts.
 */
import { AuthError } from '../../services/access/auth';

export interface UploadLimits {
  /** Largest uploaded file, bytes (UPLOAD_MAX_MB). */
  maxBytes: number;
  /** Most data rows in one imported file (UPLOAD_MAX_ROWS). */
  maxRows: number;
  /** A sender that sends nothing for this long is cut off (400), and its temporary file removed. */
  idleMs: number;
  /** Imports running at once for one user (or token), and for the whole server. */
  perUser: number;
  total: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: 50 * 1024 * 1024, maxRows: 500_000, idleMs: 15_000, perUser: 1, total: 2 };

/**
 * Counts imports in progress; `enter` refuses (429) past either limit, and the caller calls the returned `leave`
 * when its import has ended, however it ended.
 *
 * @example
 * const leave = gate.enter('user:7'); try { … } finally { leave(); }
 */
export function uploadGate(limits: Pick<UploadLimits, 'perUser' | 'total'>) {
  const running = new Map<string, number>();
  let total = 0;
  return {
    enter(who: string): () => void {
      if ((running.get(who) ?? 0) >= limits.perUser) throw new AuthError(429, `an import of yours is still running (at most ${limits.perUser} at a time): wait for it to finish`, 5);
      if (total >= limits.total) throw new AuthError(429, `the server is importing ${total} files already: try again in a moment`, 5);
      running.set(who, (running.get(who) ?? 0) + 1);
      total++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        total--;
        const n = (running.get(who) ?? 1) - 1;
        if (n === 0) running.delete(who);
        else running.set(who, n);
      };
    },
  };
}
