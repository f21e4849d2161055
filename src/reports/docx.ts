/**
 * The report as a Word document (the `docx` package): A4 with official margins, page numbers in the footer, title
 * and headings in 黑体, body in 仿宋 (Times New Roman for Latin letters), the indicator table, and the charts as
 * PNG images (drawn by resvg, chartPng.ts) — or, where no CJK font is installed to draw their labels, a note saying
 * how to install one.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { COLUMN_WIDTHS as WIDTHS, TABLE_COLUMNS, TABLE_NOTE, FINAL_TABLE_NOTE, columnHeaders, ended, rowCells, type TableColumn } from './cells';
import { CHART_FONT_HINT } from './chartPng';
import { CHART_SIZE, type RenderedChart } from './charts';
import type { ReportContext } from './context';
import { paragraphs, type ReportDraft } from './draft';
import { FONTS } from './fonts';
import { withFontFallbacks } from './fontTable';
import { meta } from './html';

/** Half-points: 三号 16 pt body and headings, 二号 22 pt title, 五号 10.5 pt table text. */
const SIZE = { title: 44, heading: 32, body: 32, table: 20, note: 21 } as const;
const bodyFont = { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body.name, cs: FONTS.latin };
const headingFont = { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.heading.name, cs: FONTS.latin };
/** Printable width of A4 with the margins below, in twips. */
const TEXT_WIDTH = 11906 - 1588 - 1474;

export async function reportDocx(ctx: ReportContext, draft: ReportDraft, charts: readonly RenderedChart[], pngs: Map<string, Buffer> | null, generatedOn: string): Promise<Buffer> {
  const lang = ctx.lang;
  const body: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: draft.title, font: headingFont, size: SIZE.title })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: draft.subtitle, font: bodyFont, size: SIZE.body })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: meta(ctx, generatedOn, lang), font: bodyFont, size: SIZE.note })] }),
  ];
  for (const s of draft.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text: s.heading, font: headingFont, size: SIZE.heading })] }));
    for (const p of paragraphs(s.text)) body.push(text(p));
    if (s.id === 'indicators') body.push(...indicatorTable(ctx), ...chartBlocks(charts, pngs, lang));
  }
  const doc = new Document({
    creator: 'Plan Monitor 规划监测评估平台',
    title: draft.title,
    styles: {
      default: { document: { run: { font: bodyFont, size: SIZE.body }, paragraph: { spacing: { line: 560, lineRule: 'exact' } } } },
      paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { font: headingFont, size: SIZE.heading, bold: false, color: '000000' } }],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 992 } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: bodyFont, size: 28 })] })] }),
        },
        children: body,
      },
    ],
  });
  return withFontFallbacks(await Packer.toBuffer(doc));
}

function text(p: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, children: [new TextRun({ text: p, font: bodyFont, size: SIZE.body })] });
}

function cell(value: string, opts: { header?: boolean; left?: boolean; width: number }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    ...(opts.header ? { shading: { fill: 'EEEEEE' } } : {}),
    children: [
      new Paragraph({
        alignment: opts.left ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 280, lineRule: 'auto' },
        children: [new TextRun({ text: value, font: opts.header ? headingFont : bodyFont, size: SIZE.table })],
      }),
    ],
  });
}

function indicatorTable(ctx: ReportContext): Array<Paragraph | Table> {
  const lang = ctx.lang;
  const total = TABLE_COLUMNS.reduce((n, c) => n + WIDTHS[c], 0);
  const width = (c: TableColumn) => Math.floor((WIDTHS[c] / total) * TEXT_WIDTH);
  const headers = columnHeaders(lang, ctx.plan.baseYear, ended(ctx));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: TABLE_COLUMNS.map(width),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: TABLE_COLUMNS.map((c) => cell(headers[c], { header: true, width: width(c) })) }),
      ...ctx.rows.map((r, i) => {
        const cells = rowCells(r, i, ctx.plan.baseYear, lang);
        return new TableRow({ cantSplit: true, children: TABLE_COLUMNS.map((c) => cell(cells[c], { left: c === 'name', width: width(c) })) });
      }),
    ],
  });
  return [table, new Paragraph({ spacing: { before: 80, line: 300, lineRule: 'auto' }, children: [new TextRun({ text: (ended(ctx) ? FINAL_TABLE_NOTE : TABLE_NOTE)[lang], font: bodyFont, size: SIZE.note })] })];
}

function chartBlocks(charts: readonly RenderedChart[], pngs: Map<string, Buffer> | null, lang: ReportContext['lang']): Paragraph[] {
  if (charts.length === 0) return [];
  if (!pngs) {
    const note =
      lang === 'zh'
        ? `（服务器未安装中文字体，指标走势图略去；安装后（${CHART_FONT_HINT}）重新生成即可。）`
        : `(The indicator charts are left out: the server has no Chinese font to draw them with; install one (${CHART_FONT_HINT}) and generate again.)`;
    return [new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: note, font: bodyFont, size: SIZE.note })] })];
  }
  // Two charts side by side, 7.7 cm wide each (pixels at 96 dpi), keeping the chart's proportions.
  const w = 290;
  const h = Math.round((w * CHART_SIZE.height) / CHART_SIZE.width);
  const images = charts.flatMap((c) => {
    const data = pngs.get(c.code);
    return data ? [new ImageRun({ type: 'png', data, transformation: { width: w, height: h }, altText: { name: c.title, title: c.title, description: c.title } })] : [];
  });
  const pairs: Paragraph[] = [];
  for (let i = 0; i < images.length; i += 2) {
    pairs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, line: 240, lineRule: 'auto' }, keepLines: true, children: images.slice(i, i + 2) }));
  }
  return pairs;
}
