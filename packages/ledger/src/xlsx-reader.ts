import type { CellInput } from './cells.js';
import { attrOf, XmlScanner, type XmlHandler } from './xml-scanner.js';
import { inflateText, zipEntries, type ZipEntry } from './zip-entries.js';

/** One sheet as rows of cells; `rows[i]` is sheet row `i + 1`, `rows[i][j]` column `j + 1`. */
export interface SheetCells {
  name: string;
  rows: CellInput[][];
}

/*
 * A streaming reader of .xlsx workbooks for ledgers: each part is inflated piece by piece and
 * scanned (no DOM, no whole-sheet string), giving the cells exceljs gives through `plainCell`:
 * shared and inline strings (rich text joined, phonetic runs left out, `_xHHHH_` escapes decoded),
 * numbers, dates (a number in a date format, 1900 or 1904 system, as the wall time in UTC),
 * booleans, errors as their text (`#N/A`), formulas by their cached value, merged ranges holding
 * their first cell's value in every cell. Hidden sheets are left out. It runs wherever fflate and
 * TextDecoder do: Node, the browser and its Web Workers.
 */

/** Parts are found by name; a relationship's target is relative to its part's folder. */
function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

function scanPart(entry: ZipEntry, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  inflateText(entry, (text) => scanner.feed(text));
  scanner.end();
}

