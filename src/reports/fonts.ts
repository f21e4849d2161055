/**
 * The fonts of an official report (党政机关公文格式 GB/T 9704 habits): titles and headings in 黑体, body in 仿宋,
 * Latin letters and digits in Times New Roman. Where 黑体/仿宋 are not installed (Linux, the server printing PDFs),
 * the Noto CJK fonts of Debian's fonts-noto-cjk stand in; the Word file names them as the fallback (w:altName).
 */
export const FONTS = {
  heading: { name: '黑体', fallback: 'Noto Sans CJK SC', css: `"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif` },
  body: { name: '仿宋', fallback: 'Noto Serif CJK SC', css: `"Times New Roman", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif` },
  latin: 'Times New Roman',
} as const;
