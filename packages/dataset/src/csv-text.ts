import { Buffer } from 'node:buffer';
import { parse, type CsvError, type Options } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { unstorableCharProblem } from './cell-text.js';
import { utf8Bom, type DecodedText } from './text-encoding.js';
import type { FileText } from './text-file.js';

export interface CsvRow {
  /** Physical CSV record number, header = 1, blank lines counted (what a spreadsheet shows). */
  row: number;
  cells: string[];
}

export interface CsvSyntaxProblem {
  row: number;
  /** 0-based cell index, for problems of one cell. */
  column?: number;
  message: string;
}

export interface CsvText {
  /** Non-blank records in file order, header included. */
  rows: CsvRow[];
  problems: CsvSyntaxProblem[];
}

const syntaxMessages: Record<string, string> = {
  INVALID_OPENING_QUOTE: '单元格中间出现了引号；含引号的单元格应整体用英文双引号括起，内部引号写作两个双引号',
  CSV_INVALID_CLOSING_QUOTE: '引号闭合后紧跟了其他字符；含引号的单元格应整体用英文双引号括起，内部引号写作两个双引号',
  CSV_QUOTE_NOT_CLOSED: '引号没有闭合',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号闭合后紧跟了其他字符',
};

// After an opening-quote error the parser resumes cleanly at the next record; after any other
// syntax error the quoting state is unknown, so later content cannot be trusted.
const recoverable = new Set(['INVALID_OPENING_QUOTE']);

/**
 * Parses RFC 4180 text, or a file's (`FileText`: then from its bytes when it can), with BOM, CRLF
 * and embedded newlines tolerated, and numbers records as a spreadsheet shows them. Syntax
 * errors, and cells holding characters that cannot be stored (NUL, or U+FFFD left by a failed
 * decoding: `origin` tells which), are collected; never thrown.
 */
export function readCsv(source: string | FileText, origin?: Pick<DecodedText, 'encoding' | 'invalid'>): CsvText {
  let rows: CsvRow[] = [];
  const problems = eachCsvRow(
    source,
    {
      row: (r) => rows.push(r),
      restart: () => (rows = []),
    },
    origin,
  );
  return { rows, problems };
}

/** Where `eachCsvRow` hands the rows. */
export interface CsvRowSink {
  row(row: CsvRow): void;
  /**
   * Forget every row handed so far: the quick reader met something it leaves to csv-parse, which
   * reads the file again from its start.
   */
  restart(): void;
}

/**
 * `readCsv`, its rows handed to `sink` one at a time and its problems returned at the end. A
 * reader that keeps only what it makes of each row never holds every row's cells at once: for a
 * large file, building and then collecting those arrays took longer than reading them.
 */
export function eachCsvRow(source: string | FileText, sink: CsvRowSink, origin: Pick<DecodedText, 'encoding' | 'invalid'> = { encoding: 'UTF-8', invalid: false }): CsvSyntaxProblem[] {
  if (typeof source !== 'string') {
    if (source.utf8 && eachUtf8CsvRow(source.utf8, sink)) return [];
    return eachCsvRow(source.text, sink, source);
  }
  const text = source;
  // A cell can only hold what the text holds: clean text (nearly every file) needs no check per cell.
  const unclean = unstorableCharProblem(text, origin) !== null;
  const quickCheck = unclean ? cellChecks(origin) : null;
  // Well-formed text (nearly every file) is read by the quick reader; csv-parse reads the rest
  // and says what is wrong with it.
  if (eachWellFormedRecord(text, undefined, numbering(sink, quickCheck))) return quickCheck?.problems ?? [];
  sink.restart();
  const errors: CsvError[] = [];
  // `on_skip` works at runtime but is missing from csv-parse 5's typings.
  const options: Options & { on_skip: (err: CsvError | undefined) => void } = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (err) errors.push(err);
    },
  };
  let parsed: string[][] = [];
  try {
    parsed = parse(text, options) as string[][];
  } catch (e) {
    // Anything the parser cannot skip past ends the file here.
    errors.push(e as CsvError);
  }

  // The parser counts only the records it kept: each error sits after `records` kept ones and
  // after the errors before it.
  const errorRecords = errors.map((e) => Number((e as unknown as { records?: number }).records ?? 0));
  const errorRows = errorRecords.map((r, k) => r + 1 + k);
  const problems: CsvSyntaxProblem[] = [];
  let cutoff = Infinity;
  for (const [k, e] of errors.entries()) {
    const row = errorRows[k]!;
    const code = String(e.code);
    const fatal = !recoverable.has(code);
    const message = `CSV 格式错误：${syntaxMessages[code] ?? e.message}${fatal ? '（此后的内容无法可靠读取，未检查）' : ''}`;
    problems.push({ row, message });
    if (fatal) {
      cutoff = row;
      break;
    }
  }
  const checked = unclean ? cellChecks(origin) : null;
  for (const r of numberedRows(parsed, errorRecords, cutoff)) {
    checked?.check(r);
    sink.row(r);
  }
  return problems.concat(checked?.problems ?? []).sort((a, b) => a.row - b.row);
}

