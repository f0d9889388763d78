import { loadDataset } from '@fazhi/dataset';
import { createRegistry, yearPeriod, type OrgTree } from '@fazhi/domain';
import { builtInCatalog, Evaluator, formatIndicator, type FigureOptions } from '@fazhi/metrics';
import { streetAnnualTemplate } from '@fazhi/report';
import { docxText } from '@fazhi/report/docx';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openConsoleBrowser, screenshot, signIn, type ConsoleBrowser } from './browser.js';

/**
 * The annual report in the console, end to end on the demo database: the seed street's 2024 report
 * drafted live, a narrative paragraph edited, the figures of ../shared/domain/FIGURES.md in the
 * exported DOCX (each expected rendering computed by the in-memory evaluator over the seed, not
 * typed in), a figure's records opened, sign-off, 封账, reopening, a new record and the comparison
 * of the new draft with the frozen figures.
 */
const seedDir = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));

/** FIGURES.md row by row: the indicator each figure comes from, and the wording the reference uses. */
const figures: { row: number; indicator: string; reference: string; hedged?: true }[] = [
  { row: 1, indicator: 'admin_disputes.head_appearance_rate', reference: '100%' },
  { row: 2, indicator: 'legality_review.consultations', reference: '90次' },
  { row: 3, indicator: 'legality_review.contract_reviews', reference: '1715份' },
  { row: 4, indicator: 'legality_review.legal_opinions', reference: '6份' },
  { row: 5, indicator: 'legality_review.meetings', reference: '15次' },
  { row: 6, indicator: 'admin_disputes.handling_decisions', reference: '3宗' },
  { row: 7, indicator: 'admin_disputes.reconsiderations', reference: '6宗' },
  { row: 8, indicator: 'admin_disputes.litigations', reference: '5宗' },
  { row: 9, indicator: 'enforcement.guidance', reference: '15次' },
  { row: 10, indicator: 'enforcement.interviews', reference: '11次' },
  { row: 11, indicator: 'enforcement.warnings', reference: '1次' },
  { row: 12, indicator: 'enforcement.training_compliance_rate', reference: '100%' },
  { row: 13, indicator: 'enforcement.aux_staff_recruited', reference: '130余名', hedged: true },
  { row: 14, indicator: 'mediation.successful_cases', reference: '242宗' },
  { row: 15, indicator: 'mediation.successful_parties', reference: '1692人' },
  { row: 16, indicator: 'mediation.successful_amount', reference: '560.22万元' },
  { row: 17, indicator: 'public_legal_service.hall_area', reference: '100多平米' },
  { row: 18, indicator: 'legal_aid.accepted_applications', reference: '456人次' },
  { row: 19, indicator: 'legal_aid.accepted_amount', reference: '1568万元' },
  { row: 20, indicator: 'publicity.events', reference: '168场次' },
  { row: 21, indicator: 'publicity.videos', reference: '16期' },
  { row: 22, indicator: 'business_env.bilingual_signs', reference: '65家' },
  { row: 23, indicator: 'business_env.foreign_services', reference: '97人次' },
  { row: 24, indicator: 'public_service.catalogue_items', reference: '233个' },
  { row: 25, indicator: 'public_service.full_coverage_supervisions', reference: '9次' },
  { row: 26, indicator: 'public_service.tickets_received', reference: '21349件' },
  { row: 27, indicator: 'public_service.coordination_events', reference: '25次' },
  { row: 28, indicator: 'public_service.ticket_closure_rate', reference: '100%' },
  { row: 29, indicator: 'public_service.ticket_satisfaction_rate', reference: '100%' },
  { row: 30, indicator: 'rectification.reported_on_time_rate', reference: '100%' },
];

let cb: ConsoleBrowser;
let evaluator: Evaluator;
let street: string;
beforeAll(async () => {
  const registry = createRegistry();
  const ds = await loadDataset(seedDir, { registry });
  street = ds.manifest.rootOrgId;
  evaluator = new Evaluator({ orgs: ds.orgs as OrgTree, records: ds.records, catalog: builtInCatalog, today: () => '2026-12-04' });
  cb = await openConsoleBrowser();
}, 120_000);
afterAll(async () => {
  await cb?.close();
});

