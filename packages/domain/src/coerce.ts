import type { FieldDef } from './fields.js';
import { messages } from './messages.js';
import { hasRealDatePart, isoDateTimePattern, isRealDate } from './schema.js';

export type CoerceResult = { ok: true; value: unknown } | { ok: false; message: string };

export interface CoerceOptions {
  /** How money cells are written: integer fen (dataset files) or yuan with up to 2 decimals (ledgers). */
  money?: 'fen' | 'yuan';
}

const pad2 = (s: string) => s.padStart(2, '0');

/** Accepts 2024-03-05, 2024/3/5, 2024.3.5 and 2024年3月5日; returns the ISO form or null. */
export function normalizeDate(text: string): string | null {
  // Already ISO (every date a dataset file holds): nothing to rebuild.
  if (text.length === 10 && isRealDate(text)) return text;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`;
  return isRealDate(iso) ? iso : null;
}

/**
 * Accepts `2024-03-05 09:30[:00]`, the same with `T`, and ISO forms with an offset or `Z`;
 * returns `YYYY-MM-DDTHH:mm:ss+08:00` (China Standard Time) or null.
 */
export function normalizeDateTime(text: string): string | null {
  if (text.length === 25 && isStoredDateTime(text)) return text;
  const m = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const date = normalizeDate(m[1]!);
  if (!date) return null;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  const local = `${date}T${pad2(String(h))}:${pad2(String(min))}:${pad2(String(s))}`;
  const zone = m[5];
  if (!zone || zone === '+08:00' || zone === '+0800') return `${local}+08:00`;
  const utcMs = Date.parse(`${local}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
  if (Number.isNaN(utcMs)) return null;
  return `${new Date(utcMs + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

const twoDigits = (text: string, at: number) => (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);

/**
 * Already in the stored form (`YYYY-MM-DDTHH:mm:ss+08:00`, every date-time a dataset file holds)
 * with a real date and time: the slow path would rebuild the same text, at a dozen allocations a cell.
 */
function isStoredDateTime(text: string): boolean {
  return isoDateTimePattern.test(text) && hasRealDatePart(text) && twoDigits(text, 11) <= 23 && twoDigits(text, 14) <= 59 && twoDigits(text, 17) <= 59;
}

/** Parses a yuan amount (`1234.5`, `1,234.50`, `¥1234`) into integer fen without float arithmetic. */
export function parseYuan(text: string): number | null {
  const m = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?\s*元?$/.exec(text.trim());
  if (!m) return null;
  const fen = BigInt(m[1]!.replace(/,/g, '')) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : null;
}

/** Formats integer fen as a plain yuan string with two decimals: 123456 → 1234.56. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const trueWords = new Set(['是', 'true', 'TRUE', 'True', '1', 'Y', 'y', 'yes', '√']);
const falseWords = new Set(['否', 'false', 'FALSE', 'False', '0', 'N', 'n', 'no', '×']);

type OptionField = FieldDef & { options: readonly { value: string; label: string }[] };

/** Code or label → code, per field: the first option that has the text as either wins, as a search in order would. */
const optionLookups = new WeakMap<OptionField, Map<string, string>>();

function optionLookup(f: OptionField): Map<string, string> {
  let lookup = optionLookups.get(f);
  if (!lookup) {
    lookup = new Map();
    for (const o of f.options) {
      if (!lookup.has(o.value)) lookup.set(o.value, o.value);
      if (!lookup.has(o.label)) lookup.set(o.label, o.value);
    }
    optionLookups.set(f, lookup);
  }
  return lookup;
}

function matchOption(f: OptionField, text: string): string | null {
  return optionLookup(f).get(text.trim()) ?? null;
}

/** A refusal's message quoting what was received. */
const quoting = (text: string, message: string) => `${message}（收到“${text}”）`;

/** What `cellValue` returns for a cell it cannot read; `coerceCell` then says why. */
export const refusedCell: unique symbol = Symbol('refusedCell');

/** The parts of an enum-set cell (any of the usual separators). */
const setParts = (text: string) =>
  text
    .split(/[;；、,，|]/)
    .map((p) => p.trim())
    .filter(Boolean);

/** A field's reading of a cell's trimmed, non-empty text: its typed value, or `refusedCell`. */
type TextReader = (text: string) => unknown;

const asIs: TextReader = (text) => text;

/** How `f` reads a cell's text, worked out once: what `cellValue` does after trimming. */
function textReader(f: FieldDef, opts: CoerceOptions): TextReader {
  switch (f.type) {
    case 'text':
      // Ledgers often write the check character of an ID number in lower case (x); GB 11643 says X.
      return f.format === 'id-number' ? (text) => text.replace(/x/g, 'X') : asIs;
    case 'longtext':
    case 'ref':
      return asIs;
    case 'integer':
      return (text) => {
        const t = text.replace(/,/g, '');
        return /^-?\d+$/.test(t) ? Number(t) : refusedCell;
      };
    case 'decimal':
      return (text) => {
        const t = text.replace(/,/g, '');
        return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : refusedCell;
      };
    case 'money':
      return opts.money === 'yuan' ? (text) => parseYuan(text) ?? refusedCell : (text) => (/^\d+$/.test(text) ? Number(text) : refusedCell);
    case 'date':
      return (text) => normalizeDate(text) ?? refusedCell;
    case 'datetime':
      return (text) => normalizeDateTime(text) ?? refusedCell;
    case 'boolean':
      return (text) => (trueWords.has(text) ? true : falseWords.has(text) ? false : refusedCell);
    case 'enum': {
      const lookup = optionLookup(f);
      return (text) => lookup.get(text) ?? refusedCell;
    }
    case 'enum-set':
      return (text) => {
        const values: string[] = [];
        for (const p of setParts(text)) {
          const v = matchOption(f, p);
          if (!v) return refusedCell;
          values.push(v);
        }
        return values;
      };
  }
}

/** A field's reading of a whole cell: empty (after trimming) or its text read. */
type CellReader = (raw: string | null | undefined) => unknown;

/** Each field's reader, by how money is written (the only option that changes a reading). */
const readers = { fen: new WeakMap<FieldDef, CellReader>(), yuan: new WeakMap<FieldDef, CellReader>() };

/**
 * `cellValue` for the cells of one field, its way of reading them worked out once: for loaders
 * that read a column of thousands of cells.
 */
export function cellReader(f: FieldDef, opts: CoerceOptions = {}): CellReader {
  const cache = opts.money === 'yuan' ? readers.yuan : readers.fen;
  let reader = cache.get(f);
  if (!reader) {
    const read = textReader(f, opts);
    const isSet = f.type === 'enum-set';
    reader = (raw) => {
      const text = (raw ?? '').trim();
      if (text === '') return isSet ? [] : null;
      return read(text);
    };
    cache.set(f, reader);
  }
  return reader;
}

/**
 * The typed value of one text cell, or `refusedCell`: `coerceCell` without the result object and
 * the message, for code that words only the few cells refused.
 */
export function cellValue(f: FieldDef, raw: string | null | undefined, opts: CoerceOptions = {}): unknown {
  return cellReader(f, opts)(raw);
}

/** Why `cellValue` refused the (trimmed, non-empty) cell `text`. */
function refusal(f: FieldDef, text: string, opts: CoerceOptions): string {
  switch (f.type) {
    case 'integer':
      return quoting(text, messages.notInteger(f));
    case 'decimal':
      return quoting(text, messages.notNumber(f));
    case 'money':
      return quoting(text, opts.money === 'yuan' ? messages.moneyFormat(f) : messages.moneyFormat(f).replace('元，最多两位小数', '以分为单位的整数'));
    case 'date':
      return quoting(text, messages.notDate(f));
    case 'datetime':
      return quoting(text, messages.notDateTime(f));
    case 'boolean':
      return quoting(text, messages.notBoolean(f));
    case 'enum':
      return messages.notOption(f, text);
    case 'enum-set':
      return messages.notOption(f, setParts(text).find((p) => !matchOption(f, p)) ?? text);
    default:
      // Text, long text and references take any cell.
      return quoting(text, `「${f.label}」的值无效`);
  }
}

/**
 * Turns one text cell (CSV, Excel, form input) into the typed value of a field. Empty cells become
 * null; the schema decides whether null is allowed. Enum cells accept the code or the Chinese label.
 */
export function coerceCell(f: FieldDef, raw: string | null | undefined, opts: CoerceOptions = {}): CoerceResult {
  const value = cellValue(f, raw, opts);
  return value === refusedCell ? { ok: false, message: refusal(f, (raw ?? '').trim(), opts) } : { ok: true, value };
}

/** The inverse of `coerceCell` for dataset files: typed value → text cell. */
export function formatCell(f: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (f.type === 'enum-set') return (value as string[]).join(';');
  if (f.type === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