/** A check of each cell for characters that cannot be stored, and the problems it has found. */
interface CellChecks {
  check(row: CsvRow): void;
  problems: CsvSyntaxProblem[];
}

function cellChecks(origin: Pick<DecodedText, 'encoding' | 'invalid'>): CellChecks {
  const problems: CsvSyntaxProblem[] = [];
  const check = ({ row, cells }: CsvRow) =>
    cells.forEach((cell, c) => {
      const bad = unstorableCharProblem(cell, origin);
      if (bad) problems.push({ row, column: c, message: bad });
    });
  return { check, problems };
}

/** A blank line, as csv-parse reads one with `skip_empty_lines` off: one empty cell. */
const isBlank = (record: readonly string[]) => record.length === 1 && record[0] === '';

/**
 * A record callback that numbers well-formed records as `numberedRows` does with no errors, and
 * hands the non-blank ones to `sink` (checked first, when there are `checks`).
 */
function numbering(sink: CsvRowSink, checks: CellChecks | null = null): (cells: string[]) => void {
  let counted = 0;
  return (record) => {
    counted++;
    if (isBlank(record)) return;
    const row = { row: counted, cells: record };
    checks?.check(row);
    sink.row(row);
  };
}

/**
 * The parsed records but blank lines, each with its row as a spreadsheet shows it. The i-th
 * record is the parser's record number i + 1 (blank lines included, as skip_empty_lines is off);
 * the errors skipped before it (`errorRecords`: after how many kept records each came) shift it
 * down the file, and nothing from `cutoff` on is kept.
 */
function numberedRows(parsed: readonly string[][], errorRecords: readonly number[] = [], cutoff = Infinity): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const [i, record] of parsed.entries()) {
    const counted = i + 1;
    let before = 0;
    for (const r of errorRecords) if (r < counted) before++;
    const row = counted + before;
    if (row >= cutoff) break;
    if (isBlank(record)) continue;
    rows.push({ row, cells: record });
  }
  return rows;
}

const nul = Buffer.from([0]);
const replacementBytes = Buffer.from('\uFFFD');

/**
 * `eachCsvRow` of well-formed, clean UTF-8 read from its bytes, or false for anything else (the
 * text then goes the usual way, which words what is wrong). UTF-8 never puts an ASCII byte inside
 * a character, so the bytes read one to a character (latin1) have every comma, quote and line end
 * where the text has them: only the cells with other bytes are decoded, each on its own.
 */
function eachUtf8CsvRow(bytes: Buffer, sink: CsvRowSink): boolean {
  // Valid UTF-8 holds no lone surrogate; NUL and U+FFFD are worded by the text's per-cell check.
  if (bytes.includes(nul) || bytes.includes(replacementBytes)) return false;
  if (eachWellFormedRecord(bytes.toString('latin1'), bytes, numbering(sink))) return true;
  sink.restart();
  return false;
}

/** A character above ASCII: in latin1-read UTF-8, a byte of a longer character. */
const notAscii = /[\u0080-\u00ff]/;
/** The same, searched for from its `lastIndex` (`test` moves that past the match, allocating nothing). */
const notAsciiFrom = /[\u0080-\u00ff]/g;
const quote = 34;
const comma = 44;
const lf = 10;
const cr = 13;

