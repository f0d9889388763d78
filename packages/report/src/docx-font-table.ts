import JSZip from 'jszip';
import { GONGWEN } from './gongwen-layout.js';

/**
 * The DOCX font table names a fall-back for each 公文 face, so Word and WPS on a machine without
 * 仿宋_GB2312 take 仿宋 (FangSong, the same face under its Windows name), and failing that a face of
 * the same kind (roman = serif, GB2312 character set, panose class). LibreOffice does not read these
 * entries; fontconfig/gongwen-fonts.conf gives it the same chain (see docs/operations.md).
 */
interface FontFallback {
  altName: string;
  /** PANOSE-1 of the fall-back face: its kind (serif, sans, script) for Word's own matching. */
  panose: string;
  family: 'roman' | 'swiss' | 'modern' | 'script';
}

export const FONT_FALLBACKS: Record<string, FontFallback> = {
  [GONGWEN.fonts.body]: { altName: '仿宋', panose: '02010609030101010101', family: 'roman' },
  [GONGWEN.fonts.heading2]: { altName: '楷体', panose: '02010609060101010101', family: 'script' },
  [GONGWEN.fonts.heading1]: { altName: 'SimHei', panose: '02010609060101010101', family: 'swiss' },
  [GONGWEN.fonts.title]: { altName: '宋体', panose: '02010600030101010101', family: 'roman' },
  [GONGWEN.fonts.pageNumber]: { altName: 'SimSun', panose: '02010600030101010101', family: 'roman' },
};

function fontTableXml(): string {
  const fonts = Object.entries(FONT_FALLBACKS).map(
    ([name, f]) =>
      `<w:font w:name="${name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}

/** Replaces the (empty) font table the docx library writes with one that names the fall-backs. */
export async function withFontFallbacks(docx: ArrayBuffer): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  zip.file('word/fontTable.xml', fontTableXml());
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
