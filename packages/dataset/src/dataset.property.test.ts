import { createRegistry } from '@fazhi/domain';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from './csv-text.js';
import { DatasetError, formatProblem } from './dataset-error.js';
import { loadDataset } from './load-dataset.js';
import { readOrgs } from './org-file.js';
import { formatRecordFile, readRecordFile } from './record-file.js';
import { decodeText } from './text-encoding.js';
import { gb2312Ideographs, gbkBytes, gbkIdeographs, mediation, sampleInput } from './test-support.js';
import { writeDataset } from './write-dataset.js';
import type { DatasetProblem } from './types.js';

/**
 * Malformed input of every kind thrown at the CSV reader and the dataset loader: no crash, no stack
 * trace, every refusal a Chinese message naming file and row; and whatever the writer accepts loads
 * back value for value. 10,000 cases per in-memory target; the folder-level target writes real
 * files, so it runs a smaller sample.
 */
const runs = { numRuns: 10_000 };
const registry = createRegistry();
const mediationKind = registry.get('mediation_cases');
const hasChinese = /[\u4e00-\u9fff]/;
const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Pieces malformed CSV is made of: quotes, separators, line ends, BOMs, control characters, CJK. */
const csvPiece = fc.oneof(
  fc.constantFrom('"', '""', ',', '\n', '\r\n', '\r', '\uFEFF', '\u0000', '\u001b[2J', '\t', '\uFFFD', ' ', '南沙', '调解', 'mc1', 'm1', '2024-03-01'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const smallCsvText = fc.array(csvPiece, { maxLength: 40 }).map((parts) => parts.join(''));
/** Now and then a huge field (30,000 characters and more, quoted or not) among the small pieces. */
const hugeField = fc.constantFrom(`"${'长'.repeat(30_000)}"`, 'y'.repeat(30_000), `"${'"",'.repeat(10_000)}`);
const csvText = fc.oneof(
  { weight: 100, arbitrary: smallCsvText },
  { weight: 1, arbitrary: fc.tuple(smallCsvText, hugeField, smallCsvText).map((parts) => parts.join('')) },
);

/** Bytes as they arrive: random, or text in UTF-8 / GBK / UTF-16 with and without BOMs, or mixed. */
const gbkSafe = fc.string({ unit: fc.constantFrom(...'编号名称调解案件南沙街道蕉门社区人民委员会，“”：、abc123,"\n'.split('')), maxLength: 40 });
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  csvText.map((t) => new TextEncoder().encode(t)),
  gbkSafe.map((t) => gbkBytes(t)),
  fc.tuple(gbkSafe, gbkSafe).map(([a, b]) => Uint8Array.from([...gbkBytes(a), 0x0a, ...new TextEncoder().encode(b)])),
  fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], []), fc.uint8Array({ maxLength: 100 })).map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
);

/** A refusal a person can act on: Chinese, a file, a row when it is about a row, one line, no stack. */
function checkProblem(p: DatasetProblem, file: string): void {
  expect(p.file).toBe(file);
  if (p.row !== undefined) expect(Number.isInteger(p.row) && p.row >= 1).toBe(true);
  const line = formatProblem(p);
  expect(line).toMatch(hasChinese);
  // eslint-disable-next-line no-control-regex -- no control character may get through
  expect(line).not.toMatch(/\n|\r|\u001b|\u0000|\n\s+at /);
}

describe('property: CSV reader', () => {
  it('never throws; rows are increasing spreadsheet rows; every problem is Chinese with a row', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const { rows, problems } = readCsv(text);
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.row).toBeGreaterThan(rows[i - 1]!.row);
        for (const p of problems) {
          expect(Number.isInteger(p.row) && p.row >= 1).toBe(true);
          expect(p.message).toMatch(hasChinese);
        }
      }),
      runs,
    );
  });
});

const startsWithUtf8Bom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

describe('property: GBK text is never garbled, and everyday GBK text never mistaken for mixed', () => {
  const punctuation = fc.constantFrom(',', '"', '\n', '1', 'a', '，', '、');
  // Bytes that are also valid UTF-8 are read as UTF-8 by design (e.g. 剩 = CA A3 = U+02A3):
  // only very short texts can be both, and UTF-8 must win for names such as José.
  const gbkText = (ideographs: string[]) => fc.string({ unit: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ideographs) }, punctuation), minLength: 1, maxLength: 60 });

  /**
   * Text drawn from `ideographs` either reads as UTF-8 (bytes valid as both), or starts with UTF-8's
   * byte order mark and is refused (see text-encoding.test.ts), or passes `check` as GBK.
   */
  const decodesAsGbk = (ideographs: string[], check: (decoded: ReturnType<typeof decodeText>, text: string) => void) =>
    fc.assert(
      fc.property(gbkText(ideographs), (text) => {
        const bytes = gbkBytes(text);
        if (isUtf8(bytes)) expect(decodeText(bytes).encoding).toBe('UTF-8');
        else if (startsWithUtf8Bom(bytes)) expect(decodeText(bytes)).toMatchObject({ encoding: 'UTF-8', invalid: true });
        else check(decodeText(bytes), text);
      }),
      runs,
    );

  it('everyday text (GB2312’s 6,763 hanzi, ASCII, CSV punctuation) decodes to itself and is never flagged as mixed', () => {
    decodesAsGbk(gb2312Ideographs(), (decoded, text) => expect(decoded).toEqual({ text, encoding: 'GB18030', invalid: false }));
  });

  it('any text of every ideograph GBK has decodes to itself, never invalid', () => {
    // Rare-character gibberish can be byte for byte a UTF-8 line of everyday Chinese (鑼堢嚂 is
    // UTF-8 for 茈燕) and is then flagged as mixed, which refuses the file but loses nothing.
    decodesAsGbk(gbkIdeographs(), (decoded, text) => expect(decoded).toMatchObject({ text, encoding: 'GB18030', invalid: false }));
  });
});

