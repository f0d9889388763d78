/**
 * Text of a CSV file. Chinese office software writes CSV in UTF-8 (often with a BOM) or, from
 * Excel and WPS on Windows, in GBK; GB18030 is a superset of GBK, and Node's full ICU and every
 * browser decode it. A file that is valid UTF-8 is read as UTF-8, anything else as GB18030.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'gb18030'; invalid: boolean } {
  const strict = (label: string, body: Uint8Array) => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return null;
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    return { text: text ?? new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', invalid: text === null };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', invalid: false };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', invalid: false };
  const gb = strict('gb18030', bytes);
  return { text: gb ?? new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', invalid: gb === null };
}

/** The separator of a CSV text: the one of comma, tab and semicolon most used on its first line. */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = [',', '\t', ';'].map((s) => [s, firstLine.split(s).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** RFC 4180 CSV (quoted fields with "" escapes and line breaks inside quotes) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** One CSV cell as written: quoted when it holds a separator, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
