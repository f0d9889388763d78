import type { HedgeStyle } from '@fazhi/metrics';

/**
 * The user-written part of a report, kept per org and year in a small Markdown file:
 *
 *     ---
 *     signature: 南沙街道办事处
 *     date: 2025年1月20日
 *     hedge:
 *       enforcement.aux_staff_recruited: 余
 *     ---
 *     ## problems
 *     <!-- single-line comments are ignored -->
 *     一是……
 *
 * `## key` opens the text of a template's narrative block; every non-empty line is a paragraph
 * (Chinese prose is not hard-wrapped, and clerks expect one line per 一是/二是 item).
 * `hedge` opts individual figures into hedged wording (余/多/超/近); exact is the default.
 */
export interface Narrative {
  sections: ReadonlyMap<string, readonly string[]>;
  hedge: ReadonlyMap<string, HedgeStyle>;
  signature?: string;
  date?: string;
}

export const emptyNarrative: Narrative = { sections: new Map(), hedge: new Map() };

const hedgeWords: Record<string, HedgeStyle> = { 余: 'yu', yu: 'yu', 多: 'duo', duo: 'duo', 超: 'chao', chao: 'chao', 近: 'jin', jin: 'jin' };

export class NarrativeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`叙述文件“${file}”有 ${problems.length} 处错误：\n${problems.join('\n')}`);
    this.name = 'NarrativeError';
  }
}

/**
 * Parses a narrative file. `knownKeys` (a template's narrative keys) turns a misspelt `## key` into
 * an error naming the line instead of text that silently never appears.
 */
export function parseNarrative(text: string, opts: { file?: string; knownKeys?: readonly string[] } = {}): Narrative {
  const file = opts.file ?? '叙述文件';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: string[] = [];
  const hedge = new Map<string, HedgeStyle>();
  let signature: string | undefined;
  let date: string | undefined;
  let i = 0;

  if (lines[0]?.trim() === '---') {
    let inHedge = false;
    for (i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) {
      const line = lines[i]!;
      if (!line.trim() || line.trim().startsWith('#')) continue;
      const m = /^(\s*)([\w.]+)\s*:\s*(.*)$/.exec(line);
      if (!m) {
        problems.push(`第${i + 1}行：无法识别“${line.trim()}”，应为“名称: 值”`);
        continue;
      }
      const [, indent, key, value] = m as unknown as [string, string, string, string];
      if (indent && inHedge) {
        const style = hedgeWords[value.trim()];
        if (style) hedge.set(key, style);
        else problems.push(`第${i + 1}行：指标“${key}”的约数写法“${value.trim()}”无效，应为 余、多、超 或 近`);
        continue;
      }
      inHedge = false;
      if (key === 'hedge' && !value.trim()) inHedge = true;
      else if (key === 'signature') signature = value.trim();
      else if (key === 'date') {
        date = value.trim();
        // 成文日期 (GB/T 9704 7.3.5): year, month and day in Arabic numerals.
        if (date && !/^\d{4}年(1[0-2]|[1-9])月(3[01]|[12]\d|[1-9])日$/.test(date)) problems.push(`第${i + 1}行：成文日期“${date}”应写明年、月、日，如 2025年1月20日`);
      }
      else problems.push(`第${i + 1}行：未知的设置“${key}”，可用 signature、date、hedge`);
    }
    if (i >= lines.length) problems.push('文件开头的“---”设置区没有结束标记“---”');
    i++;
  }

  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^##\s+(\S+)\s*$/.exec(line);
    if (/^\s*<!--.*-->\s*$/.test(line)) continue; // single-line comments: hints in skeleton files
    if (heading) {
      const key = heading[1]!;
      if (opts.knownKeys && !opts.knownKeys.includes(key)) {
        problems.push(`第${i + 1}行：未知的段落“${key}”，可用：${opts.knownKeys.join('、')}`);
      }
      if (sections.has(key)) problems.push(`第${i + 1}行：段落“${key}”重复`);
      current = [];
      sections.set(key, current);
    } else if (!line.trim()) continue;
    else if (!current) problems.push(`第${i + 1}行：正文必须写在“## 段落名”之下`);
    else current.push(line.trim());
  }
  if (problems.length) throw new NarrativeError(file, problems);
  for (const [k, v] of sections) if (v.length === 0) sections.delete(k);
  return { sections, hedge, ...(signature ? { signature } : {}), ...(date ? { date } : {}) };
}

/** A blank narrative file for a template: every key with its prompt as a comment-like hint. */
export function narrativeSkeleton(keys: readonly { key: string; prompt: string }[]): string {
  return ['---', 'signature: ', 'date: ', 'hedge:', '---', '', ...keys.flatMap((k) => [`## ${k.key}`, `<!-- ${k.prompt} -->`, ''])].join('\n');
}
