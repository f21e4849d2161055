/**
 * Headless Debian Chromium driven by playwright-core, with the flags the project uses everywhere (no sandbox as
 * root, no GPU, no background network). The page is watched: every console error and every failed request is kept,
 * so a test can assert there were none.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: scripts/test.sh installs Debian's chromium (apt-get install chromium fonts-noto-cjk)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

export interface WatchedPage {
  page: Page;
  problems: string[];
}

/** A new page that records console errors, page errors, failed requests and HTTP errors (except those allowed). */
export async function watchedPage(browser: Browser, opts: { width?: number; height?: number; allowStatus?: (url: string, status: number) => boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1366, height: opts.height ?? 768 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // Chromium logs every HTTP error status to the console too; those are judged by the response listener below,
    // which knows the URL and the statuses a test expects.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of')) problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A download the test itself saves is reported as "aborted" by Chromium once it is handed to the download.
    if (r.failure()?.errorText === 'net::ERR_ABORTED' && r.url().includes('/export')) return;
    problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !(opts.allowStatus?.(r.url(), r.status()) ?? false)) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return { page, problems };
}
