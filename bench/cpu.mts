// CPU time for benchmarks on a shared machine: wall time swings with whatever else runs (load average 10–16 on 2
// cores during issue 20), CPU time is what the work costs. Node's own (process.cpuUsage, every thread: PGlite runs
// in it) and, for a PostgreSQL server on this machine, that of the server processes serving one database (read from
// /proc, as bench/import-1m.mts does).
import { readFile } from 'node:fs/promises';
import type pg from 'pg';

const CLOCK_TICKS = 100; // USER_HZ on Linux

export const nodeCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function processCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU so far of each server process connected to `database` (by pid). */
export async function serverCpuMs(admin: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
  return new Map(await Promise.all(rows.map(async (r) => [r.pid, await processCpuMs(r.pid)] as [number, number])));
}

export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/** Times `fn`: wall, Node CPU and (with a server) the server's CPU for that database. */
export async function timed<T>(fn: () => Promise<T>, server?: { admin: pg.Client; database: string }): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const s0 = server ? await serverCpuMs(server.admin, server.database) : null;
  const n0 = nodeCpuMs();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const node = nodeCpuMs() - n0;
  const srv = server && s0 ? cpuSpent(s0, await serverCpuMs(server.admin, server.database)) : 0;
  return { value, wallMs, cpuMs: node + srv };
}
