/** One piece masked as the database's `private.mask_piece` does (phones, ID numbers, names). */
function maskPiece(piece: string): string {
  const chars = [...piece];
  if (/^1\d{10}$/.test(piece)) return `${piece.slice(0, 3)}****${piece.slice(-4)}`;
  if (/^(\d{17}[\dXx]|\d{15})$/.test(piece)) return `${piece.slice(0, 6)}${'*'.repeat(piece.length - 10)}${piece.slice(-4)}`;
  if (/^[0-9+()-]{8,}$/.test(piece)) return `${piece.slice(0, 3)}${'*'.repeat(piece.length - 7)}${piece.slice(-4)}`;
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * A personal value masked exactly like the database's `private.mask` (separators kept), so an
 * export for a role without the personal-data right shows what the console shows.
 */
export function maskPersonal(value: string): string {
  return value.replace(/[^、,，;；/\s]+/g, maskPiece);
}
