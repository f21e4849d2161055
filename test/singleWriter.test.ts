/**
 * One writer per embedded database (issue 12, point 1), with real processes: a second server on the same folder is
 * refused naming the holder; the plan-monitor command beside a running server goes through it; kill -9 of either
 * side frees the folder; and after every restart each figure that either side reported as committed is there.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { FolderBusyError, readLockHolder } from '../src/db/folderLock';
import { root } from './support/paths';
import { cli, serve, type Served } from './support/processes';

const HEADER = '指标代码,地区,期间,数值,单位,来源,发布日期';
const figureFile = async (dir: string, name: string, year: number, source: string) => {
  const file = path.join(dir, name);
  await writeFile(file, `${HEADER}\nRETAIL,深圳市,${year},${year},亿元,${source},${year + 1}-02-01\n`);
  return file;
};
const retail = async (url: string, year: number) => (await (await fetch(`${url}/api/observations?indicator=RETAIL&period=${year}`)).json()) as Array<{ source: { publication: string } }>;

const started: Served[] = [];
afterAll(() => {
  for (const s of started) s.child.kill('SIGKILL');
});

describe('one process per embedded folder', () => {
  it('refuses a second opener in the same process, and lets it in once the first has closed', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'pm-lock-')), 'pglite');
    const first = await openDatabase({ driver: 'pglite', dataDir: dir }, { command: 'first opener' });
    const refused = await openDatabase({ driver: 'pglite', dataDir: dir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(FolderBusyError);
    expect((refused as FolderBusyError).message).toContain(`\`first opener\` (pid ${process.pid}`);
    await first.close();
    // Closed cleanly: the description is gone, and the folder opens again.
    expect(readLockHolder(dir)).toBeNull();
    const again = await openDatabase({ driver: 'pglite', dataDir: dir });
    await again.close();
  });

  it('keeps every committed figure across a second server, the CLI beside the server, kill -9 of each side and restarts', { timeout: 600_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-1w-'));
    const env = { DATA_DIR: dataDir };
    const server = await serve(env);
    started.push(server);
    const pid = server.child.pid;

    // A second server on the same folder stops at once, naming the first (pid, address) and what to do.
    const second = await cli(['serve'], { ...env, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`in use by \`plan-monitor serve\` (pid ${pid}, ${server.url}`);
    expect(second.stderr).toContain('The plan-monitor command works beside it');

    // The CLI beside the server goes through it: the import is committed by the server, the reads see it.
    const viaServer = await cli(['import', await figureFile(dataDir, 'a.csv', 2001, 'through the server')], env);
    expect(viaServer.code, viaServer.stderr).toBe(0);
    expect(JSON.parse(viaServer.stdout)).toMatchObject({ committed: true, counts: { new: 1 } });
    expect((await retail(server.url, 2001)).map((o) => o.source.publication)).toEqual(['through the server']);
    const exported = await cli(['export', '--indicator', 'RETAIL', '--from', '2001', '--to', '2001'], env);
    expect(exported.stdout).toContain('through the server');
    const users = await cli(['users', 'list'], env);
    expect(JSON.parse(users.stdout)).toEqual([]);

    // kill -9: the folder is free at once (the kernel drops the lock), the figure is on disk.
    server.child.kill('SIGKILL');
    await server.exited;
    const direct = await cli(['import', await figureFile(dataDir, 'b.csv', 2002, 'directly after kill -9')], env);
    expect(direct.code, direct.stderr).toBe(0);
    expect(JSON.parse(direct.stdout)).toMatchObject({ committed: true, counts: { new: 1 } });

    // A command holding the folder (a long import) keeps a starting server out, named; killed, it frees the folder.
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/support/holdFolder.mts'), path.join(dataDir, 'pglite')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout?.on('data', (d: Buffer) => d.toString().includes('holding') && resolve()));
    const blocked = await cli(['serve'], { ...env, PORT: '0' });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(`in use by \`plan-monitor import long.csv\` (pid ${holder.pid}`);
    expect(blocked.stderr).toContain('wait for it to finish');
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));

    // Restarted: both figures are there, and the server says the last holder stopped without closing.
    const again = await serve(env);
    started.push(again);
    expect(again.output()).toContain('stopped without closing it');
    expect((await retail(again.url, 2001)).map((o) => o.source.publication)).toEqual(['through the server']);
    expect((await retail(again.url, 2002)).map((o) => o.source.publication)).toEqual(['directly after kill -9']);

    // A clean stop removes the admin channel and leaves no description behind.
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(await readFile(path.join(dataDir, 'pglite.lock'), 'utf8')).toBe('');
    await expect(stat(path.join(dataDir, 'admin.sock'))).rejects.toThrow();
    await expect(stat(path.join(dataDir, 'admin.token'))).rejects.toThrow();
  });

  it('keeps the admin token to its owner and refuses the socket without it', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pm-1w-'));
    const server = await serve({ DATA_DIR: dataDir });
    started.push(server);
    expect((await stat(path.join(dataDir, 'admin.token'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dataDir, 'admin.sock'))).mode & 0o777).toBe(0o600);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ socketPath: path.join(dataDir, 'admin.sock'), path: '/api/admin/migrate', method: 'POST', headers: { 'x-admin-token': 'guess' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(401);
    // Over the network the admin routes do not exist for anyone (policy system).
    expect((await fetch(`${server.url}/api/admin/migrate`, { method: 'POST' })).status).toBe(401);
    // The console's one-time sign-in link: a session at the first use, refused at the second.
    const env = { DATA_DIR: dataDir };
    expect((await cli(['users', 'create', '--admin', '--username', 'chief', '--password-stdin'], env, 'Shenzhen-Plan-2025!\n')).code).toBe(0);
    const link = await cli(['users', 'sign-in', '--username', 'chief'], env);
    expect(link.code, link.stderr).toBe(0);
    const { url } = JSON.parse(link.stdout) as { url: string };
    expect(url.startsWith(`${server.url}/api/auth/ticket?t=`)).toBe(true);
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json()) as { username: string; csrfToken: string };
    expect(me.username).toBe('chief');
    expect(me.csrfToken.length).toBeGreaterThan(10);
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(400);
    server.child.kill('SIGTERM');
    await server.exited;
  });
});
