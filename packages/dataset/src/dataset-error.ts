import { escapeControlChars } from './escape-control.js';
import type { DatasetProblem } from './types.js';

/** How many problem lines the message shows; `problems` always holds all of them. */
const maxListedProblems = 500;

/**
 * The message body after 「label」：. Domain messages start with the field label themselves
 * (「涉及人数」应为整数), so the label is dropped there instead of being printed twice.
 */
function body(p: DatasetProblem): string {
  if (!p.field) return p.message;
  const prefix = `「${p.field}」`;
  if (!p.message.startsWith(prefix)) return p.message;
  const rest = p.message.slice(prefix.length);
  return rest.startsWith('的') ? rest.slice(1) : rest;
}

/**
 * `mediation_cases.csv 第12行「调解结果」：…` on one line. Messages quote cell values, so control
 * characters from the data are escaped here, the one place every problem passes through.
 */
export function formatProblem(p: DatasetProblem): string {
  return escapeControlChars(`${p.file}${p.row !== undefined ? ` 第${p.row}行` : ''}${p.field ? `「${p.field}」` : ''}：${body(p)}`, { singleLine: true });
}

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  readonly problems: readonly DatasetProblem[];

  constructor(datasetName: string, problems: readonly DatasetProblem[], opts: { writing?: boolean } = {}) {
    const listed = problems.slice(0, maxListedProblems).map(formatProblem);
    if (problems.length > maxListedProblems) listed.push(`……另有 ${problems.length - maxListedProblems} 处错误未列出`);
    const name = escapeControlChars(datasetName, { singleLine: true });
    const headline = opts.writing ? `数据集“${name}”有 ${problems.length} 处错误，未写入：` : `数据集“${name}”有 ${problems.length} 处错误：`;
    super(`${headline}\n${listed.join('\n')}`);
    this.problems = problems;
  }
}
