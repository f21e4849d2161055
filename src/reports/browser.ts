/**
 * Chromium, driven by playwright-core, for what only a browser does well: printing the HTML report to PDF with CJK
 * fonts. Debian's /usr/bin/chromium is used (CHROMIUM_PATH overrides). Without it, PDF is refused with a message
 * saying how to install it; Word (charts drawn by resvg, chartPng.ts) and Excel need no browser.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { FONTS } from './fonts';

/** The flags of the brief: no sandbox (containers), no GPU, no background traffic. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Chromium and the CJK fonts the PDF prints with (the TrueType ones first, for speed: fonts.ts). */
export const INSTALL_HINT = 'install it with `sudo apt-get install chromium fonts-noto-cjk fonts-wqy-microhei fonts-arphic-gbsn00lp fonts-arphic-uming` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium executable';

/** PDF asked for where no Chromium is installed: the API answers 503, the CLI exits with this message. */
export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(`PDF reports need Chromium, which was not found at ${path}: ${INSTALL_HINT}. Word (docx) and Excel (xlsx) reports work without it.`);
  }
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

export interface ReportBrowser {
  pdf(html: string, footer: string): Promise<Buffer>;
  /** False once the browser has closed or crashed: a long-lived holder starts a new one (warmBrowser.ts). */
  connected(): boolean;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<ReportBrowser> {
  const path = chromiumPath();
  if (!existsSync(path)) throw new ChromiumMissingError(path);
  // Loaded here, not at start: a server or CLI that never prints a PDF does not pay for it.
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath: path, args: FLAGS, headless: true });
  return {
    async pdf(html, footer) {
      // The report's text comes partly from people (edited sections): the page runs no script and reaches nothing —
      // every request it would make (an image, a font, a link prefetch) is refused. Fonts are the system's, charts inline SVG.
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: `<div style="width:100%;text-align:center;font-size:10px;font-family:${FONTS.body.css.replace(/"/g, "'")}">${footer}</div>`,
          margin: { top: '28mm', bottom: '24mm', left: '26mm', right: '24mm' },
        });
      } finally {
        await context.close();
      }
    },
    connected: () => browser.isConnected(),
    close: () => browser.close(),
  };
}
