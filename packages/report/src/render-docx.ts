import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
  type IParagraphOptions,
  type IRunOptions,
  type ISpacingProperties,
} from 'docx';
import { withFontFallbacks } from './docx-font-table.js';
import { GONGWEN, mmToTwips, ptToTwips } from './gongwen-layout.js';
import type { Block, Inline, ReportDocument, Section } from './model.js';
import { attachmentMark, attachmentNote } from './attachments.js';
import { missingText } from './missing-text.js';

/**
 * Renders a report as a .docx laid out as a GB/T 9704-2012 公文. Formatting is written directly on
 * every paragraph and run (not only in styles) so Word, WPS and LibreOffice agree even when they map
 * the heading styles to their own defaults; the styles carry the same values for editing later.
 * Returns plain bytes (not a Node Buffer) so the browser console can offer the file for download.
 */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [titleParagraph(doc.title)];
  children.push(...doc.preamble.flatMap(renderBlock));
  for (const section of doc.sections) children.push(...renderSection(section));
  const note = attachmentNote(doc);
  if (note) children.push(attachmentNoteParagraph(note));
  if (doc.signature) children.push(...signatureParagraphs(doc.signature));
  for (const a of doc.attachments ?? []) children.push(...attachmentPages(attachmentMark(doc, a), a));

  const document = new Document({
    title: doc.title,
    subject: '法治政府建设年度报告',
    description: `${doc.orgName}${doc.periodLabel}法治政府建设年度报告`,
    creator: 'fazhi',
    lastModifiedBy: 'fazhi',
    styles: documentStyles(),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: mmToTwips(GONGWEN.marginMm.top),
              bottom: mmToTwips(GONGWEN.marginMm.bottom),
              left: mmToTwips(GONGWEN.marginMm.left),
              right: mmToTwips(GONGWEN.marginMm.right),
              header: mmToTwips(15),
              footer: mmToTwips(FOOTER_DISTANCE_MM),
              gutter: 0,
            },
          },
        },
        // 单页码居右、双页码居左 (GB/T 9704 7.5): odd pages use the default footer, even pages their own.
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return withFontFallbacks(await Packer.toArrayBuffer(document));
}

/** A4 in twips: 210 × 297 mm. */
const PAGE = { width: mmToTwips(GONGWEN.pageMm.width), height: mmToTwips(GONGWEN.pageMm.height) };
const TEXT_WIDTH = PAGE.width - mmToTwips(GONGWEN.marginMm.left) - mmToTwips(GONGWEN.marginMm.right);

/**
 * Page-to-footer distance. GB/T 9704 puts the page number's dashes 7 mm below the type area; with a
 * 35 mm bottom margin and a 14 pt line that leaves about 22 mm below the number.
 */
const FOOTER_DISTANCE_MM = 22;

const halfPoints = (pt: number): number => pt * 2;
const BODY_SIZE = halfPoints(GONGWEN.sizePt.body);

/**
 * 28 characters to a line. The type area is 156 mm (442.2 pt) wide, narrower than 28 characters of
 * 16 pt (448 pt), so each character advances by slightly less: 15.75 pt, a character spacing of
 * −0.25 pt on every run of body size. Word's own character grid (w:docGrid linesAndChars) would do
 * the same in Word, but LibreOffice lays that grid out differently (27 characters here); character
 * spacing is read alike by Word, WPS and LibreOffice, which render-docx-pdf.test.ts checks in the PDF.
 */
const CHAR_PITCH = Math.floor(TEXT_WIDTH / GONGWEN.grid.charsPerLine / 5) * 5; // 315 twips = 15.75 pt
const CHARACTER_SPACING = CHAR_PITCH - ptToTwips(GONGWEN.sizePt.body); // −5 twips
/** One character of body type, the unit of 公文 indents. */
const CHAR = CHAR_PITCH;

