/**
 * plan-monitor users sign-in --username NAME: a one-time sign-in link from the server's console. However many
 * failed sign-ins an attacker has sent against an account, whoever sits at the server can always get a session:
 * the command goes through the running server's local admin channel (cli/target.ts) and prints a link that signs
 * the browser in once, within two minutes.
 */
import { FolderBusyError } from '../db/folderLock';
import { onDatabase } from './target';
import { wantsJson, type OutputOptions } from './output';

export async function signInCommand(opts: OutputOptions & { username: string }): Promise<void> {
  const link = await onDatabase(
    async () => {
      throw new Error('no server is running on this database: start it (plan-monitor serve), then ask for a sign-in link again');
    },
    async (server) => {
      const t = await server.json<{ path: string; expiresInSeconds: number }>('POST', '/api/admin/sign-in', { username: opts.username });
      return { url: `${server.holder.url ?? ''}${t.path}`, expiresInSeconds: t.expiresInSeconds };
    },
    // Only a running server can use a link: there is nothing to prepare.
    { prepare: false },
  ).catch((e: unknown) => {
    if (e instanceof FolderBusyError) throw new Error(`${e.message}\nA sign-in link needs a running server with its admin channel.`);
    throw e;
  });
  if (wantsJson(opts)) process.stdout.write(`${JSON.stringify({ username: opts.username, ...link }, null, 2)}\n`);
  else console.log(`open this link within ${link.expiresInSeconds} s to sign in as ${opts.username} (it works once):\n  ${link.url}`);
}
