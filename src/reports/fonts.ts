/**
 * The fonts of an official report (党政机关公文格式 GB/T 9704 habits): titles and headings in 黑体, body in 仿宋,
 * Latin letters and digits in Times New Roman. Where 黑体/仿宋 are not installed (Linux, the server printing PDFs),
 * Debian's free CJK fonts stand in; the Word file names Noto CJK as the fallback for the reader's machine (w:altName).
 *
 * Why these stand-ins, in this order, for the PDF: Chromium's PDF writer embeds a TrueType-outline font as a small
 * CID subset, but a CFF-based OpenType font (Debian's Noto CJK collections) as Type 3, glyph by glyph, which cost
 * about 2 s per family in a report (bench/RESULTS.md). So the TrueType fonts come first:
 * - 黑体 → WenQuanYi Micro Hei (fonts-wqy-microhei, a 黑体-like sans; 5 MB, the quickest to subset), then Zen Hei;
 * - 仿宋 → AR PL SungtiL GB (fonts-arphic-gbsn00lp, 文鼎简报宋, a GB2312 宋体: the nearest free TrueType face to 仿宋
 *   for simplified Chinese — Debian's only 仿宋, cwTeX, is traditional — and 5 MB, so about 1 s quicker to subset than
 *   the 21 MB AR PL UMing, which follows for characters outside GB2312);
 * - Noto Sans/Serif CJK SC last, so a machine with only fonts-noto-cjk still prints correct (if slower) Chinese.
 */
export const FONTS = {
  heading: {
    name: '黑体',
    fallback: 'Noto Sans CJK SC',
    css: `"SimHei", "黑体", "Heiti SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif`,
  },
  body: {
    name: '仿宋',
    fallback: 'Noto Serif CJK SC',
    css: `"Times New Roman", "FangSong", "仿宋", "STFangsong", "AR PL SungtiL GB", "AR PL UMing CN", "Noto Serif CJK SC", serif`,
  },
  latin: 'Times New Roman',
} as const;
