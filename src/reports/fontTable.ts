/**
 * Names the fallback fonts inside the Word file. Word reads `w:altName` of a font in word/fontTable.xml when the
 * font itself is not installed, and `w:charset`/`w:family` to choose a similar one: 仿宋 falls back to Noto Serif CJK
 * SC, 黑体 to Noto Sans CJK SC (both GB2312 character set), so a machine without the official fonts still shows a
 * Chinese serif body and a sans-serif heading instead of whatever the system picks. The docx package writes no such
 * entries for fonts it does not embed, so they are added to the finished file.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { FONTS } from './fonts';

const FONT_TABLE = 'word/fontTable.xml';

function entry(name: string, altName: string, family: 'roman' | 'modern'): string {
  // charset 86 = GB2312; pitch variable. PANOSE is left out: Word matches on the family and charset.
  return `<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
}

export const FONT_ENTRIES = [entry(FONTS.body.name, FONTS.body.fallback, 'roman'), entry(FONTS.heading.name, FONTS.heading.fallback, 'modern')];

export function withFontFallbacks(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const table = files[FONT_TABLE];
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const xml = table
    ? strFromU8(table).replace(/<w:font w:name="(黑体|仿宋)"[\s\S]*?<\/w:font>/g, '')
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${ns}></w:fonts>`;
  const patched = xml.includes('</w:fonts>') ? xml.replace('</w:fonts>', `${FONT_ENTRIES.join('')}</w:fonts>`) : xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${FONT_ENTRIES.join('')}</w:fonts>`);
  files[FONT_TABLE] = strToU8(patched);
  if (!table) addFontTablePart(files);
  // Images are compressed already: store them, deflate the XML.
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { level: name.startsWith('word/media/') ? 0 : 6 }];
  return Buffer.from(zipSync(entries));
}

/** A fontTable part the package did not write must be declared in the content types and the document's relations. */
function addFontTablePart(files: Record<string, Uint8Array>): void {
  const types = files['[Content_Types].xml'];
  if (types && !strFromU8(types).includes('/word/fontTable.xml')) {
    files['[Content_Types].xml'] = strToU8(
      strFromU8(types).replace('</Types>', '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>'),
    );
  }
  const relsName = 'word/_rels/document.xml.rels';
  const rels = files[relsName];
  if (rels && !strFromU8(rels).includes('fontTable.xml')) {
    files[relsName] = strToU8(
      strFromU8(rels).replace('</Relationships>', '<Relationship Id="rIdPmFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>'),
    );
  }
}
