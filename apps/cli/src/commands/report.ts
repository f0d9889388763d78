import { composeModel, ModelError, templateForUnit, type FazhiModel } from '@fazhi/model';
import { periodKey, type OrgUnit, type Period } from '@fazhi/domain';
import { compareResults, indicatorValue } from '@fazhi/metrics';
import {
  buildReport,
  narrativeKeys,
  NarrativeError,
  parseNarrative,
  parseReportTemplate,
  ReportTemplateError,
  renderHtml,
  renderMarkdown,
  type Narrative,
  type ReportData,
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
  /** `--template FILE` was given: it wins over the unit's template saved in the database. */
  templateGiven?: boolean;
  /** `--frozen`: the figures the unit's 定稿 froze at sign-off instead of today's (`--db` only). */
  frozen?: boolean;
}

const formats = ['markdown', 'html', 'docx'];

export const frozenNeedsDb = '--frozen 需要与 --db 一起使用（定稿的数字保存在数据库中）';

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

/**
 * With `--db` and no `--template`, the unit's own template saved in the database (its newest
 * version), composed with the configured extensions like a `--template` file; otherwise the model's,
 * or for a unit below the street (社区, 村) the built-in template that fits it (`templateForUnit`).
 */
async function modelWithSavedTemplate(source: RecordSource, org: OrgUnit, orgName: string, model: FazhiModel, out: Output, templateGiven: boolean): Promise<FazhiModel> {
  const orgId = org.id;
  const saved = templateGiven || !source.reports ? null : await source.reports.template(orgId);
  if (!saved) return templateGiven ? model : { ...model, template: templateForUnit(model, org.kind) };
  const where = `数据库中“${orgName}”的报告模板（第 ${saved.version} 版）`;
  try {
    const composed = composeModel({ extensions: model.extensions, template: parseReportTemplate(saved.template, where), templateSource: where });
    out.stderr(`使用${where}；如需使用其他模板，请用 --template 指定\n`);
    return composed;
  } catch (e) {
    if (e instanceof ReportTemplateError || e instanceof ModelError) throw new CliError(e.message);
    throw e;
  }
}

/**
 * The figures the unit's newest 定稿 froze at sign-off in place of today's (同比 against today's
 * previous year, recomputed from the frozen value); records listed in the report stay as they are now.
 */
async function frozenData(source: RecordSource, data: ReportData, orgId: string, orgName: string, year: number, out: Output): Promise<ReportData> {
  if (!source.reports) throw new CliError(frozenNeedsDb, 2);
  const signed = (await source.reports.versions(orgId, year)).find((v) => v.status === 'final');
  if (!signed?.frozenFigures) throw new CliError(`“${orgName}”${year}年度还没有定稿的年度报告，没有冻结的数字`);
  const frozen = new Map(signed.frozenFigures.map((f) => [f.indicatorId, f]));
  const comparisons = new Map(
    [...data.comparisons].map(([id, c]) => {
      const f = frozen.get(id);
      if (!f) throw new CliError(`第 ${signed.version} 版定稿中没有指标“${id}”的数字（模板在定稿之后引用了该指标）`);
      const { indicator, numerator, denominator } = c.current;
      const current = {
        ...c.current,
        numerator: { ...numerator, value: f.numerator },
        ...(denominator ? { denominator: { ...denominator, value: f.denominator } } : {}),
        value: indicatorValue(indicator, f.numerator, f.denominator),
      };
      return [id, compareResults(c.basis, current, c.previous)] as const;
    }),
  );
  out.stderr(`使用第 ${signed.version} 版定稿（${signed.signedAt?.slice(0, 10) ?? ''}）冻结的数字\n`);
  return { ...data, comparisons };
}

export async function runReport(source: RecordSource, opts: ReportOptions, out: Output, baseModel: FazhiModel): Promise<void> {
  if (!formats.includes(opts.format)) throw new CliError(`不支持的输出格式“${opts.format}”，report 可用 ${formats.join('、')}`, 2);
  if (opts.period.kind !== 'year') throw new CliError('年度报告只能按年生成，请用 --year', 2);
  if (opts.format === 'docx' && !opts.out) throw new CliError('DOCX 格式需要用 --out 指定输出文件', 2);
  // A wrong --out is reported before the report is computed, not after.
  if (opts.out) checkOutputPath(opts.out);

  const org = resolveOrg(source, opts.org);
  const model = await modelWithSavedTemplate(source, org, orgDisplayName(org), baseModel, out, opts.templateGiven ?? false);
  // The dataset's own narrative for its root org is used unless --narrative names another file.
  const defaultNarrative = source.narrativeDir && org.id === source.rootOrgId ? join(source.narrativeDir, `${periodKey(opts.period)}.md`) : undefined;
  const narrativeFile = opts.narrative ?? (defaultNarrative && existsSync(defaultNarrative) ? defaultNarrative : undefined);
  const narrative = narrativeFile ? await readNarrative(narrativeFile, model.template, opts.narrative === undefined) : undefined;

  const live = await reportData(source, model.template, org.id, opts.period, opts.today);
  const data = opts.frozen ? await frozenData(source, live, org.id, orgDisplayName(org), opts.period.year, out) : live;
  const doc = buildReport({ template: model.template, orgName: orgDisplayName(org), period: opts.period, data, ...(narrative ? { narrative } : {}) });

  // DOCX's writer is large: loaded only for --format docx.
  const content = opts.format === 'docx' ? await (await import('@fazhi/report/docx')).renderDocx(doc) : opts.format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
  if (opts.out) {
    writeFileAtomic(opts.out, content);
    out.stderr(`已生成 ${terminalText(opts.out)}\n`);
  } else out.stdout(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
}
