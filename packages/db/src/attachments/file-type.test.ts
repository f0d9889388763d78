import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedExtensions, attachmentFileTypes, checkFileType } from './file-type.js';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);

/** A zip of uncompressed entries, laid out as zip writers do (local headers, central directory). */
function storedZip(entries: Record<string, string>): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  for (const [name, content] of Object.entries(entries)) {
    const n = [...text(name)];
    const c = [...text(content)];
    const offset = parts.length;
    parts.push(...u32(0x04034b50), ...u16(20), 0, 0, 0, 0, 0, 0, 0, 0, ...u32(0), ...u32(c.length), ...u32(c.length), ...u16(n.length), ...u16(0), ...n, ...c);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), 0, 0, 0, 0, 0, 0, 0, 0, ...u32(0), ...u32(c.length), ...u32(c.length), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...n);
  }
  const count = Object.keys(entries).length;
  return new Uint8Array([...parts, ...central, ...u32(0x06054b50), 0, 0, 0, 0, ...u16(count), ...u16(count), ...u32(central.length), ...u32(parts.length), 0, 0]);
}

/** The start of a Windows program: `MZ`, the DOS stub, NULs. */
const exe = new Uint8Array([...text('MZ'), 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...text('This program cannot be run in DOS mode.')]);

const samples: Record<string, Uint8Array> = {
  pdf: text('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
  jpg: bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...text('JFIF')),
  jpeg: bytes(0xff, 0xd8, 0xff, 0xe1),
  png: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d),
  gif: text('GIF89a\x01\x00'),
  webp: new Uint8Array([...text('RIFF'), 0x24, 0, 0, 0, ...text('WEBPVP8 ')]),
  docx: storedZip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' }),
  xlsx: storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
  doc: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
  xls: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
  ofd: storedZip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' }),
  txt: text('调解回访记录\r\n\t当事人表示满意。\n'),
};

describe('attachment file types', () => {
  it('accepts each allowed kind by extension and content, and stores the type the content proved', () => {
    expect(Object.keys(samples).sort()).toEqual(attachmentFileTypes.flatMap((t) => t.extensions).sort());
    for (const [ext, content] of Object.entries(samples)) {
      const r = checkFileType(`调解材料.${ext.toUpperCase()}`, content);
      expect(r.ok, ext).toBe(true);
      if (r.ok) expect(r.type.extensions).toContain(ext);
    }
    expect(acceptedExtensions.split(',')).toContain('.docx');
  });

  it('refuses a program, renamed or not, and content of another kind under an extension', () => {
    expect(checkFileType('setup.exe', exe)).toEqual({ ok: false, problem: 'extension' });
    expect(checkFileType('无扩展名', samples.pdf!)).toEqual({ ok: false, problem: 'extension' });
    expect(checkFileType('.pdf', samples.pdf!)).toEqual({ ok: false, problem: 'extension' });
    for (const t of attachmentFileTypes) for (const ext of t.extensions) expect(checkFileType(`合同.${ext}`, exe), ext).toMatchObject({ ok: false, problem: 'content' });
    // A zip is not a DOCX without Word's parts; an XLSX is not a DOCX; a PNG is not a JPEG.
    expect(checkFileType('a.docx', storedZip({ 'readme.txt': 'hi' }))).toMatchObject({ ok: false, problem: 'content' });
    expect(checkFileType('a.docx', samples.xlsx!)).toMatchObject({ ok: false, problem: 'content' });
    expect(checkFileType('a.ofd', samples.docx!)).toMatchObject({ ok: false, problem: 'content' });
    expect(checkFileType('a.jpg', samples.png!)).toMatchObject({ ok: false, problem: 'content' });
    expect(checkFileType('a.txt', bytes(0x41, 0, 0x42))).toMatchObject({ ok: false, problem: 'content' });
    expect(checkFileType('a.pdf', new Uint8Array())).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('property: whatever the bytes, a file passes only when its content is of its extension’s kind (10,000 cases)', () => {
    const extension = fc.constantFrom(...attachmentFileTypes.flatMap((t) => t.extensions), 'exe', 'js', 'html', 'zip', '');
    const content = fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...Object.values(samples), exe), fc.tuple(fc.constantFrom(...Object.values(samples), exe), fc.uint8Array({ maxLength: 32 })).map(([a, b]) => new Uint8Array([...a, ...b])));
    fc.assert(
      fc.property(extension, content, (ext, b) => {
        const r = checkFileType(ext ? `文件.${ext}` : '文件', b);
        const type = attachmentFileTypes.find((t) => t.extensions.includes(ext));
        if (!type) expect(r).toEqual({ ok: false, problem: 'extension' });
        else expect(r.ok).toBe(b.byteLength > 0 && type.matches(b));
        // A Windows program is never accepted, whatever it is called.
        if (b[0] === 0x4d && b[1] === 0x5a && b.includes(0)) expect(r.ok).toBe(false);
        return true;
      }),
      { numRuns: 10_000 },
    );
  });
});
