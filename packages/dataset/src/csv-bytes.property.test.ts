import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-text.js';
import { decodeText } from './text-encoding.js';
import { decodeFile } from './text-file.js';

/** Characters that make CSV and UTF-8 hard: separators, quotes, CJK, astral, the mark, NUL, U+FFFD. */
const piece = fc.constantFrom('a', '1', '字', '南沙', ' ', ',', '"', '""', '\n', '\r\n', '\r', '𠀀', '\uFEFF', '\u0000', '\uFFFD', 'é');
const cell = fc.tuple(fc.array(piece, { maxLength: 5 }), fc.boolean()).map(([parts, quoted]) => {
  const t = parts.join('');
  return quoted || /[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
});
const csvText = fc
  .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '\uFEFF', '\uFEFF\uFEFF'))
  .map(([rows, eol, mark]) => mark + rows.map((r) => r.join(',')).join(eol) + eol);
const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** Bytes no text editor writes on purpose: stray continuation bytes, a cut character, GBK. */
const oddBytes = fc.array(fc.constantFrom(0x61, 0x2c, 0x22, 0x0a, 0x0d, 0xe5, 0xad, 0x97, 0xef, 0xbb, 0xbf, 0xff, 0xc4, 0xcf, 0x00), { maxLength: 24 });

/** What the text path makes of the bytes: decodeText, then readCsv of the text. */
const byText = (bytes: Buffer) => {
  const decoded = decodeText(bytes);
  return readCsv(decoded.text, decoded);
};

describe('reading CSV from a file’s UTF-8 bytes', () => {
  it('decodes a file exactly as decodeText does', () => {
    fc.assert(
      fc.property(fc.oneof(csvText.map(utf8), oddBytes.map((b) => Buffer.from(b))), (bytes) => {
        const file = decodeFile(bytes);
        expect({ text: file.text, encoding: file.encoding, invalid: file.invalid, mixedLine: file.mixedLine }).toEqual({ mixedLine: undefined, ...decodeText(bytes) });
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the rows and problems the text gives, cell for cell', () => {
    fc.assert(
      fc.property(fc.oneof(csvText.map(utf8), oddBytes.map((b) => Buffer.from(b))), (bytes) => {
        expect(readCsv(decodeFile(bytes))).toEqual(byText(bytes));
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads well-formed UTF-8 from the bytes, decoding the text only when asked', () => {
    const bytes = utf8('\uFEFF编号,名称\n1,"南沙街道，""蕉门""社区"\n2,plain\n');
    const file = decodeFile(bytes);
    expect(file.utf8).toBeDefined();
    expect(readCsv(file).rows.map((r) => r.cells)).toEqual([
      ['编号', '名称'],
      ['1', '南沙街道，"蕉门"社区'],
      ['2', 'plain'],
    ]);
    // A file that is not UTF-8 has no bytes to read from: it goes the text's way.
    expect(decodeFile(Buffer.from([0xc4, 0xcf, 0xc9, 0xb3])).utf8).toBeUndefined();
  });
});