/** East-Asian and Latin slots alike, so neither Word nor LibreOffice falls back to a Western face. */
function font(name: string): IFontAttributesProperties {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

const BODY_SPACING: ISpacingProperties = {
  line: ptToTwips(GONGWEN.linePt.body),
  lineRule: LineRuleType.EXACT,
  before: 0,
  after: 0,
};

const BODY_PARAGRAPH: IParagraphOptions = {
  alignment: AlignmentType.BOTH,
  // Every page holds 22 lines: no widow/orphan control pushing a paragraph's last line over.
  widowControl: false,
  spacing: BODY_SPACING,
  indent: { firstLine: GONGWEN.indentChars * CHAR },
};

const RUN = {
  title: { font: font(GONGWEN.fonts.title), size: halfPoints(GONGWEN.sizePt.title), bold: false },
  body: { font: font(GONGWEN.fonts.body), size: BODY_SIZE, characterSpacing: CHARACTER_SPACING },
  heading1: { font: font(GONGWEN.fonts.heading1), size: BODY_SIZE, bold: false, characterSpacing: CHARACTER_SPACING },
  heading2: { font: font(GONGWEN.fonts.heading2), size: BODY_SIZE, bold: false, characterSpacing: CHARACTER_SPACING },
  heading3: { font: font(GONGWEN.fonts.heading3), size: BODY_SIZE, bold: true, characterSpacing: CHARACTER_SPACING },
  table: { font: font(GONGWEN.fonts.body), size: halfPoints(GONGWEN.sizePt.table) },
  pageNumber: { font: font(GONGWEN.fonts.pageNumber), size: halfPoints(GONGWEN.sizePt.pageNumber) },
} satisfies Record<string, IRunOptions>;

const HEADING_RUN = { 1: RUN.heading1, 2: RUN.heading2, 3: RUN.heading3 } as const;
const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function titleParagraph(title: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    // One blank body line between title and text, as the standard asks.
    spacing: { line: ptToTwips(GONGWEN.linePt.title), lineRule: LineRuleType.EXACT, before: 0, after: BODY_SPACING.line },
    children: [new TextRun({ ...RUN.title, text: title })],
  });
}

function renderSection(section: Section): (Paragraph | Table)[] {
  const heading = new Paragraph({
    ...BODY_PARAGRAPH,
    heading: HEADING_LEVEL[section.level],
    keepNext: true,
    children: [new TextRun({ ...HEADING_RUN[section.level], text: section.heading })],
  });
  return [heading, ...section.blocks.flatMap(renderBlock), ...section.sections.flatMap(renderSection)];
}

function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ ...BODY_PARAGRAPH, children: block.inlines.flatMap(renderInline) })];
    case 'missing':
      return [
        new Paragraph({
          ...BODY_PARAGRAPH,
          children: textRuns(missingText(block.text), { ...RUN.body, highlight: HighlightColor.YELLOW }),
        }),
      ];
    case 'table':
      return renderTable(block);
  }
}

function renderInline(inline: Inline): TextRun[] {
  // Figures are ordinary runs: the printed report must not look different where data was used.
  return textRuns(inline.text, RUN.body);
}

/** One run per line, joined by line breaks, so text with newlines keeps them. */
function textRuns(text: string, run: IRunOptions): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ ...run, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function renderTable(table: Extract<Block, { type: 'table' }>): (Paragraph | Table)[] {
  const width = Math.max(1, table.columns.length, ...table.rows.map((r) => r.length));
  const columnWidth = Math.floor(TEXT_WIDTH / width);
  const cell = (text: string, header: boolean): TableCell =>
    new TableCell({
      width: { size: columnWidth, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          indent: { firstLine: 0 },
          children: textRuns(text, { ...RUN.table, bold: header }),
        }),
      ],
    });
  const row = (cells: readonly string[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: Array.from({ length: width }, (_, i) => cell(cells[i] ?? '', header)),
    });

  const caption = table.caption
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: BODY_SPACING,
          keepNext: true,
          children: [new TextRun({ ...RUN.body, bold: true, text: table.caption })],
        }),
      ]
    : [];
  return [
    ...caption,
    new Table({
      width: { size: columnWidth * width, type: WidthType.DXA },
      columnWidths: Array.from({ length: width }, () => columnWidth),
      alignment: AlignmentType.CENTER,
      borders: {
        top: BORDER,
        bottom: BORDER,
        left: BORDER,
        right: BORDER,
        insideHorizontal: BORDER,
        insideVertical: BORDER,
      },
      rows: [row(table.columns, true), ...table.rows.map((r) => row(r, false))],
    }),
  ];
}

