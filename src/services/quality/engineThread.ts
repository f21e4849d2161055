/**
 * The rules engine on a thread of its own, for the checks of a file's rows: while it runs, this thread goes on
 * with the import (on the embedded database, PGlite works on this thread, so the classification of the rows and
 * the rules would otherwise take turns) and keeps answering requests. One thread per process, started by the
 * server (`serve`, once it listens); a check asked for before it is up runs here, as does every check of a one-off
 * command and any check when the thread cannot start.
 *
 * Where the engine's code is: beside this file as TypeScript when the sources run (tests, benchmarks: the
 * thread registers tsx first, engineWorkerBoot.mjs), or as `engine-worker.mjs` beside the bundle the
 * `plan-monitor` command builds (bin/plan-monitor.mjs).
 */
import { Worker } from 'node:worker_threads';
import type { CheckOutput } from '../../domain/quality/engine';
import type { EngineJob } from './engineJob';

type Reply = { id: number; output: CheckOutput } | { id: number; error: string } | { ready: true };

class EngineThread {
  private readonly worker: Worker;
  readonly up: Promise<boolean>;
  isUp = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (o: CheckOutput) => void; reject: (e: Error) => void }>();
  /** The key of the approved figures the thread holds (it keeps the last set sent). */
  private heldKey: string | null = null;

  constructor(onEnd: (thread: EngineThread) => void) {
    this.worker = workerOfEngine();
    this.worker.unref();
    let settle: (up: boolean) => void = () => undefined;
    this.up = new Promise((resolve) => (settle = resolve));
    this.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        this.isUp = true;
        settle(true);
        return;
      }
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (!waiting) return;
      if ('error' in reply) {
        this.heldKey = null;
        waiting.reject(new Error(`data-quality check (engine thread): ${reply.error}`));
      } else waiting.resolve(reply.output);
    });
    const end = (why: Error) => {
      this.isUp = false;
      settle(false);
      for (const w of this.pending.values()) w.reject(why);
      this.pending.clear();
      onEnd(this);
    };
    this.worker.on('error', (e) => end(e instanceof Error ? e : new Error(String(e))));
    this.worker.on('exit', (code) => end(new Error(`the data-quality engine's thread stopped (exit code ${code})`)));
  }

  /** Runs a job; its approved figures are not sent again when the thread holds them under the job's key. */
  run(job: EngineJob): Promise<CheckOutput> {
    const id = this.nextId++;
    const held = job.approvedKey !== null && job.approvedKey === this.heldKey;
    this.heldKey = job.approvedKey;
    const result = new Promise<CheckOutput>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Referenced while a job runs: the process waits for the answer (an idle thread keeps no process alive).
    this.worker.ref();
    this.worker.postMessage({ id, job: held ? { ...job, approved: null } : job });
    counted.jobs++;
    if (!held) counted.approvedSent++;
    return result;
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

function workerOfEngine(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./engineWorkerBoot.mjs', here), { workerData: { entry: new URL('./engineWorker.ts', here).href } });
  }
  return new Worker(new URL('./engine-worker.mjs', here));
}

/** What the engine's threads of this process were given: jobs, and how many of them carried the approved figures. */
const counted = { jobs: 0, approvedSent: 0 };
export function engineThreadCounts(): { jobs: number; approvedSent: number } {
  return { ...counted };
}

let current: EngineThread | null = null;
/** Threads that ended without being stopped: after a few, checks stay on this thread (something is wrong). */
let failures = 0;
const MAX_FAILURES = 3;

function thread(): EngineThread | null {
  if (current || failures >= MAX_FAILURES) return current;
  try {
    const started = new EngineThread((ended) => {
      if (current === ended) {
        current = null;
        failures++;
      }
    });
    current = started;
    return started;
  } catch {
    // No thread to be had (checks run here): a server does not stop for it.
    failures++;
    return null;
  }
}

/** The engine's thread if it is up (a server starts it; a one-off command runs its checks here). */
export function engineThreadIfUp(): { run(job: EngineJob): Promise<CheckOutput> } | null {
  return current?.isUp ? current : null;
}

/** Starts the engine's thread and waits until it is up (a server at start, tests, benchmarks): whether it is. */
export async function startEngineThread(): Promise<boolean> {
  const t = thread();
  return t ? t.up : false;
}

/**
 * Stops the engine's thread. Checks then run on the calling thread until startEngineThread() is called again; so do
 * they after a thread that ended by itself (a server runs on without it rather than start one thread after another).
 */
export async function stopEngineThread(): Promise<void> {
  const t = current;
  current = null;
  if (t) await t.stop();
}
