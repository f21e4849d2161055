/**
 * Workbooks an upload must refuse, made directly as zip archives (fflate) rather than through a spreadsheet
 * library: a million-row sheet in seconds, and a zip bomb whose one entry inflates to far more than it weighs.
 */
import { writeFile } from 'node:fs/promises';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A workbook whose 数据 sheet has the template header and `rows` figure rows. */
export async function millionRowWorkbook(file: string, rows = 1_000_000): Promise<void> {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  parts.push(`<row r="1">${['指标代码', '地区', '期间', '数值', '单位', '来源'].map((h, i) => cell(`${'ABCDEF'[i]}1`, h)).join('')}</row>`);
  // Rows as short as a sheet allows (a row number and one value): what counts is how many there are.
  for (let r = 2; r <= rows + 1; r++) parts.push(`<row r="${r}"><c><v>${r}</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  const zip = zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/worksheets/sheet1.xml': strToU8(parts.join('')),
  }, { level: 1 });
  await writeFile(file, zip);
}

/** A workbook whose sheet inflates to `megabytes` MB of spaces from a few hundred KB. */
export async function zipBomb(file: string, megabytes = 128): Promise<void> {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, text] of [['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', RELS], ['xl/workbook.xml', WORKBOOK], ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS]] as const) {
    const f = new ZipDeflate(name);
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(sheet);
  const block = new Uint8Array(1 << 20).fill(0x20);
  for (let i = 0; i < megabytes; i++) sheet.push(block, i === megabytes - 1);
  zip.end();
  await writeFile(file, Buffer.concat(chunks));
}