/** A figure as the report prints it, from the seed through the evaluator. */
function rendering(indicatorId: string, opts: FigureOptions = {}): string {
  const r = evaluator.evaluate(indicatorId, street, yearPeriod(2024));
  return formatIndicator(r.indicator, r.value, { money: { trimZeros: streetAnnualTemplate.figureDefaults?.moneyTrimZeros ?? false }, ...opts });
}

const total = async (page: Page) => Number((await page.getByText(/共 \d+ 条/).textContent())!.match(/\d+/)![0]);
const figure = (page: Page, id: string) => page.locator(`[data-testid="report-document"] [data-figure="${id}"]`).first();

async function downloadDocx(page: Page): Promise<{ text: string; ms: number }> {
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  const ms = Date.now() - started;
  const bytes = readFileSync((await download.path())!);
  return { text: await docxText(bytes), ms };
}

describe('年度报告 in the console', () => {
  test('the seed street’s 2024 report: live draft, figures explained and traced, narrative edited, DOCX with every figure', async () => {
    const { page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    await page.getByRole('menuitem', { name: /年度报告/ }).click();
    await page.waitForURL(/\/reports$/);
    await figure(page, 'mediation.successful_cases').waitFor();
    expect(await page.getByTestId('report-document').locator('h1').textContent()).toContain('2024年');

    // Every figure of FIGURES.md, rendered as the evaluator computes it from the seed, is in the draft.
    const draft = (await page.getByTestId('report-document').textContent())!;
    for (const f of figures.filter((x) => !x.hedged)) expect(draft, `FIGURES.md 第${f.row}行`).toContain(rendering(f.indicator));
    // The computed values agree with the reference's wording: equal, or above the round number a 余/多 qualifies.
    for (const f of figures) {
      const value = Number.parseFloat(rendering(f.indicator).replace(/[^\d.]/g, ''));
      const said = Number.parseFloat(f.reference.replace(/[^\d.]/g, ''));
      if (/[余多]/.test(f.reference)) expect(value >= said && value < said * 1.5, `第${f.row}行`).toBe(true);
      else expect(value, `第${f.row}行`).toBe(said);
    }

    // A figure explains itself (the catalog's definition) and offers the hedged wording.
    await figure(page, 'enforcement.aux_staff_recruited').click();
    const details = page.locator('[data-figure-details="enforcement.aux_staff_recruited"]');
    await details.waitFor();
    expect(await details.locator('[data-figure-definition]').textContent()).toBe(builtInCatalog.indicators.find((i) => i.id === 'enforcement.aux_staff_recruited')!.description);
    await details.getByText('约数').click();
    await expect.poll(() => figure(page, 'enforcement.aux_staff_recruited').textContent()).toBe(rendering('enforcement.aux_staff_recruited', { hedge: 'yu' }));
    await page.keyboard.press('Escape');

    // A narrative paragraph is edited in place.
    const problems = page.locator('[data-testid="report-document"] [data-narrative="problems"]');
    await problems.click();
    const ours = '一是部分社区法治宣传形式较为单一，原因在于专职人员不足。';
    await page.getByLabel('叙述段落 problems').fill(ours);
    await page.getByRole('button', { name: /^完\s*成$/ }).click();
    await expect.poll(() => problems.textContent()).toBe(ours);
    await screenshot(page, 'annual-report-draft');

    // The DOCX carries every figure of FIGURES.md, the edited paragraph and the hedged wording.
    const docx = await downloadDocx(page);
    console.log(`年度报告：草稿 ${await page.getByTestId('report-workspace').getAttribute('data-load-ms')} ms（数据）；DOCX 下载 ${docx.ms} ms`);
    for (const f of figures) expect(docx.text, `FIGURES.md 第${f.row}行`).toContain(rendering(f.indicator, f.hedged ? { hedge: 'yu' } : {}));
    expect(docx.text).toContain(ours);
    expect(docx.ms).toBeLessThan(1000);

    // A figure's records: the drill-down list holds exactly as many as the figure says.
    await figure(page, 'mediation.successful_cases').click();
    await page.locator('[data-figure-details="mediation.successful_cases"]').getByRole('link').click();
    await page.waitForURL(/drill=mediation\.successful_cases/);
    await expect.poll(() => total(page)).toBe(evaluator.evaluate('mediation.successful_cases', street, yearPeriod(2024)).value);
  }, 180_000);
});
