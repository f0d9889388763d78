import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { screenshot, signIn, signOut, consoleBrowserForSuite } from './browser.js';

// Forms and attachments keep what the clerk meant: masked personal data, time zones, unsaved
// changes, file types and names. Chromium on the production build, embedded database.
const listPath = 'mediation/mediation-cases';

const cb = consoleBrowserForSuite();

const saveButton = (page: Page) => page.getByRole('button', { name: /保\s*存/ });
const input = (page: Page, label: string) => page.getByLabel(label, { exact: true });
/** The value a show page's Descriptions item shows for `label`. */
const shown = (page: Page, label: string) => page.locator('.ant-descriptions-item').filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.ant-descriptions-item-content');

/** The id of the first listed case whose party names the list shows masked. */
async function maskedCaseId(page: Page): Promise<string> {
  await page.goto(`${cb.url}${listPath}`);
  await page.getByText(/共 \d+ 条/).waitFor();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: /[\u4e00-\u9fff]\*+、/ }).first();
  await row.getByRole('button', { name: /查\s*看/ }).click();
  await page.waitForURL(/\/show\//);
  return page.url().split('/show/')[1]!;
}

/** `YYYY-MM-DD HH:mm` in Shanghai at instant `ms`. */
const shanghai = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('forms in Chromium', () => {
  test('a clerk without the personal-data right cannot save the mask over the real names; 重新填写 replaces them', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'mediation');
    const id = await maskedCaseId(page);
    await page.goto(`${cb.url}${listPath}/edit/${id}`);
    const names = input(page, '当事人姓名');
    await expect.poll(() => names.inputValue()).toMatch(/\*/);
    expect(await names.getAttribute('readonly')).not.toBeNull();
    const masked = await names.inputValue();
    await expect.poll(() => page.title()).toBe('人民调解案件 · 编辑 — 法治政府建设工作台');
    await input(page, '调解员').fill('浏览器测试调解员');
    await saveButton(page).click();
    await page.waitForURL(/\/show\//);

    // The admin (with the right) sees the real names, untouched, and the other change saved.
    await signOut(page);
    await signIn(page, cb.url, 'admin');
    await page.goto(`${cb.url}${listPath}/show/${id}`);
    await expect.poll(() => shown(page, '调解员').textContent()).toBe('浏览器测试调解员');
    const real = (await shown(page, '当事人姓名').textContent())!;
    expect(real).not.toMatch(/\*/);
    expect([...real.split('、')].map((n) => n[0]).join()).toBe([...masked.split('、')].map((n) => n[0]).join());

    // 重新填写 as the clerk: the new names are saved whole.
    await signOut(page);
    await signIn(page, cb.url, 'mediation');
    await page.goto(`${cb.url}${listPath}/edit/${id}`);
    await expect.poll(() => input(page, '当事人姓名').inputValue()).toBe(masked);
    await page.getByRole('button', { name: '重新填写' }).first().click();
    await input(page, '当事人姓名').fill('浏览器甲、浏览器乙');
    await screenshot(page, 'mediation-form-masked-replace');
    await saveButton(page).click();
    await page.waitForURL(/\/show\//);
    await signOut(page);
    await signIn(page, cb.url, 'admin');
    await page.goto(`${cb.url}${listPath}/show/${id}`);
    await expect.poll(() => shown(page, '当事人姓名').textContent()).toBe('浏览器甲、浏览器乙');
    await context.close();
    // Four sign-ins, each opening the embedded database.
  }, 240_000);

  for (const timezoneId of ['UTC', 'America/New_York']) {
    test(`on a device in ${timezoneId}, a case saved unchanged keeps its dates, and times show on the Shanghai clock`, async () => {
      const { context, page } = await cb.newPage({ timezoneId });
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
      await signIn(page, cb.url, 'admin');
      await page.goto(`${cb.url}${listPath}`);
      await page.getByText(/共 \d+ 条/).waitFor();
      // A closed case: it has both an acceptance and a closing date.
      await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '已结案' }).first().getByRole('button', { name: /查\s*看/ }).click();
      await page.waitForURL(/\/show\//);
      const id = page.url().split('/show/')[1]!;
      const before = { accepted: await shown(page, '受理日期').textContent(), closed: await shown(page, '结案日期').textContent() };
      expect(before.accepted).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(before.closed).toMatch(/^\d{4}-\d\d-\d\d$/);

      await page.goto(`${cb.url}${listPath}/edit/${id}`);
      await expect.poll(() => input(page, '受理日期').inputValue()).toBe(before.accepted);
      expect(await input(page, '结案日期').inputValue()).toBe(before.closed);
      const savedAt = Date.now();
      await saveButton(page).click();
      await page.waitForURL(/\/show\//);
      await expect.poll(() => shown(page, '版本').textContent()).not.toBe('');
      expect(await shown(page, '受理日期').textContent()).toBe(before.accepted);
      expect(await shown(page, '结案日期').textContent()).toBe(before.closed);
      // 修改时间 is the Shanghai wall clock of the save, not the device's.
      const updated = (await shown(page, '修改时间').textContent())!;
      expect([shanghai(savedAt - 60_000), shanghai(savedAt), shanghai(savedAt + 60_000)]).toContain(updated);
      await context.close();
    }, 120_000);
  }

  test('leaving a form with unsaved changes asks first (another page, and closing the tab)', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    await page.goto(`${cb.url}${listPath}`);
    await page.getByText(/共 \d+ 条/).waitFor();
    await expect.poll(() => page.title()).toBe('人民调解案件 — 法治政府建设工作台');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: /编\s*辑/ }).click();
    await page.waitForURL(/\/edit\//);
    const editUrl = page.url();
    await expect.poll(() => input(page, '调解员').inputValue()).not.toBe(undefined);
    await input(page, '调解员').fill('还没保存的修改');

    // The menu's 首页: a confirm, dismissed, keeps the form and the typing.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(`${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    await page.locator('.ant-menu').getByText('首页').click();
    await expect.poll(() => asked).toEqual(['confirm 有未保存的修改，确定离开吗？']);
    expect(page.url()).toBe(editUrl);
    expect(await input(page, '调解员').inputValue()).toBe('还没保存的修改');

    // Closing the tab: the browser's own beforeunload prompt (accepted: Chromium here may crash
    // when a dismissed one is followed by closing the context).
    const closing = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.accept())));
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    expect(await closing).toBe('beforeunload');
    await closed;
    await context.close();
  }, 120_000);

  test('attachments: a program renamed .pdf is refused in Chinese; a PDF shows its size and downloads under its Chinese name', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    await page.goto(`${cb.url}${listPath}`);
    await page.getByText(/共 \d+ 条/).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').nth(1).getByRole('button', { name: /查\s*看/ }).click();
    await page.waitForURL(/\/show\//);
    await expect.poll(() => page.title()).toMatch(/ · 查看 — 法治政府建设工作台$/);

    const upload = async (name: string, buffer: Buffer, mimeType: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: /上\s*传/ }).first().click();
      await (await chooser).setFiles({ name, mimeType, buffer });
    };
    await upload('调解协议书.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), 'application/pdf');
    await page.getByText('上传失败：文件“调解协议书.pdf”的内容不是PDF 文件（扩展名与内容不符），无法上传').waitFor();
    await upload('setup.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00]), 'application/x-msdownload');
    await page.getByText(/上传失败：不支持上传文件“setup\.exe”/).waitFor();

    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1.5 * 1024 * 1024 - 9, 0x20)]);
    await upload('调解协议书.pdf', pdf, 'application/pdf');
    await page.getByText('调解协议书.pdf', { exact: true }).waitFor();
    expect(await page.getByText('1.5 MB', { exact: true }).count()).toBe(1);
    await screenshot(page, 'mediation-show-attachment-size');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /下\s*载/ }).first().click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('调解协议书.pdf');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.equals(pdf)).toBe(true);
    await context.close();
  }, 120_000);
});
