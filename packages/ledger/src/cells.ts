import { coerceCell, messages, normalizeDate, type CoerceResult, type EnumOption, type FieldDef } from '@fazhi/domain';
import { normalizeText } from './normalize.js';

/** A cell as a sheet holds it: text (CSV, text cells), a number, a boolean, a date cell or empty. */
export type CellInput = string | number | boolean | Date | null;

/** Excel's day 0 (its serials count days from 1899-12-30, the 1900 leap-year bug included). */
const excelEpochMs = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;
/** 1900-01-01 … 9999-12-31, the range Excel itself shows as dates. */
const isSerial = (n: number) => n >= 1 && n < 2_958_466;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell or serial as local wall time. Excel has no time zone: a cell showing 2024-03-05 09:30
 * is that time in Shanghai, and exceljs hands it over as that wall time in UTC.
 */
function wallTime(ms: number): { date: string; time: string } {
  const d = new Date(Math.round(ms / 1000) * 1000);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return { date, time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` };
}

const serialMs = (serial: number) => excelEpochMs + serial * dayMs;

/** Text of a cell for messages: what the user sees, dates as ISO. */
export function cellText(v: CellInput): string {
  if (v === null) return '';
  if (v instanceof Date) {
    const w = wallTime(v.getTime());
    return w.time === '00:00:00' ? w.date : `${w.date} ${w.time}`;
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

const yesWords = new Set(['是', '√', '✓', '✔', '有', 'Y', 'YES', 'TRUE', '1']);
const noWords = new Set(['否', '×', '✗', '✘', '无', '没有', 'N', 'NO', 'FALSE', '0']);

/** Decimal text times 10^shift as an exact integer, or null (more decimals than that, or not a number). */
function scaledInteger(text: string, shift: number): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.replace(/0+$/, '').length > shift) return null;
  const n = BigInt(m[1]!) * 10n ** BigInt(shift) + BigInt(frac.padEnd(shift, '0') || '0');
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : null;
}

/** A number cell as decimal text without float noise (0.1 + 0.2 stored as 0.30000000000000004). */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/**
 * Money in fen from a ledger cell: yuan with thousands separators (`1,234.50`, `¥1234`, `1234元`),
 * or 万元 when the header says so or the cell ends in 万/万元 (`1.5万` = 1,500,000 fen).
 */
export function moneyFen(v: number | string, headerWan: boolean): number | null {
  let text = typeof v === 'number' ? numberText(v) : normalizeText(v).replace(/^[¥￥]/, '').replace(/,/g, '');
  let wan = headerWan;
  if (/万元?$/.test(text)) {
    wan = true;
    text = text.replace(/万元?$/, '');
  } else text = text.replace(/元$/, '');
  return scaledInteger(text, wan ? 6 : 2);
}

/** Per option list, the value each text came to (a ledger repeats the same few labels down a column). */
const optionsByList = new WeakMap<readonly EnumOption[], Map<string, string | null>>();

function closeOption(options: readonly EnumOption[], text: string): string | null {
  let known = optionsByList.get(options);
  if (!known) optionsByList.set(options, (known = new Map()));
  let value = known.get(text);
  if (value === undefined) known.set(text, (value = matchOption(options, text)));
  return value;
}

function matchOption(options: readonly EnumOption[], text: string): string | null {
  const t = normalizeText(text);
  const exact = options.find((o) => normalizeText(o.label) === t || o.value === t);
  if (exact) return exact.value;
  // Close variants: 邻里纠纷 for 邻里, 微信公众号 for 微信, 书面 for 书面协议.
  const close = options.filter((o) => {
    const l = normalizeText(o.label);
    return t.length >= 2 && (l.includes(t) || t.includes(l));
  });
  if (close.length === 1) return close[0]!.value;
  // 成功 fits 调解成功 and 调解不成功: the closest (fewest extra characters) wins when it is alone.
  const extra = (o: EnumOption) => Math.abs(normalizeText(o.label).length - t.length);
  const sorted = [...close].sort((a, b) => extra(a) - extra(b));
  return sorted.length > 1 && extra(sorted[0]!) < extra(sorted[1]!) ? sorted[0]!.value : null;
}

/**
 * One cell of a ledger into the typed value of a field, reusing @fazhi/domain's `coerceCell` for
 * text and adding what spreadsheets bring: date cells and serials, number cells, 万元, 是/否/√,
 * close enum labels. Empty is null (the schema decides whether that is allowed).
 */
export function parseLedgerCell(f: FieldDef, v: CellInput, opts: { wan?: boolean } = {}): CoerceResult {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return coerceCell(f, null);
  const shown = cellText(v);
  const fail = (message: string): CoerceResult => ({ ok: false, message: `${message}（收到“${shown}”）` });
  switch (f.type) {
    case 'date':
    case 'datetime': {
      let ms: number | null = null;
      if (v instanceof Date) ms = v.getTime();
      else if (typeof v === 'number' && isSerial(v)) ms = serialMs(v);
      else if (typeof v === 'string' && /^\d{5}(\.\d+)?$/.test(v.trim()) && isSerial(Number(v))) ms = serialMs(Number(v));
      if (ms !== null && !Number.isNaN(ms)) {
        const w = wallTime(ms);
        return { ok: true, value: f.type === 'date' ? w.date : `${w.date}T${w.time}+08:00` };
      }
      if (typeof v !== 'string') return fail(f.type === 'date' ? messages.notDate(f) : messages.notDateTime(f));
      // A day alone in a date-time column (many ledgers keep only the day) is that day at 00:00.
      if (f.type === 'datetime') {
        const day = normalizeDate(normalizeText(v));
        if (day) return { ok: true, value: `${day}T00:00:00+08:00` };
      }
      // Full-width digits and colons made plain; the space between day and time kept.
      return coerceCell(f, v.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/^(\d{4})年(\d{1,2})月(\d{1,2})日\s*/, '$1-$2-$3 ').trim());
    }
    case 'money': {
      const fen = typeof v === 'number' || typeof v === 'string' ? moneyFen(v, opts.wan ?? false) : null;
      if (fen === null) return fail(typeof v === 'string' && /^-/.test(v.trim()) ? messages.moneyNegative(f) : messages.moneyFormat(f));
      return { ok: true, value: fen };
    }
    case 'integer':
    case 'decimal':
      return coerceCell(f, typeof v === 'number' ? numberText(v) : normalizeText(cellText(v)));
    case 'boolean': {
      if (typeof v === 'boolean') return { ok: true, value: v };
      const t = normalizeText(cellText(v)).toUpperCase();
      if (yesWords.has(t)) return { ok: true, value: true };
      if (noWords.has(t)) return { ok: true, value: false };
      return fail(messages.notBoolean(f));
    }
    case 'enum': {
      const value = closeOption(f.options, cellText(v));
      return value ? { ok: true, value } : { ok: false, message: messages.notOption(f, shown) };
    }
    case 'enum-set': {
      const values: string[] = [];
      for (const part of cellText(v).split(/[;；、,，|/]/).map((p) => p.trim()).filter(Boolean)) {
        const value = closeOption(f.options, part);
        if (!value) return { ok: false, message: messages.notOption(f, part) };
        if (!values.includes(value)) values.push(value);
      }
      return { ok: true, value: values };
    }
    default:
      return coerceCell(f, cellText(v));
  }
}