/** A relationship part (`_rels/….rels`): id → { type, target path }. */
function readRelationships(entries: Map<string, ZipEntry>, partPath: string): Map<string, { type: string; path: string }> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const rels = new Map<string, { type: string; path: string }>();
  const entry = entries.get(relsPath);
  if (!entry) return rels;
  scanPart(entry, {
    open(name, attrs) {
      if (name !== 'Relationship' || attrOf(attrs, 'TargetMode') === 'External') return;
      const id = attrOf(attrs, 'Id');
      const target = attrOf(attrs, 'Target');
      if (id && target) rels.set(id, { type: attrOf(attrs, 'Type') ?? '', path: resolvePath(partPath, target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** Excel's `_xHHHH_` escapes (characters XML cannot carry, as Excel writes them in strings). */
const unescapeExcel = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/** The shared strings, each `<si>`'s text runs joined (phonetic guides `<rPh>` left out). */
function readSharedStrings(entry: ZipEntry | undefined): string[] {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  scanPart(entry, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = [];
      else if (name === 't' && !selfClosing) inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(unescapeExcel(current.join('')));
        current = null;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(text) {
      if (inText && phonetic === 0 && current) current.push(text);
    },
  });
  return strings;
}

/** exceljs's rule for a date format: after quoted text and `[…]` sections, a y, m, d, h, s or b remains. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
/**
 * Built-in number formats that show dates or times: 14–22 and 45–47 everywhere, and 27–36 and 50–58
 * as Chinese Excel defines them (年月日, 时分). exceljs knows only the first: in a 1904 workbook it
 * handed a 2024年3月5日 cell over as a bare number, read four years off.
 */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style (`s` of a cell, index into cellXfs), whether it shows a date. */
function readDateStyles(entry: ZipEntry | undefined): boolean[] {
  const dates: boolean[] = [];
  if (!entry) return dates;
  const customFormats = new Map<number, string>();
  let inCellXfs = false;
  scanPart(entry, {
    open(name, attrs) {
      if (name === 'numFmt') customFormats.set(Number(attrOf(attrs, 'numFmtId')), attrOf(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrOf(attrs, 'numFmtId') ?? 0);
        const custom = customFormats.get(id);
        dates.push(id !== 0 && (custom !== undefined ? isDateFormat(custom) : builtInDateFormats.has(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return dates;
}

/** Excel's serial day as the wall time it shows, in UTC (as exceljs gives it). */
const serialDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** Column number of a cell reference: `AB12` → 28. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}
const rowOf = (ref: string) => Number(ref.replace(/^[A-Z]+/, ''));

interface SheetContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** A `<c>` being read. */
interface CellDraft {
  column: number;
  style: number;
  type: string;
  formula: boolean;
  value: string | null;
  /** Text of an inline string (`<is>`): its runs. */
  inline: string[] | null;
}

/** What a finished `<c>` holds, or undefined when it holds nothing (a styled empty cell). */
function cellValue(c: CellDraft, ctx: SheetContext): CellInput | undefined {
  const v = c.value;
  if (c.type === 'inlineStr' && !c.formula) return c.inline && c.inline.length ? unescapeExcel(c.inline.join('')) : undefined;
  // A formula without a cached result is there, with no value to show.
  if (v === null || v === '') return c.formula ? null : undefined;
  switch (c.type) {
    case 's':
      return c.formula ? Number(v) : (ctx.strings[parseInt(v, 10)] ?? null);
    case 'str':
    case 'inlineStr':
      return v;
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return v;
    case 'd': {
      // An ISO date cell (strict OOXML): a wall time, read as UTC like the serial dates.
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`);
      return Number.isNaN(ms) ? v : new Date(ms);
    }
    default: {
      const n = parseFloat(v);
      return ctx.dateStyles[c.style] ? serialDate(n, ctx.date1904) : n;
    }
  }
}

/** One worksheet part into rows of cells, merged ranges filled with their first cell's value. */
function readSheet(entry: ZipEntry, name: string, ctx: SheetContext): SheetCells {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  let row: CellInput[] | null = null;
  let rowNo = 0;
  let column = 0;
  let cell: CellDraft | null = null;
  let reading: 'v' | 't' | null = null;
  let phonetic = 0;
  scanPart(entry, {
    open(tag, attrs, selfClosing) {
      switch (tag) {
        case 'row': {
          const r = attrOf(attrs, 'r');
          rowNo = r ? Number(r) : rowNo + 1;
          row = [];
          column = 0;
          break;
        }
        case 'c': {
          const ref = attrOf(attrs, 'r');
          column = ref ? columnOf(ref) : column + 1;
          cell = { column, style: Number(attrOf(attrs, 's') ?? 0), type: attrOf(attrs, 't') ?? 'n', formula: false, value: null, inline: null };
          if (selfClosing) cell = null;
          break;
        }
        case 'f':
          if (cell) cell.formula = true;
          break;
        case 'v':
          if (cell && !selfClosing) {
            reading = 'v';
            cell.value = '';
          }
          break;
        case 'is':
          if (cell) cell.inline = [];
          break;
        case 't':
          if (cell?.inline && !selfClosing) reading = 't';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell': {
          const ref = attrOf(attrs, 'ref');
          if (ref) merges.push(ref);
          break;
        }
      }
    },
    close(tag) {
      switch (tag) {
        case 'v':
        case 't':
          reading = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell && row) {
            const value = cellValue(cell, ctx);
            if (value !== undefined) {
              while (row.length < cell.column - 1) row.push(null);
              row[cell.column - 1] = value;
            }
          }
          cell = null;
          break;
        case 'row':
          // A row of styled empty cells holds nothing: left out, as trailing blank rows are.
          if (row?.length) rows[rowNo - 1] = row;
          row = null;
          break;
      }
    },
    text(text) {
      if (!cell || !reading) return;
      if (reading === 'v') cell.value += text;
      else if (phonetic === 0) cell.inline!.push(text);
    },
  });
  for (const ref of merges) fillMerge(rows, ref);
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name, rows };
}

/** A merged range shows its first cell's value in every cell, as exceljs gives it. */
function fillMerge(rows: CellInput[][], ref: string): void {
  const [from, to = from] = ref.split(':') as [string, string?];
  const top = rowOf(from);
  const left = columnOf(from);
  const bottom = rowOf(to);
  const right = columnOf(to);
  // A range of one cell merges nothing.
  if (!(top >= 1 && left >= 1 && bottom >= top && right >= left) || (top === bottom && left === right)) return;
  const value = rows[top - 1]?.[left - 1] ?? null;
  // The other cells of the range are there even when the first is empty (exceljs counts them).
  for (let r = top; r <= bottom; r++) {
    const cells = (rows[r - 1] ??= []);
    const from = r === top ? left + 1 : left;
    if (from > right) continue;
    while (cells.length < right) cells.push(null);
    for (let c = from; c <= right; c++) cells[c - 1] = value;
  }
}

/** The visible worksheets of an .xlsx, in workbook order. Throws a Chinese message for a file it cannot read. */
export function readXlsxSheets(bytes: Uint8Array): SheetCells[] {
  const entries = zipEntries(bytes);
  const officeDocument = [...readRelationships(entries, '').values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDocument?.path ?? 'xl/workbook.xml';
  const workbook = entries.get(workbookPath);
  if (!workbook) throw new Error('不是 Excel 工作簿（缺少 workbook.xml）');
  const rels = readRelationships(entries, workbookPath);

  const sheets: { name: string; relId: string }[] = [];
  let date1904 = false;
  scanPart(workbook, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attrOf(attrs, 'date1904') ?? '');
      else if (name === 'sheet') {
        const state = attrOf(attrs, 'state') ?? 'visible';
        const relId = attrOf(attrs, 'r:id') ?? attrOf(attrs, 'id');
        if (state === 'visible' && relId) sheets.push({ name: attrOf(attrs, 'name') ?? '', relId });
      }
    },
    close() {},
    text() {},
  });
  const partOf = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.path;
  const sharedStringsPath = partOf('sharedStrings');
  const stylesPath = partOf('styles');
  const ctx: SheetContext = {
    strings: readSharedStrings(sharedStringsPath ? entries.get(sharedStringsPath) : undefined),
    dateStyles: readDateStyles(stylesPath ? entries.get(stylesPath) : undefined),
    date1904,
  };
  const result: SheetCells[] = [];
  for (const s of sheets) {
    const rel = rels.get(s.relId);
    // A chart sheet or dialog sheet has no cells.
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const entry = entries.get(rel.path);
    if (!entry) throw new Error(`工作表“${s.name}”的内容缺失（${rel.path}）`);
    result.push(readSheet(entry, s.name, ctx));
  }
  return result;
}
