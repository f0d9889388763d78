/**
 * Which files an attachment may be, checked by extension AND by content, because a file picker's
 * `accept` and a browser's guessed type only look at the name: an `.exe` renamed `.pdf` must not
 * be stored as a PDF. The list matches private.attachment_file_types
 * (20261204000500_attachment_file_types.sql), which the database checks again on every upload.
 */
export interface AttachmentFileType {
  /** Lower-case extensions without the dot. */
  extensions: readonly string[];
  /** What is stored as the file's type (and sent to Storage, whose bucket allows only these). */
  mimeType: string;
  /** Named in messages: 「内容不是 PDF 文件」, 「内容不是 JPEG 图片」. */
  label: string;
  /** Whether the bytes are such a file (magic numbers, zip parts …). */
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Whether the ASCII text occurs in the bytes (zip entry names are stored uncompressed). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  let i = bytes.indexOf(needle[0]!);
  while (i !== -1 && i + needle.length <= bytes.length) {
    if (needle.every((b, j) => bytes[i + j] === b)) return true;
    i = bytes.indexOf(needle[0]!, i + 1);
  }
  return false;
}

const zip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
/** Office Open XML: a zip with [Content_Types].xml and the part folder of its application. */
const ooxml = (folder: string) => (bytes: Uint8Array) => zip(bytes) && containsAscii(bytes, '[Content_Types].xml') && containsAscii(bytes, folder);
/** The OLE compound file of Word 97–2003 and Excel 97–2003. */
const ole = (bytes: Uint8Array) => startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

/**
 * Plain text in any ASCII-compatible encoding (UTF-8, GB18030 …): no NUL and no control
 * characters but tab, line breaks, form feed and escape. UTF-16 only with its byte-order mark.
 */
function plainText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return true;
  for (const b of bytes.subarray(0, 65_536)) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) return false;
  return true;
}

export const attachmentFileTypes: readonly AttachmentFileType[] = [
  { extensions: ['pdf'], mimeType: 'application/pdf', label: 'PDF 文件', matches: (b) => startsWith(b, ...ascii('%PDF-')) },
  { extensions: ['jpg', 'jpeg'], mimeType: 'image/jpeg', label: 'JPEG 图片', matches: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  { extensions: ['png'], mimeType: 'image/png', label: 'PNG 图片', matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { extensions: ['gif'], mimeType: 'image/gif', label: 'GIF 图片', matches: (b) => startsWith(b, ...ascii('GIF87a')) || startsWith(b, ...ascii('GIF89a')) },
  { extensions: ['webp'], mimeType: 'image/webp', label: 'WebP 图片', matches: (b) => startsWith(b, ...ascii('RIFF')) && ascii('WEBP').every((c, i) => b[8 + i] === c) },
  { extensions: ['docx'], mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档（DOCX）', matches: ooxml('word/') },
  { extensions: ['xlsx'], mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格（XLSX）', matches: ooxml('xl/') },
  { extensions: ['doc'], mimeType: 'application/msword', label: 'Word 文档（DOC）', matches: ole },
  { extensions: ['xls'], mimeType: 'application/vnd.ms-excel', label: 'Excel 表格（XLS）', matches: ole },
  // GB/T 33190: a zip whose root document list is OFD.xml.
  { extensions: ['ofd'], mimeType: 'application/ofd', label: 'OFD 文件', matches: (b) => zip(b) && containsAscii(b, 'OFD.xml') },
  { extensions: ['txt'], mimeType: 'text/plain', label: '文本文件', matches: plainText },
];

/** The accepted kinds, as messages list them. */
export const acceptedFileTypesText = 'PDF、图片（JPG、PNG、GIF、WebP）、Word（DOC、DOCX）、Excel（XLS、XLSX）、OFD、文本（TXT）';

/** `accept` for a file input: every allowed extension. */
export const acceptedExtensions = attachmentFileTypes.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',');

export type FileTypeCheck = { ok: true; type: AttachmentFileType } | { ok: false; problem: 'extension' | 'empty' | 'content'; type?: AttachmentFileType };

/** The type a file of this name and these bytes is, or why it is refused. */
export function checkFileType(fileName: string, bytes: Uint8Array): FileTypeCheck {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const type = attachmentFileTypes.find((t) => t.extensions.includes(ext));
  if (!type) return { ok: false, problem: 'extension' };
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty', type };
  return type.matches(bytes) ? { ok: true, type } : { ok: false, problem: 'content', type };
}
