/**
 * The Word chart images are drawn without a browser. Chinese labels must come out as glyphs, not as empty "tofu"
 * boxes: two different words of the same length draw different pixels only when the font has their glyphs (every
 * missing glyph is the same box). PNGs are decoded independently of resvg, by Node's zlib over the PNG chunks.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chartFont, chartPngs, CHART_FONTS } from './chartPng';

const svg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="10" y="28" style="font-size:20px;font-family:'SimHei', '黑体', sans-serif" fill="#000">${text}</text></svg>`;

/** Width, height and the inflated scanlines of a PNG (IHDR + concatenated IDAT). */
function decode(png: Buffer): { width: number; height: number; data: Buffer } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString();
    if (type === 'IHDR') [width, height] = [png.readUInt32BE(at + 8), png.readUInt32BE(at + 12)];
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { width, height, data: inflateSync(Buffer.concat(idat)) };
}

describe('chart PNGs for Word', () => {
  it('finds an installed CJK font, the quickest first, and none where none is installed', () => {
    const font = chartFont();
    expect(font, `no CJK font among ${CHART_FONTS.map((f) => f.file).join(', ')}`).not.toBeNull();
    expect(chartFont([{ file: '/no/such/font.ttc', family: 'None' }])).toBeNull();
  });

  it('draws Chinese labels as glyphs at twice the size, not as boxes', async () => {
    const font = chartFont();
    if (!font) throw new Error('no CJK font installed (scripts/ensure-report-tools.sh installs one)');
    const pngs = await chartPngs(
      [
        { code: 'A', title: 'a', svg: svg('服务业') },
        { code: 'B', title: 'b', svg: svg('增加值') },
        { code: 'C', title: 'c', svg: svg('') },
      ],
      font,
    );
    const [a, b, blank] = ['A', 'B', 'C'].map((c) => decode(pngs.get(c) ?? Buffer.alloc(0)));
    expect(a?.width).toBe(240);
    expect(a?.height).toBe(80);
    expect(a?.data.equals(blank?.data ?? Buffer.alloc(0))).toBe(false); // something is drawn
    expect(a?.data.equals(b?.data ?? Buffer.alloc(0))).toBe(false); // and it differs by word: real glyphs
  });
});
