/**
 * PostgreSQL `numeric` arrives as text (node-postgres and PGlite both keep it exact). Measures are
 * counts, integer fen or quantities: integers must stay exact, so they are refused rather than
 * rounded past 2^53; decimals become the nearest double, as `Number()` parses them in memory.
 */
export function numericValue(text: string | null, what: string): number | null {
  if (text === null) return null;
  if (/^-?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`“${what}”的值 ${text} 超出了可精确表示的整数范围`);
    }
    return Number(n);
  }
  const n = Number(text);
  if (!Number.isFinite(n)) throw new RangeError(`“${what}”的值“${text}”不是有限数`);
  return n;
}
