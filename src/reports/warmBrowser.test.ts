/**
 * The server's warm Chromium: one start shared by many PDFs, a limit on pages printing at once, a new start after a
 * crash, and an end on shutdown. A stand-in browser counts starts and concurrent pages (the real one is exercised by
 * test/reportsApi.test.ts through the server).
 */
import { describe, expect, it } from 'vitest';
import type { ReportBrowser } from './browser';
import { warmBrowser } from './warmBrowser';

function standIn() {
  const stats = { starts: 0, closes: 0, printing: 0, mostAtOnce: 0 };
  const browsers: Array<{ alive: boolean }> = [];
  const open = async (): Promise<ReportBrowser> => {
    stats.starts++;
    await new Promise((r) => setTimeout(r, 5));
    const state = { alive: true };
    browsers.push(state);
    return {
      async pdf(html) {
        stats.printing++;
        stats.mostAtOnce = Math.max(stats.mostAtOnce, stats.printing);
        await new Promise((r) => setTimeout(r, 10));
        stats.printing--;
        return Buffer.from(`%PDF ${html}`);
      },
      connected: () => state.alive,
      async close() {
        stats.closes++;
        state.alive = false;
      },
    };
  };
  return { stats, browsers, open };
}

describe('warm report browser', () => {
  it('starts one browser for many PDFs, printing at most maxPages at once', async () => {
    const { stats, open } = standIn();
    const browser = warmBrowser({ maxPages: 2, open });
    const files = await Promise.all(Array.from({ length: 7 }, (_, i) => browser.pdf(`r${i}`, '')));
    expect(files.map((f) => f.toString())).toEqual(Array.from({ length: 7 }, (_, i) => `%PDF r${i}`));
    expect(stats.starts).toBe(1);
    expect(stats.mostAtOnce).toBe(2);
    await browser.close();
    expect(stats.closes).toBe(1);
    await expect(browser.pdf('late', '')).rejects.toThrow(/closed/);
  });

  it('starts a new browser after a crash, and again after a failed start', async () => {
    const { stats, browsers, open } = standIn();
    let failNext = false;
    const browser = warmBrowser({ open: () => (failNext ? Promise.reject(new Error('no start')) : open()) });
    await browser.pdf('a', '');
    const first = browsers[0];
    if (first) first.alive = false; // Chromium crashed
    await browser.pdf('b', '');
    expect(stats.starts).toBe(2);
    const second = browsers[1];
    if (second) second.alive = false;
    failNext = true;
    await expect(browser.pdf('c', '')).rejects.toThrow('no start');
    failNext = false;
    expect((await browser.pdf('d', '')).toString()).toBe('%PDF d');
    expect(stats.starts).toBe(3);
    await browser.close();
  });
});
