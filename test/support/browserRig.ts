/**
 * The rig of a browser test: the platform on an in-memory PGlite, loaded as the test says, served on a free loopback
 * port, and a headless Chromium to look at it — built and closed the same way by every browser test.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { ensureWeb } from '../../scripts/build-web.mjs';
import { openDatabase, type Database } from '../../src/db/client';
import { buildApp } from '../../src/server/app';
import { launch } from './browser';

export interface BrowserRig {
  database: Database;
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * @param load fills the database before the app is built (plans, figures, users)
 * @param withApp what needs the app before it listens (users signed in through it, tasks assigned by API)
 */
export async function startBrowserRig(load: (database: Database) => Promise<void>, withApp?: (app: FastifyInstance, database: Database) => Promise<void>): Promise<BrowserRig> {
  await ensureWeb({ log: () => undefined });
  const database = await openDatabase({ driver: 'pglite', dataDir: null });
  await load(database);
  const app = await buildApp(database);
  await withApp?.(app, database);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launch();
  return {
    database,
    app,
    base,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}
