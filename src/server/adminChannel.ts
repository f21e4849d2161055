/**
 * The local admin channel: how the plan-monitor command reaches a running server instead of opening its embedded
 * database a second time (db/folderLock.ts). The server listens on a Unix socket in its data folder, readable and
 * writable by its own user only, and writes a random token beside it (mode 0600); a request on that socket that
 * carries the token acts as the operator at the console (the CLI principal), through the same routes, policies and
 * audit as any other request. Nothing of it is reachable over the network, nor through a reverse proxy; the token
 * changes at every start and both files are removed at a clean stop.
 */
import { chmod, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { FolderLock } from '../db/folderLock';
import { newSecret, sameSecret } from '../services/access/secrets';

export const ADMIN_TOKEN_HEADER = 'x-admin-token';
/** Unix socket paths are limited to 107 bytes (sun_path); a longer data folder gets no channel, and says so. */
const MAX_SOCKET_PATH = 100;

const fromChannel = new WeakSet<IncomingMessage>();

/** True for a request that arrived on the admin socket with the right token (server/policy.ts makes it the CLI). */
export const isAdminRequest = (raw: IncomingMessage): boolean => fromChannel.has(raw);

export interface AdminChannel {
  socket: string;
  close(): Promise<void>;
}

/**
 * Opens the channel in `dataDir` for a listening `app` and records it in the folder's lock, so that the CLI finds it.
 * Returns null (with the reason in `warn`) where no Unix socket can be made.
 */
export async function openAdminChannel(app: FastifyInstance, opts: { dataDir: string; lock: FolderLock; url: string; warn(message: string): void }): Promise<AdminChannel | null> {
  const socket = path.join(opts.dataDir, 'admin.sock');
  const tokenFile = path.join(opts.dataDir, 'admin.token');
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    opts.warn(`no local admin channel: the socket path ${socket} is longer than ${MAX_SOCKET_PATH} bytes (use a shorter DATA_DIR); stop the server to run the plan-monitor command`);
    return null;
  }
  const token = newSecret();
  // We hold the folder's lock, so files left here are a crashed holder's: remove them, and make the token file anew
  // (a mode given to writeFile applies only to a file it creates).
  await rm(socket, { force: true });
  await rm(tokenFile, { force: true });
  await writeFile(tokenFile, `${token}\n`, { mode: 0o600, flag: 'wx' });
  const server: Server = createServer((req, res) => {
    const sent = req.headers[ADMIN_TOKEN_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, token)) {
      res.writeHead(401, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: `the admin channel needs the token in ${tokenFile}` }));
      return;
    }
    fromChannel.add(req);
    // Handed to the Fastify app as if it had arrived on its own port: same routes, hooks, policies and audit.
    app.server.emit('request', req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  await chmod(socket, 0o600);
  opts.lock.describe({ url: opts.url, channel: { socket, tokenFile } });
  return {
    socket,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socket, { force: true });
      await rm(tokenFile, { force: true });
    },
  };
}
