/**
 * A browser opens spare connections to a server it talks to (speculative preconnects) and may leave them without
 * ever sending a request. Node 20's `server.close()` waits for every connection, and its `closeIdleConnections()`
 * (which Fastify calls on close) passes over a socket that has not begun a request (nodejs/node#63452, fixed in later
 * Node versions), so one open browser tab could hold a shutdown until the headers timeout (60 s) or for good — a
 * Ctrl-C that does not stop the server, a test that hangs in app.close(). This plugin remembers which sockets have
 * begun a request and, when the app closes, ends those that never did. Sockets with a request in flight are left to
 * finish, their connection closed after the answer; idle keep-alive sockets are closed by
 * Fastify itself.
 *
 * @example
 * await app.register(closeSilentSockets); // before listen; nothing to do at close
 */
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const closeSilentSockets = fp(async (app: FastifyInstance) => {
  const open = new Set<Socket>();
  const spoken = new WeakSet<Socket>();
  app.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  app.server.on('request', (req: { socket: Socket }) => spoken.add(req.socket));
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    for (const socket of open) if (!spoken.has(socket)) socket.destroy();
  });
  // A request still in flight when the close began is answered, and its connection not kept alive after it.
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });
});
