/**
 * Text normalisation for matching what people type in ledgers against declared labels: full-width
 * letters, digits and brackets become half-width (NFKC), spaces and line breaks disappear, and a
 * bracketed unit (`（元）`, `(万元)`) or a required-mark `*` is taken off.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[“”"'‘’]/g, '');
}

/** A bracketed suffix of a header: `金额（万元）` → `万元`; none → null. */
export function headerUnit(header: string): string | null {
  const m = /\(([^()]*)\)$/.exec(normalizeText(header));
  return m ? m[1]! : null;
}

/** A header without its required-mark `*` and trailing colon, brackets kept: `*获评村（社区）：` → `获评村(社区)`. */
export function headerText(header: string): string {
  return normalizeText(header)
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]$/, '');
}

/** A header reduced to its label: `*受理日期（年/月/日）` → `受理日期`. */
export function headerLabel(header: string): string {
  return normalizeText(header)
    .replace(/^\*+|\*+$/g, '')
    .replace(/\([^()]*\)$/, '')
    .replace(/[:：]$/, '');
}