describe('property: dataset files from raw bytes', () => {
  it('decoding then reading a kind file or orgs.csv never throws, and refuses only with file and row', () => {
    fc.assert(
      fc.property(fileBytes, fc.boolean(), (bytes, asOrgs) => {
        const decoded = decodeText(bytes);
        expect(typeof decoded.text).toBe('string');
        const res = asOrgs ? readOrgs(decoded.text, decoded) : readRecordFile(mediationKind, decoded.text, decoded);
        for (const p of res.problems) checkProblem(p, asOrgs ? 'orgs.csv' : 'mediation_cases.csv');
        // Nothing garbled gets through: a file that needed U+FFFD yields no record.
        if (decoded.invalid) expect(asOrgs ? (res as ReturnType<typeof readOrgs>).tree?.units.size ?? 0 : (res as ReturnType<typeof readRecordFile>).records.length).toBe(0);
      }),
      runs,
    );
  });
});

/** Text values a person might type or paste, with the characters CSV has to protect. */
const cellText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\uFFFD', '\uD800', '\uDC00', 'a', '南'), maxLength: 6 }),
  fc.array(fc.constantFrom('"', ',', '\n', '\r\n', ';', '\uFEFF', '调解', ' ', '\t', '\u001b', '=1+1', "'"), { maxLength: 10 }).map((a) => a.join('')),
);

describe('property: write → load round trip', () => {
  it('every record the writer accepts reads back value for value (in memory); a refusal names file and row', () => {
    fc.assert(
      fc.property(cellText, cellText, cellText, fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: null }), fc.integer({ min: 1, max: 9999 }), (summary, partyNames, mediator, amount, partiesCount) => {
        const rec = mediation({ summary, partyNames, mediator, amount, partiesCount });
        const formatted = formatRecordFile(mediationKind, [rec]);
        if (formatted.problems.length) {
          for (const p of formatted.problems) checkProblem(p, 'mediation_cases.csv');
          return;
        }
        const decoded = decodeText(new TextEncoder().encode(formatted.text));
        expect(decoded.encoding).toBe('UTF-8');
        const back = readRecordFile(mediationKind, decoded.text, decoded);
        expect(back.problems).toEqual([]);
        expect(back.records).toEqual(formatted.records);
        // What was accepted is what was given, up to the schema's own normalisation.
        const written = formatted.records[0]!;
        for (const key of ['summary', 'partyNames', 'mediator'] as const) {
          const given = rec[key] as string;
          expect(written[key] === null ? '' : written[key]).toBe(given.trim());
        }
        expect(written.amount).toBe(amount);
      }),
      runs,
    );
  });
});

describe('property: whole dataset folders (temp dirs, smaller sample)', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('loadDataset on a valid folder with one file replaced by random bytes: a DatasetError naming files, never anything else', async () => {
    const base = await mkdtemp(join(tmpdir(), 'fazhi-prop-'));
    dirs.push(base);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('orgs.csv', 'mediation_cases.csv', 'dataset.json', 'hotline_tickets.csv'), fileBytes, async (file, bytes) => {
        const dir = join(base, `d${n++}`);
        await writeDataset(dir, sampleInput());
        await writeFile(join(dir, file), bytes);
        const result = await loadDataset(dir).then(
          (ds) => ds,
          (e: unknown) => e,
        );
        if (result instanceof Error) {
          expect(result).toBeInstanceOf(DatasetError);
          const err = result as DatasetError;
          expect(err.problems.length).toBeGreaterThan(0);
          for (const p of err.problems) {
            expect(p.file.endsWith('.csv') || p.file === 'dataset.json').toBe(true);
            expect(formatProblem(p)).toMatch(hasChinese);
          }
          expect(err.message).not.toMatch(/\n\s+at /);
        } else {
          // Random bytes that happen to load must still be a whole, valid dataset.
          expect((result as Awaited<ReturnType<typeof loadDataset>>).orgs.units.size).toBeGreaterThan(0);
        }
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

