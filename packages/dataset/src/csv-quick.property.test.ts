import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, readWellFormedCsv } from './csv-text.js';

/** csv-parse with `readCsv`'s options, as it read every file before the quick reader. */
const byCsvParse = (text: string) => parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];

const cellText = fc.string({ unit: fc.constantFrom('a', '字', ' ', ',', '"', '\n', '\r', '\r\n', '𠀀', '\t', '0'), maxLength: 8 });
/** A cell as a writer would put it: plain when it can be, quoted (quotes doubled) when it must or by choice. */
const cell = fc.tuple(cellText, fc.boolean()).map(([t, quoted]) => (quoted || /[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t));
const wellFormed = fc
  .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([rows, eol, bom, trailingEol]) => (bom ? '\uFEFF' : '') + rows.map((r) => r.join(',')).join(eol) + (trailingEol && rows.length ? eol : ''));
/** Anything at all made of CSV's special characters: mostly malformed. */
const anyText = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '\uFEFF'), maxLength: 30 });

describe('the quick CSV reader', () => {
  it('reads well-formed text exactly as csv-parse does', () => {
    fc.assert(
      fc.property(wellFormed, (text) => {
        const quick = readWellFormedCsv(text);
        expect(quick).not.toBeNull();
        expect(quick).toEqual(byCsvParse(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('on any text either agrees with csv-parse or leaves the text to it', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const quick = readWellFormedCsv(text);
        if (quick === null) return;
        expect(quick).toEqual(byCsvParse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves stray, unclosed and trailing quotes, bare CRs and mixed line ends to csv-parse, whose messages readCsv reports', () => {
    for (const text of ['a,b\nx"y,1\n', 'a,b\n"3,4\n', 'a,"b"c\n', 'a\rb\r', 'a\r\nb\nc\n']) expect(readWellFormedCsv(text), text).toBeNull();
    expect(readCsv('a,b\nx"y,1\n').problems).toHaveLength(1);
  });
});
