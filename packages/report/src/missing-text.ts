/** Marker that makes unwritten narrative stand out even in black-and-white print. */
export const MISSING_MARK = '【待补充】';

/** The text a renderer shows for a `missing` block: a 【…】 marker (待补充 unless it has its own), then the hint. */
export function missingText(text: string): string {
  return /^【[^】]+】/.test(text) ? text : `${MISSING_MARK}${text}`;
}
