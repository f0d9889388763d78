import type { FazhiModel } from '@fazhi/model';
import { periodKey, type Period } from '@fazhi/domain';
import {
  buildReport,
  narrativeKeys,
  NarrativeError,
  parseNarrative,
  renderDocx,
  renderHtml,
  renderMarkdown,
  type Narrative,
  type ReportTemplate,
} from '@fazhi/report';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli-error.js';
import { orgDisplayName } from '../evaluate-source.js';
import { reportData } from '../indicator-source.js';
import { checkOutputPath, readInputText, terminalText, writeFileAtomic, type Output } from '../io.js';
import { resolveOrg, type RecordSource } from '../source.js';

export interface ReportOptions {
  org?: string | undefined;
  period: Period;
  /** YYYY-MM-DD: a year still running on this day is counted to the day before. */
  today: string;
  format: string;
  out?: string | undefined;
  narrative?: string | undefined;
}

const formats = ['markdown', 'html', 'docx'];

/** `byDefault`: the dataset's own file, which was written for the template it ships with. */
async function readNarrative(file: string, template: ReportTemplate, byDefault: boolean): Promise<Narrative> {
  const text = await readInputText(file, '叙述文件');
  try {
    return parseNarrative(text, { file, knownKeys: narrativeKeys(template).map((k) => k.key) });
  } catch (e) {
    const hint = byDefault ? `\n（这是数据集自带的叙述文件；它与报告模板“${template.label}”不符时，请用 --narrative 指定为该模板撰写的叙述文件，可用 fazhi narrative 生成空白文件）` : '';
    if (e instanceof NarrativeError) throw new CliError(`${e.message}${hint}`);
    throw e;
  }
}

export async function runReport(source: RecordSource, opts: ReportOptions, out: Output, model: FazhiModel): Promise<void> {
  if (!formats.includes(opts.format)) throw new CliError(`不支持的输出格式“${opts.format}”，report 可用 ${formats.join('、')}`, 2);
  if (opts.period.kind !== 'year') throw new CliError('年度报告只能按年生成，请用 --year', 2);
  if (opts.format === 'docx' && !opts.out) throw new CliError('DOCX 格式需要用 --out 指定输出文件', 2);
  // A wrong --out is reported before the report is computed, not after.
  if (opts.out) checkOutputPath(opts.out);

  const org = resolveOrg(source, opts.org);
  // The dataset's own narrative for its root org is used unless --narrative names another file.
  const defaultNarrative = source.narrativeDir && org.id === source.rootOrgId ? join(source.narrativeDir, `${periodKey(opts.period)}.md`) : undefined;
  const narrativeFile = opts.narrative ?? (defaultNarrative && existsSync(defaultNarrative) ? defaultNarrative : undefined);
  const narrative = narrativeFile ? await readNarrative(narrativeFile, model.template, opts.narrative === undefined) : undefined;

  const data = await reportData(source, model.template, org.id, opts.period, opts.today);
  const doc = buildReport({ template: model.template, orgName: orgDisplayName(org), period: opts.period, data, ...(narrative ? { narrative } : {}) });

  const content = opts.format === 'docx' ? await renderDocx(doc) : opts.format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
  if (opts.out) {
    writeFileAtomic(opts.out, content);
    out.stderr(`已生成 ${terminalText(opts.out)}\n`);
  } else out.stdout(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
}
