/**
 * GB/T 9704-2012 公文 layout values, shared by the HTML and DOCX renderers so both print alike.
 * Sizes follow the Chinese type scale: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt.
 */
export const GONGWEN = {
  pageMm: { width: 210, height: 297 },
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  fonts: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    /** Level-3 headings are body type in bold. */
    heading3: '仿宋_GB2312',
    pageNumber: '宋体',
  },
  sizePt: { title: 22, body: 16, table: 12, pageNumber: 14 },
  /** Fixed line pitch: 22 lines of 28 pt fill the 225 mm type area as the standard asks. */
  linePt: { body: 28, title: 35 },
  /** 28 characters to a line, 22 lines to a page (GB/T 9704 5.2.2). */
  grid: { charsPerLine: 28, linesPerPage: 22 },
  /** Body paragraphs and headings start two characters in. */
  indentChars: 2,
  /** 成文日期 sits four characters from the right margin. */
  signatureRightChars: 4,
} as const;

/** Millimetres to twentieths of a point (1 inch = 25.4 mm = 1440 twips). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to twips. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}
