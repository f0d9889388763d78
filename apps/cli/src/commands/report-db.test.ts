import { asUser, demoAccounts, openDatabase, sqlReportStore, type Database } from '@fazhi/db';
import { streetAnnualTemplate } from '@fazhi/report';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper.js';

/**
 * `fazhi report --db`: the unit's template saved in the database is used unless `--template` is
 * given, and `--frozen` prints the figures the unit's 定稿 froze (on a seeded PGlite folder).
 */
const seed = fileURLToPath(new URL('../../../../seeds/nansha-2024', import.meta.url));
const narrative = join(seed, 'narrative/2024.md');
const dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-report-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = `pglite:${join(dir, 'data')}`;
const admin = demoAccounts.find((a) => a.memberships.some((m) => m.at === 'street' && m.role === 'admin'))!;

/** Opens the folder (the CLI has closed it), runs `fn` with the street's id and the admin's store, closes it. */
async function withStreet<T>(fn: (db: Database, streetId: string) => Promise<T>): Promise<T> {
  const db = await openDatabase(url);
  try {
    const street = await db.query<{ id: string }>(`select id from public.org_units where kind = 'street'`);
    return await fn(db, street.rows[0]!.id);
  } finally {
    await db.close();
  }
}
const reports = (db: Database) => sqlReportStore((fn) => asUser(db, { userId: admin.id }, fn));
const report = (...extra: string[]) => runCli('report', '--db', url, '--year', '2024', '--narrative', narrative, ...extra);

describe('fazhi report --db with saved reports', () => {
  beforeAll(async () => {
    const seeded = await runCli('db', 'seed', '--db', url, '--dataset', seed);
    expect(seeded.code).toBe(0);
  }, 300_000);

  it('uses the unit’s saved template (newest version) unless --template names a file', async () => {
    const before = await report();
    expect(before.stderr).toBe('');
    const own = { ...streetAnnualTemplate, id: 'own', label: '本街道模板', title: '{org}{year}年度法治建设工作报告（街道自定）' };
    await withStreet(async (db, street) => {
      await reports(db).saveTemplate(street, { ...own, title: '旧版' });
      await reports(db).saveTemplate(street, own);
    });
    const saved = await report();
    expect(saved.code).toBe(0);
    expect(saved.stderr).toBe('使用数据库中“南沙街道”的报告模板（第 2 版）；如需使用其他模板，请用 --template 指定\n');
    expect(saved.stdout).toContain('南沙街道2024年度法治建设工作报告（街道自定）');
    expect(saved.stdout.replace(/^.*\n/, '')).toBe(before.stdout.replace(/^.*\n/, ''));

    const file = join(dir, 'template.json');
    writeFileSync(file, JSON.stringify(streetAnnualTemplate));
    const given = await report('--template', file);
    expect([given.stderr, given.stdout]).toEqual(['', before.stdout]);
  }, 120_000);

  it('refuses a saved template that is not a valid template, naming it', async () => {
    await withStreet((db, street) => reports(db).saveTemplate(street, { id: 'broken' }).then(() => undefined));
    const res = await report();
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^错误：报告模板“数据库中“南沙街道”的报告模板（第 3 版）”有 \d+ 处错误/);
    await withStreet(async (db, street) => {
      await reports(db).saveTemplate(street, streetAnnualTemplate);
    });
  }, 120_000);

  it('--frozen prints the figures frozen at 定稿, not the ones changed after the year was reopened', async () => {
    const none = await report('--frozen');
    expect([none.code, none.stderr.split('\n').at(-2)]).toEqual([1, '错误：“南沙街道”2024年度还没有定稿的年度报告，没有冻结的数字']);
    const atSignOff = await report();
    await withStreet(async (db, street) => {
      const store = reports(db);
      const draft = await store.save(street, 2024, { narrative: {}, wording: {} });
      await store.move(draft.id, 'review');
      await store.move(draft.id, 'final');
      await store.reopen(street, 2024, '补录一宗调解案件');
      await db.query(
        `insert into public.mediation_cases (org_id, case_no, source, dispute_type, parties_count, accepted_on, status) values ($1, '（补录）调字第1号', 'proactive', 'neighbourhood', 2, '2024-12-30', 'accepted')`,
        [street],
      );
    });
    const live = await report();
    expect(live.stdout).not.toBe(atSignOff.stdout);
    const frozen = await report('--frozen');
    expect(frozen.code).toBe(0);
    expect(frozen.stderr).toMatch(/\n使用第 1 版定稿（\d{4}-\d{2}-\d{2}）冻结的数字\n$/);
    expect(frozen.stdout).toBe(atSignOff.stdout);
    const withoutDb = await runCli('report', '--dataset', seed, '--year', '2024', '--frozen');
    expect([withoutDb.code, withoutDb.stderr]).toEqual([2, '错误：--frozen 需要与 --db 一起使用（定稿的数字保存在数据库中）\n']);
  }, 180_000);

  it('gives a community without a saved template the community template, and --template still wins', async () => {
    const { name: community, shown } = await withStreet(
      async (db) => (await db.query<{ name: string; shown: string }>(`select name, coalesce(short_name, name) as shown from public.org_units where kind = 'community' order by name limit 1`)).rows[0]!,
    );
    const own = await runCli('report', '--db', url, '--year', '2024', '--org', community);
    expect([own.code, own.stderr]).toEqual([0, '']);
    expect(own.stdout).toContain(`# ${shown}2024年法治建设工作情况报告`);
    expect(own.stdout).toMatch(new RegExp(`全年，${shown}人民调解委员会成功调处矛盾纠纷|年内新受理的矛盾纠纷`));
    expect(own.stdout).not.toContain('法治政府建设');
    expect(own.stdout).not.toContain('辖区各人民调解委员会');
    const file = join(dir, 'street-template.json');
    writeFileSync(file, JSON.stringify(streetAnnualTemplate));
    const given = await runCli('report', '--db', url, '--year', '2024', '--org', community, '--template', file);
    expect(given.stdout).toContain(`# ${shown}2024年法治政府建设情况报告`);
  }, 120_000);
});