/** The records of well-formed RFC 4180 text (see `eachWellFormedRecord`), or null. */
export function readWellFormedCsv(text: string, utf8?: Buffer): string[][] | null {
  const records: string[][] = [];
  return eachWellFormedRecord(text, utf8, (cells) => records.push(cells)) ? records : null;
}

/**
 * Hands `onRecord` each record of well-formed RFC 4180 text, exactly as csv-parse reads them with
 * `readCsv`'s options (BOM dropped, a blank line is one empty cell, no record after the last line
 * end), and returns true; or stops and returns false at the first thing it leaves to csv-parse: a
 * quote inside an unquoted cell, text after a closing quote, an unclosed quote, a bare CR or line
 * ends of both kinds. It is several times faster than csv-parse and allocates little, which is
 * most of a dataset's load time.
 * With `utf8`, `text` is those bytes read as latin1 (see `eachUtf8CsvRow`), and a cell holding any
 * byte above ASCII is decoded from them.
 */
export function eachWellFormedRecord(text: string, utf8: Buffer | undefined, onRecord: (cells: string[]) => void): boolean {
  const n = text.length;
  // The mark once more after the one decoding took off: \uFEFF, or its three bytes.
  let i = utf8 ? (text.startsWith('\u00EF\u00BB\u00BF') ? 3 : 0) : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Cells above ASCII repeat (a department, a caller's 先生): each is decoded once per file.
  const decodedCells = new Map<string, string>();
  // Where the next comma, line end, quote and (with `utf8`) byte above ASCII are, at or after the
  // current cell: each is searched for when the reader has passed the last one found, so the text
  // is searched once per kind of character (indexOf runs through text far faster than a loop
  // over its characters).
  let nextComma = -1;
  let nextLf = -1;
  let nextCr = -1;
  let nextQuote = -1;
  let nextHigh = -1;
  const next = (char: string, from: number) => {
    const at = text.indexOf(char, from);
    return at < 0 ? n : at;
  };
  let crlf: boolean | null = null;
  let record: string[] = [];
  while (i < n) {
    // At the start of a cell.
    if (text.charCodeAt(i) === quote) {
      const start = i;
      let cell = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return false;
        if (text.charCodeAt(q + 1) === quote) {
          cell += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        cell += text.slice(from, q);
        i = q + 1;
        break;
      }
      const after = text.charCodeAt(i);
      if (i < n && after !== comma && after !== lf && after !== cr) return false;
      record.push(utf8 && notAscii.test(cell) ? utf8.toString('utf8', start + 1, i - 1).replaceAll('""', '"') : cell);
    } else {
      if (nextComma < i) nextComma = next(',', i);
      if (nextLf < i) nextLf = next('\n', i);
      if (nextCr < i) nextCr = next('\r', i);
      if (nextQuote < i) nextQuote = next('"', i);
      const j = Math.min(nextComma, nextLf, nextCr);
      if (nextQuote < j) return false;
      if (utf8 && nextHigh < i) {
        notAsciiFrom.lastIndex = i;
        nextHigh = notAsciiFrom.test(text) ? notAsciiFrom.lastIndex - 1 : n;
      }
      if (!utf8 || nextHigh >= j) record.push(text.slice(i, j));
      else {
        const raw = text.slice(i, j);
        let cell = decodedCells.get(raw);
        if (cell === undefined) decodedCells.set(raw, (cell = utf8.toString('utf8', i, j)));
        record.push(cell);
      }
      i = j;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === comma) {
      i++;
      // A comma ends the text: one more, empty cell.
      if (i >= n) record.push('');
      continue;
    }
    const isCrlf = c === cr;
    if (isCrlf && text.charCodeAt(i + 1) !== lf) return false;
    if (crlf === null) crlf = isCrlf;
    else if (crlf !== isCrlf) return false;
    i += isCrlf ? 2 : 1;
    onRecord(record);
    record = [];
  }
  if (record.length) onRecord(record);
  return true;
}

/**
 * RFC 4180 with `\n` line endings; quotes only cells that need them. Starts with a UTF-8 byte
 * order mark, without which Excel on Chinese Windows reads the file as GBK and garbles it.
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return utf8Bom + stringify(rows as string[][], { record_delimiter: '\n', quoted_match: /\r/ });
}
