import { loadDataset } from '@fazhi/dataset';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { yearPeriod } from '@fazhi/domain';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import { communityAnnualTemplate } from './community-annual-template.js';
import { parseNarrative } from './narrative.js';
import { ALLOWED_PHRASES, RUN, sharedRuns } from './own-words.test-helper.js';
import { renderMarkdown } from './render-markdown.js';
import { reportDataFromEvaluator } from './report-data.js';
import { streetAnnualTemplate } from './street-annual-template.js';
import type { ReportTemplate } from './template.js';

/**
 * fazhi writes its own words: neither the default templates nor the seed street's narrative — nor
 * the report they make together — share a run of 20 characters with the reference report they were
 * modelled on, apart from the short list of official names and formulas in ALLOWED_PHRASES.
 * The reference is known here only by the hashes of its runs (scripts/write-reference-fingerprint.ts).
 */
const fixture = JSON.parse(readFileSync(new URL('../test-fixtures/reference-fingerprint.json', import.meta.url), 'utf8')) as { run: number; hashes: string[] };
const reference = new Set(fixture.hashes);
const seedDir = new URL('../../../seeds/nansha-2024/', import.meta.url);
const narrativeText = readFileSync(new URL('narrative/2024.md', seedDir), 'utf8');

/** Every string a template contributes to a report, placeholders cut out (they never join runs). */
function templateText(t: ReportTemplate): string[] {
  const out: string[] = [t.title];
  const visit = (value: unknown) => {
    if (typeof value === 'string') out.push(value.replace(/\{[^{}]*\}/g, '\u0000'));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(t.preamble);
  visit(t.sections);
  return out;
}

describe('own words', () => {
  it('the fingerprint is of the same run length, and a copied sentence is caught', () => {
    expect(fixture.run).toBe(RUN);
    expect(reference.size).toBeGreaterThan(2000);
    // A sentence of the reference (its figures sentence on mediation), as a test that can fail.
    expect(sharedRuns('2024年街道辖区各人民调解委员会共成功调处242宗案件,涉及人数1692人,涉及金额560.22万元。', reference)).not.toEqual([]);
    // Allowed phrases are cut out before comparing.
    expect(sharedRuns(`坚持以${ALLOWED_PHRASES[0]}为指导`, reference)).toEqual([]);
  });

  it.each([
    ['the street template', streetAnnualTemplate],
    ['the community template', communityAnnualTemplate],
  ])('%s shares no run of 20 characters with the reference', (_name, template) => {
    expect(templateText(template).flatMap((s) => sharedRuns(s, reference))).toEqual([]);
  });

  it('the seed narrative shares no run of 20 characters with the reference', () => {
    expect(sharedRuns(narrativeText, reference)).toEqual([]);
  });

  it('the seed street\'s generated 2024 report shares no run of 20 characters with it either', async () => {
    const ds = await loadDataset(seedDir.pathname);
    const orgId = ds.manifest.rootOrgId;
    const period = yearPeriod(2024);
    const evaluator = new Evaluator({ orgs: ds.orgs, records: ds.records, catalog: builtInCatalog });
    const data = reportDataFromEvaluator(evaluator, streetAnnualTemplate, orgId, period, ds.records, ds.orgs.subtreeIds(orgId));
    const narrative = parseNarrative(narrativeText);
    const markdown = renderMarkdown(buildReport({ template: streetAnnualTemplate, orgName: ds.orgs.get(orgId)!.name, period, data, narrative }));
    expect(markdown).toContain('成功调处矛盾纠纷242宗');
    expect(sharedRuns(markdown, reference)).toEqual([]);
  });
});
