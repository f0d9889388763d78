import JSZip from 'jszip';

/**
 * The visible text of a .docx body: one line per paragraph (table cells included, in document
 * order), runs joined, tabs and line breaks kept. Headers, footers and field codes are left out.
 */
export async function docxText(docx: Uint8Array | ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file('word/document.xml');
  if (!part) throw new Error('不是有效的 Word 文档：缺少 word/document.xml');
  return documentXmlText(await part.async('string'));
}

/** Paragraph text of a WordprocessingML document part. */
export function documentXmlText(xml: string): string {
  const paragraphs = xml.match(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map(paragraphText).join('\n');
}

function paragraphText(paragraph: string): string {
  // Paragraph properties hold tab-stop definitions (<w:tab …/>) that are not text.
  const content = paragraph.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/g, '');
  let text = '';
  for (const m of content.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g)) {
    if (m[1] !== undefined) text += decodeXml(m[1]);
    else text += m[2] === 'tab' ? '\t' : '\n';
  }
  return text;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}
