import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { indicatorCard, screenshot, signIn, signOut, consoleBrowserForSuite } from './browser.js';

/**
 * The browser scenario every work-area plugin proves itself with, written as data: the area's
 * clerk creates a record through the form, takes it through the kind's workflow (uploading what a
 * step requires), and sees the area's figures move on the plugin's dashboard; a clerk of another
 * area finds no way to write. One file per plugin under test/areas/ calls `describeAreaScenario`;
 * they all run against the one production build in dist/ (vitest.setup.ts builds it once).
 *
 *   describeAreaScenario('法律援助', {
 *     clerk: 'legal-aid', otherClerk: 'mediation', dashboard: 'legal-aid', list: 'legal-aid/legal-aid-applications',
 *     create: { 申请编号: '援〔2024〕E2E号', 申请人类别: { option: '老年人' }, 申请日期: { date: '2024-06-03' } },
 *     steps: [{ button: '准予援助', fill: { 审查日期: { date: '2024-06-04' } }, state: '已准予' }],
 *     indicators: { 'legal_aid.applications': 1 },
 *   });
 */

/** What goes into one form control, found by its label (the field's zh-CN label). */
export type FieldEntry =
  | string
  | number
  | { option: string }
  | { options: readonly string[] }
  | { date: string }
  | { switch: boolean }
  /** A reference to another record: typed into the search, then the option containing `ref` is picked. */
  | { ref: string };

export interface ScenarioStep {
  /** Files to upload first, by attachment slot id (e.g. the evidence 销号 requires). */
  upload?: Readonly<Record<string, string>>;
  /** The step's button (its label in the kind's workflow). */
  button: string;
  /** What the step's dialog asks for; none for a step without a dialog. */
  fill?: Readonly<Record<string, FieldEntry>>;
  /** The state label shown afterwards (当前状态：…). */
  state: string;
}

export interface AreaScenario {
  /** Demo account (the e-mail's local part) of the area's clerk. */
  clerk: string;
  /** A demo clerk of another area, who must find no way to write here. */
  otherClerk: string;
  /** The plugin's dashboard route, e.g. `legal-aid`. */
  dashboard: string;
  /** The resource's list route, e.g. `legal-aid/legal-aid-applications`. */
  list: string;
  /** The create form's values, by field label, in the order a clerk fills them. */
  create: Readonly<Record<string, FieldEntry>>;
  steps?: readonly ScenarioStep[];
  /**
   * Dashboard cards (indicator id) and how far the new record moves each: a number is the exact
   * change of the shown figure, `'changes'` any change (a rate whose new value depends on the seed).
   */
  indicators: Readonly<Record<string, number | 'changes'>>;
  /**
   * Then a street admin (demo account `by`, same browser profile) undoes the last step with a
   * reason: the record is back in `state`, and the dashboard, reached without reloading the
   * console, shows the cards moved by `indicators` (the step's effect taken back).
   */
  undoLast?: { by: string; state: string; indicators: Readonly<Record<string, number | 'changes'>> };
}

const saveButton = /保\s*存/;

