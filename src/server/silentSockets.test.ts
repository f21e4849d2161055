import { once } from 'node:events';
import { connect } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { closeSilentSockets } from './silentSockets';

async function serverWithSilentClient(register: boolean) {
  const app = Fastify();
  if (register) await app.register(closeSilentSockets);
  app.get('/slow', async () => {
    await new Promise((r) => setTimeout(r, 300));
    return { done: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  // A connection that never sends a byte, as a browser's preconnect does.
  const accepted = once(app.server, 'connection');
  const silent = connect(address.port, '127.0.0.1');
  silent.on('error', () => undefined);
  await Promise.all([once(silent, 'connect'), accepted]);
  return { app, port: address.port, silent };
}

const closesWithin = async (close: Promise<unknown>, ms: number) =>
  Promise.race([close.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('closing beside a connection that never sent a request', () => {
  it('closes at once, ending the silent connection, where plain Node would wait for it', async () => {
    const plain = await serverWithSilentClient(false);
    const plainClose = plain.app.close();
    // The defect this plugin exists for: without it, close() is still waiting after a second.
    expect(await closesWithin(plainClose, 1000)).toBe(false);
    plain.silent.destroy();
    await plainClose;

    const ours = await serverWithSilentClient(true);
    const ended = once(ours.silent, 'close');
    expect(await closesWithin(ours.app.close(), 1000)).toBe(true);
    await ended;
    expect(ours.silent.destroyed).toBe(true);
  });

  it('lets a request in flight finish before closing', async () => {
    const { app, port, silent } = await serverWithSilentClient(true);
    const answer = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json() as Promise<{ done: boolean }>);
    await new Promise((r) => setTimeout(r, 50));
    await app.close();
    expect(await answer).toEqual({ done: true });
    expect(silent.destroyed || silent.readyState === 'closed').toBe(true);
  });
});