/** 附件说明 (GB/T 9704 7.3.3): one blank line under the body, two characters in; further names aligned under the first. */
function attachmentNoteParagraph(note: string): Paragraph {
  return new Paragraph({
    ...BODY_PARAGRAPH,
    alignment: AlignmentType.LEFT,
    spacing: { ...BODY_SPACING, before: BODY_SPACING.line ?? 0 },
    children: textRuns(note, RUN.body),
  });
}

/**
 * An attachment on pages of its own (GB/T 9704 8): 附件 in 黑体 at the top left of the first line,
 * its title centred in the 小标宋 of the document title on the third line, then its content.
 */
function attachmentPages(mark: string, section: Section): (Paragraph | Table)[] {
  const markParagraph = new Paragraph({
    pageBreakBefore: true,
    spacing: BODY_SPACING,
    indent: { firstLine: 0 },
    children: [new TextRun({ ...RUN.heading1, text: mark })],
  });
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: ptToTwips(GONGWEN.linePt.title), lineRule: LineRuleType.EXACT, before: BODY_SPACING.line ?? 0, after: BODY_SPACING.line ?? 0 },
    indent: { firstLine: 0 },
    keepNext: true,
    children: [new TextRun({ ...RUN.title, text: section.heading })],
  });
  return [markParagraph, title, ...section.blocks.flatMap(renderBlock), ...section.sections.flatMap(renderSection)];
}

/**
 * 成文日期 four characters from the right margin, the organisation centred above it (GB/T 9704
 * 7.3.5.1). Centring is done by right indents computed from the texts' widths in characters.
 */
function signatureParagraphs(signature: { org: string; date: string }): Paragraph[] {
  const dateIndent = GONGWEN.signatureRightChars;
  const orgIndent = Math.max(0, dateIndent + (widthInChars(signature.date) - widthInChars(signature.org)) / 2);
  const line = (text: string, rightChars: number, before: number): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { ...BODY_SPACING, before },
      indent: { firstLine: 0, right: Math.round(rightChars * CHAR) },
      keepNext: true,
      children: [new TextRun({ ...RUN.body, text })],
    });
  return [line(signature.org, orgIndent, BODY_SPACING.line ?? 0), line(signature.date, dateIndent, 0)];
}

/** Printed width in body characters: CJK and full-width forms are one, ASCII (digits) half. */
export function widthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return width;
}

/** 「— 1 —」 in 4号 at the outer edge, one character (of its own size) in from the type area. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = ptToTwips(GONGWEN.sizePt.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        indent: side === 'odd' ? { firstLine: 0, right: oneChar } : { firstLine: 0, left: oneChar },
        children: [new TextRun({ ...RUN.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** Styles carry the same 公文 values as the direct formatting, so text added in Word matches. */
function documentStyles() {
  const headingParagraph = (outlineLevel: number) => ({
    spacing: BODY_SPACING,
    indent: { firstLine: GONGWEN.indentChars * CHAR },
    keepNext: true,
    outlineLevel,
  });
  return {
    default: {
      document: {
        run: { ...RUN.body, color: '000000', language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        paragraph: { spacing: BODY_SPACING },
      },
      title: {
        run: { ...RUN.title, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER },
      },
      heading1: { run: { ...RUN.heading1, color: '000000' }, paragraph: headingParagraph(0) },
      heading2: { run: { ...RUN.heading2, color: '000000' }, paragraph: headingParagraph(1) },
      heading3: { run: { ...RUN.heading3, color: '000000' }, paragraph: headingParagraph(2) },
    },
  };
}
