import { openDatabase, type Database } from '@fazhi/db';
import { postgresBackend } from '@fazhi/db/testing';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
// The whole-database figure check of the CLI's own move test (street-copy.test.ts), and its CLI runner.
import { differingIndicators, indicators } from '../../cli/src/commands/indicators.test-helper.js';
import { runCliIn } from '../../cli/src/run-cli.test-helper.js';
import { artifactsDir, screenshot, signIn, signOut, consoleBrowserForSuite } from './browser.js';

/**
 * 导出全部数据 on the embedded default: a street admin downloads one zip, and that same file goes
 * onto PostgreSQL 15 with `fazhi import --all --file` (the CLI in-process, with the root config). The
 * browser's database at that moment (its backup, opened in Node) and the server then give every
 * indicator for every unit and period the same value.
 */
const repoRoot = resolve(import.meta.dirname, '../../..');

const cb = consoleBrowserForSuite();

async function withDb<T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(url);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Clicks a user-menu entry and saves the file it downloads under test-artifacts/. */
async function downloadFromMenu(page: Page, entry: string, name: string): Promise<{ path: string; suggested: string }> {
  await page.getByTestId('user-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 480_000 }), page.getByRole('menuitem', { name: entry }).click()]);
  const path = join(artifactsDir, name);
  await download.saveAs(path);
  return { path, suggested: download.suggestedFilename() };
}

describe('导出全部数据 (embedded) → fazhi import --all on PostgreSQL 15', () => {
  test('a street admin exports one zip that a server imports with every indicator equal; others have no such entry', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    const exported = await downloadFromMenu(page, '导出全部数据', 'export-all.zip');
    expect(exported.suggested).toMatch(/^南沙街道-全部数据-\d{4}-\d{2}-\d{2}\.zip$/);
    await page.getByText(/可用 fazhi import --all --file 导入服务器数据库/).waitFor();
    await screenshot(page, 'export-all-done');
    // The notice lies over the user menu until it goes (8 s). antd holds a message while the pointer
    // is on it, and the pointer is still where the menu entry was: move it off, as a reader would.
    await page.mouse.move(10, 400);
    await page.getByText(/可用 fazhi import --all --file 导入服务器数据库/).waitFor({ state: 'detached', timeout: 30_000 });
    // The browser's database as it is now, to compare the server with.
    const backup = await downloadFromMenu(page, '备份本机数据库', 'export-all-source.fazhi-backup');

    const zip = await JSZip.loadAsync(readFileSync(exported.path));
    const names = Object.keys(zip.files);
    for (const name of ['manifest.json', '组织机构.xlsx', 'mediation_cases.xlsx', 'ledger-rows.json', 'members.json', 'attachments.json', 'reports.json', 'audit.json']) expect(names, name).toContain(name);
    const members = JSON.parse(await zip.file('members.json')!.async('string')) as { tables: Record<string, unknown[]> };
    expect(members.tables['auth.users']!.length).toBeGreaterThan(1);

    const server = await postgresBackend.createUrl();
    const imported = await runCliIn(repoRoot, 'import', '--db', server, '--all', '--file', exported.path);
    expect([imported.code, imported.stderr]).toEqual([0, '']);
    expect(imported.stdout).toMatch(/^已导入 \d+ 个机构，\d+ 类记录共 \d+ 条及整库副本：/m);
    const source = await withDb(`pglite:${backup.path}`, (db) => indicators(db));
    const onServer = await withDb(server, async (db) => {
      // The accounts came along: the demo admin signs in on the server with the same password.
      const ok = await db.query<{ ok: boolean }>(`select encrypted_password = extensions.crypt('fazhi-demo-2024', encrypted_password) as ok from auth.users where email = 'admin@demo.fazhi.example'`);
      expect(ok.rows).toEqual([{ ok: true }]);
      return indicators(db);
    });
    expect(source.size).toBeGreaterThan(1000);
    expect(differingIndicators(source, onServer)).toEqual([]);

    // Not for a clerk: the entry is a street admin's, as backup and restore are.
    await signOut(page);
    await signIn(page, cb.url, 'mediation');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem').first().waitFor();
    expect(await page.getByRole('menuitem', { name: '导出全部数据' }).count()).toBe(0);
    await context.close();
  }, 1_200_000);
});
