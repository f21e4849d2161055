/**
 * The chart PNGs for Word, drawn in Node by resvg (@resvg/resvg-js, a Rust SVG renderer shipped as a prebuilt npm
 * binary) from the same ECharts SSR SVG the PDF embeds: Word needs no browser, so a docx always has its charts.
 *
 * resvg reads no system font configuration: a CJK font file is loaded explicitly, or the Chinese labels would be
 * empty boxes. The quickest installed one is taken — a TrueType-outline font draws the six charts of a report in about
 * 0.4 s, Debian's CFF-based Noto Sans CJK collection in about 2.6 s (bench/RESULTS.md) — and where none is installed
 * the Word file says how to install one instead of showing broken labels (docx.ts).
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { RenderedChart } from './charts';

export interface ChartFont {
  file: string;
  /** The family name inside the file, which the SVG's font-family list or the generic sans-serif resolves to. */
  family: string;
}

/** Debian's CJK sans fonts, quickest first (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-noto-cjk). */
export const CHART_FONTS: readonly ChartFont[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
];

/** What to do where no chart font is installed (the Word file and the server log say it). */
export const CHART_FONT_HINT = 'sudo apt-get install fonts-wqy-microhei (or fonts-noto-cjk)';

/** The first installed chart font of `candidates`, or null where none is. */
export function chartFont(candidates: readonly ChartFont[] = CHART_FONTS): ChartFont | null {
  return candidates.find((f) => existsSync(f.file)) ?? null;
}

/**
 * PNG of each chart at twice its size (print resolution), keyed by indicator code. Drawn synchronously: resvg's
 * async rendering (libuv's thread pool) cost about 4× the CPU (bench/RESULTS.md), so a Word report holds the event
 * loop for about 0.5 s with a TrueType font.
 *
 * @example
 * const pngs = await chartPngs(renderCharts(rows, 'zh'), chartFont() ?? fail());
 */
export function chartPngs(charts: readonly RenderedChart[], font: ChartFont): Map<string, Buffer> {
  const options = {
    fitTo: { mode: 'zoom' as const, value: 2 },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [font.file], defaultFontFamily: font.family, sansSerifFamily: font.family, serifFamily: font.family },
  };
  return new Map(charts.map((c) => [c.code, new Resvg(c.svg, options).render().asPng()]));
}
