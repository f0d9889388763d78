import { escapeControlChars } from '@fazhi/dataset';

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A plain aligned table; numbers are right-aligned so they line up. */
export function textTable(header: readonly string[], rawRows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  // Cells come from data (org names, labels): one line each, no control characters.
  const rows = rawRows.map((r) => r.map((c) => escapeControlChars(c, { singleLine: true })));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const padding = ' '.repeat(widths[i]! - displayWidth(c));
        return rightAligned.has(i) ? padding + c : c + padding;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
