import { createHash } from 'node:crypto';

/**
 * "Own words": fazhi's template and sample narrative must not reuse the sentences of the reference
 * report they were modelled on. The reference itself is not shipped; only a fingerprint of every run
 * of RUN characters in it (hashed, so the text cannot be read back) is kept in test-fixtures.
 */
export const RUN = 20;

/**
 * Official names and standard political formulas any report may share with the reference: names
 * of bodies, plans and honours, and the 指导思想 formula. Kept short on purpose.
 */
export const ALLOWED_PHRASES = [
  '习近平新时代中国特色社会主义思想',
  '党的二十大和二十届二中、三中全会精神',
  '党政主要负责人履行推进法治建设第一责任人职责情况',
  '省委“1310”具体部署',
  '市委“1312”思路举措',
  '法治广州建设考评',
  '法治南沙建设考评',
  '新时代“枫桥经验”基层先进典型单位',
] as const;

/** One form for both texts: full-width punctuation, no whitespace. */
export function normalizeForComparison(text: string): string {
  const fullWidth: Record<string, string> = { ',': '，', '(': '（', ')': '）', ':': '：', ';': '；', '?': '？', '!': '！' };
  return text.replace(/[,():;?!]/g, (c) => fullWidth[c]!).replace(/\s+/g, '');
}

export function runHash(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16);
}

/** Hashes of every RUN-character window of a text. */
export function fingerprint(text: string): string[] {
  const t = normalizeForComparison(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN <= t.length; i++) out.add(runHash(t.slice(i, i + RUN)));
  return [...out].sort();
}

/** The runs of `text` (RUN characters or longer) found in the fingerprinted reference, allowed phrases cut out. */
export function sharedRuns(text: string, reference: ReadonlySet<string>): string[] {
  let t = normalizeForComparison(text);
  for (const phrase of ALLOWED_PHRASES) t = t.split(phrase).join('\u0000');
  const found: string[] = [];
  for (let i = 0; i + RUN <= t.length; ) {
    if (!reference.has(runHash(t.slice(i, i + RUN)))) {
      i++;
      continue;
    }
    let end = i + RUN;
    while (end < t.length && reference.has(runHash(t.slice(end - RUN + 1, end + 1)))) end++;
    found.push(t.slice(i, end));
    i = end;
  }
  return found;
}
