import type { FieldDef } from './fields.js';
import { idNumberProblem, idNumberReasons } from './id-number.js';
import { messages } from './messages.js';
import { isPhoneNumber, phoneReason } from './phone.js';

/** The separator of multi-value text fields (`multiple: true`): 张三、李四. */
export const pieceSeparator = '、';

/** Long pieces are cut in messages so a pasted paragraph does not flood the form. */
export const maxShownPiece = 40;
/** Counted in code points, as the database's char_length does. */
export function shownPiece(piece: string): string {
  const chars = Array.from(piece);
  return chars.length > maxShownPiece ? `${chars.slice(0, maxShownPiece).join('')}…` : piece;
}

/**
 * The Chinese message for the first bad piece of a text field with a `format`, or null when every
 * piece is valid (or the value is empty: whether it may be empty is `required`'s business).
 * Pieces are taken as written (no trimming), the same as the database does.
 */
export function textFormatProblem(f: FieldDef, value: string, today: string): string | null {
  if (f.type !== 'text' || !f.format || value === '') return null;
  const pieces = f.multiple ? value.split(pieceSeparator) : [value];
  for (const piece of pieces) {
    if (piece === '') return messages.emptyPiece(f);
    const reason = f.format === 'phone' ? (isPhoneNumber(piece) ? null : phoneReason) : idReason(piece, today, f.legacyIdNumbers === true);
    if (reason) return messages.badPiece(f, shownPiece(piece), reason);
  }
  return null;
}

function idReason(piece: string, today: string, allowLegacy: boolean): string | null {
  const problem = idNumberProblem(piece, today, allowLegacy);
  return problem ? idNumberReasons[problem] : null;
}
