// Starts the engine's thread from the TypeScript sources (tests, benchmarks): a thread has no loader of its own, so
// it registers tsx before it imports engineWorker.ts (the bundle has engine-worker.mjs and needs none of this).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
