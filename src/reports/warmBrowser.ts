/**
 * One Chromium kept open by a long-running process (the server) and shared by its PDF reports: the browser start
 * (1–1.6 s on an idle machine, several seconds on a busy one) is paid by the first PDF only. At most `maxPages`
 * reports print at once and the others wait their turn, since each page holds a renderer process and its memory.
 * A browser that crashed is started again on the next request; `close()` ends it on shutdown.
 *
 * @example
 * const browser = warmBrowser({ maxPages: 2 });
 * app.addHook('onClose', () => browser.close());
 * await generateReport(database, { ...req, format: 'pdf', browser });
 */
import { ChromiumMissingError, chromiumAvailable, chromiumPath, openBrowser, type ReportBrowser } from './browser';

export interface WarmBrowserOptions {
  /** Reports printed at the same time (default 2, the cores of a small server). */
  maxPages?: number;
  /** Starts a browser (tests count the starts); default openBrowser. */
  open?: () => Promise<ReportBrowser>;
}

export function warmBrowser(opts: WarmBrowserOptions = {}): ReportBrowser {
  const maxPages = Math.max(1, opts.maxPages ?? 2);
  const open = opts.open ?? openBrowser;
  let browser: Promise<ReportBrowser> | null = null;
  let printing = 0;
  const queue: Array<() => void> = [];
  let closed = false;

  async function acquire(): Promise<void> {
    if (printing < maxPages) {
      printing++;
      return;
    }
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  function release(): void {
    const next = queue.shift();
    // The slot passes straight to the next waiter; only when none waits is it freed.
    if (next) next();
    else printing--;
  }

  async function current(): Promise<ReportBrowser> {
    for (let b = browser; b; b = browser) {
      const ready = await b.catch(() => null);
      if (ready?.connected()) return ready;
      // Crashed or failed to start. If no other request has replaced it meanwhile, start a new one below.
      if (browser === b) {
        browser = null;
        break;
      }
    }
    // Set before any await, so that requests arriving during the start wait for this one browser.
    const starting = open();
    browser = starting;
    return starting;
  }

  return {
    async pdf(html, footer) {
      if (closed) throw new Error('the report browser was closed (server shutting down)');
      // Chromium removed while the process runs: the same clear refusal as a cold start.
      if (!chromiumAvailable()) throw new ChromiumMissingError(chromiumPath());
      await acquire();
      try {
        return await (await current()).pdf(html, footer);
      } finally {
        release();
      }
    },
    connected: () => !closed,
    async close() {
      closed = true;
      const b = browser;
      browser = null;
      const open = b ? await b.catch(() => null) : null;
      if (open?.connected()) await open.close();
    },
  };
}
