/** Marker that makes unwritten narrative stand out even in black-and-white print. */
export const MISSING_MARK = '【待补充】';

/** The text a renderer shows for a `missing` block: the marker, then the hint. */
export function missingText(text: string): string {
  return text.startsWith(MISSING_MARK) ? text : `${MISSING_MARK}${text}`;
}
