/**
 * The engine's thread (engineThread.ts starts it): receives jobs, runs the rules, sends the output back. It keeps
 * the last approved figures it was sent, so a file checked again costs no second copy of them.
 */
import { parentPort } from 'node:worker_threads';
import { runEngineJob, type EngineJob, type KeptApproved } from './engineJob';

const port = parentPort;
if (port) {
  let kept: KeptApproved = { key: null, figures: [] };
  port.on('message', (message: { id: number; job: EngineJob }) => {
    try {
      const ran = runEngineJob(message.job, kept);
      kept = ran.kept;
      port.postMessage({ id: message.id, output: ran.output });
    } catch (e) {
      kept = { key: null, figures: [] };
      port.postMessage({ id: message.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  port.postMessage({ ready: true });
}