/** The two tests of one area, with their own browser over the shared build. */
export function describeAreaScenario(area: string, s: AreaScenario): void {
  describe(`${area} in Chromium`, () => {
    const cb = consoleBrowserForSuite();

    test(`the ${s.clerk} clerk creates a record through the form${s.steps?.length ? ', takes it through its workflow' : ''} and sees the figures move`, async () => {
      await cb.withPage(async (page) => {
        await signIn(page, cb.url, s.clerk);
        const before = await readCards(page, `${cb.url}${s.dashboard}`, Object.keys(s.indicators));

        await page.goto(`${cb.url}${s.list}/create`);
        await page.getByRole('button', { name: saveButton }).waitFor();
        await fillForm(page, page.locator('form'), s.create);
        await page.getByRole('button', { name: saveButton }).click();
        await page.waitForURL(/\/show\//);

        for (const step of s.steps ?? []) await takeStep(page, step);
        const recordUrl = page.url();
        await screenshot(page, `area-${s.dashboard}-record`);

        const after = await readCards(page, `${cb.url}${s.dashboard}`, Object.keys(s.indicators));
        expectMoved(before, after, s.indicators);
        await screenshot(page, `area-${s.dashboard}-dashboard`);

        const last = s.steps?.at(-1);
        if (s.undoLast && last) {
          await signOut(page);
          await signIn(page, cb.url, s.undoLast.by);
          const ids = Object.keys(s.undoLast.indicators);
          const beforeUndo = await readCards(page, `${cb.url}${s.dashboard}`, ids);
          await page.goto(recordUrl);
          await page.getByRole('button', { name: `撤销“${last.button}”` }).click();
          await page.getByLabel('撤销理由（必填，将记入办理记录）').fill('浏览器测试：撤销最后一步');
          await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
          await page.getByText(`当前状态：${s.undoLast.state}`).waitFor();
          // Client-side navigation: the console's figures must not be the ones it read before the undo.
          await navigateInApp(page, `${cb.url}${s.dashboard}`);
          expectMoved(beforeUndo, await readShownCards(page, ids), s.undoLast.indicators);
        }
      });
    }, 180_000);

    test(`a clerk of another area (${s.otherClerk}) cannot write here`, async () => {
      await cb.withPage(async (page) => {
        await signIn(page, cb.url, s.otherClerk);
        await page.goto(`${cb.url}${s.list}`);
        await page.locator('.ant-table').first().waitFor();
        expect(await page.getByRole('button', { name: /新\s*建/ }).count()).toBe(0);
        await page.goto(`${cb.url}${s.list}/create`);
        await page.getByText(/您没有在「.+」新建或修改记录的权限/).waitFor();
        expect(await page.getByRole('button', { name: saveButton }).count()).toBe(0);
      });
    }, 120_000);
  });
}

function expectMoved(before: Record<string, number>, after: Record<string, number>, expected: Readonly<Record<string, number | 'changes'>>): void {
  for (const [id, change] of Object.entries(expected)) {
    if (change === 'changes') expect(after[id], id).not.toBe(before[id]);
    else expect(after[id]! - before[id]!, id).toBeCloseTo(change, 6);
  }
}

/** Goes to `url` through the console's router (no reload), as a click on a menu entry does. */
async function navigateInApp(page: Page, url: string): Promise<void> {
  await page.evaluate((path) => {
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, new URL(url).pathname);
}

/** The figures on the named dashboard cards, as numbers (242宗 → 242, 95.5% → 95.5, 12.3万元 → 123000). */
async function readCards(page: Page, url: string, ids: readonly string[]): Promise<Record<string, number>> {
  await page.goto(url);
  return readShownCards(page, ids);
}

async function readShownCards(page: Page, ids: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of ids) {
    const card = indicatorCard(page, id);
    await card.waitFor();
    const text = (await card.textContent())!.replace(/,/g, '');
    out[id] = Number.parseFloat(text) * (text.includes('亿') ? 1e8 : text.includes('万') ? 1e4 : 1);
  }
  return out;
}

async function takeStep(page: Page, step: ScenarioStep): Promise<void> {
  for (const [slot, fileName] of Object.entries(step.upload ?? {})) await upload(page, slot, fileName);
  await page.getByRole('button', { name: buttonName(step.button) }).click();
  if (step.fill) {
    const dialog = page.getByRole('dialog');
    // A trial click waits until the dialog has stopped moving: selects are clicked with force
    // (through their shown value), which would otherwise land beside them while the dialog zooms in.
    await dialog.getByRole('button', { name: /确\s*定/ }).click({ trial: true });
    await fillForm(page, dialog, step.fill);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
  }
  await page.getByText(`当前状态：${step.state}`).waitFor();
}

/** Uploads a small PDF named `fileName` to one attachment slot of the record's page. */
async function upload(page: Page, slot: string, fileName: string): Promise<void> {
  const row = page.locator(`[data-attachment-slot="${slot}"]`);
  const chooser = page.waitForEvent('filechooser');
  await row.getByRole('button', { name: /上\s*传/ }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% fazhi e2e\n') });
  await row.getByText(fileName, { exact: true }).waitFor();
}

/** Fills a form's controls by their labels (also used by the annual report's scenario). */
export async function fillForm(page: Page, scope: Locator, values: Readonly<Record<string, FieldEntry>>): Promise<void> {
  for (const [label, entry] of Object.entries(values)) await fill(page, scope, label, entry);
}

async function fill(page: Page, scope: Locator, label: string, entry: FieldEntry): Promise<void> {
  if (typeof entry === 'string' || typeof entry === 'number') {
    await scope.getByLabel(label, { exact: true }).fill(String(entry));
  } else if ('date' in entry) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(entry.date);
    // Tab commits the typed date and closes the picker; Enter would also submit the form (in a step's dialog, the step).
    await input.press('Tab');
  } else if ('switch' in entry) {
    const control = scope.getByRole('switch', { name: label, exact: true });
    if ((await control.getAttribute('aria-checked')) !== String(entry.switch)) await control.click();
  } else if ('option' in entry) {
    await pick(page, scope, label, entry.option);
  } else if ('options' in entry) {
    for (const o of entry.options) await pick(page, scope, label, o);
    await page.keyboard.press('Escape');
  } else {
    const box = scope.getByRole('combobox', { name: label, exact: true });
    await box.click({ force: true });
    await box.fill(entry.ref);
    await openDropdown(page).locator('.ant-select-item-option').filter({ hasText: entry.ref }).first().click();
  }
}

/** Picks an option of the antd Select labelled `label` (clicking through the shown value, as a user does). */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  const choice = openDropdown(page).locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${escapeRegExp(option)}$`) }).first();
  // On a loaded machine the forced click can land before the dialog has settled and open nothing;
  // a second click then opens the list (a click on an open list would have found the option already).
  for (let attempt = 1; ; attempt++) {
    await box.click({ force: true });
    try {
      await choice.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await choice.click();
  // A click that landed late can open a single select's list again after the choice, and the list
  // then lies over the next field (seen under load: the dialog's 确定 or a date field under 基本满意 /
  // 变更). A multiple select keeps its list open by design; the next field's click closes it.
  if (await box.evaluate((el) => el.closest('.ant-select-multiple') !== null)) return;
  const open = openDropdown(page).first();
  if (!(await open.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false))) {
    await box.click({ force: true });
    await open.waitFor({ state: 'hidden' });
  }
}

/** antd puts a space between the two characters of a two-character label (指 派). */
const buttonName = (label: string) => new RegExp(`^${[...label].map(escapeRegExp).join('\\s*')}$`);

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
