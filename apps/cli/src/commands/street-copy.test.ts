import { asUser, demoAccounts, openDatabase, sqlAttachmentStore, sqlReportStore, writeBackupFile, type Database, type PgliteDatabase } from '@fazhi/db';
import { pgliteBackend, postgresBackend } from '@fazhi/db/testing';
import { streetAnnualTemplate } from '@fazhi/report';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper.js';
import { manifestFile, type CopyManifest } from './copy-folder.js';
import { differingIndicators, indicators } from './indicators.test-helper.js';

/**
 * Moving a street from the browser to a server: the demo seed on PGlite plus a local account, an
 * attachment, a workflow step, a 定稿 report (year locked) and a saved template, taken as the
 * console's backup file (备份本机数据库), exported whole from it with
 * `fazhi export --all --unmasked`, imported into a fresh PostgreSQL 15 database with
 * `fazhi import --all`, and the two compared table by table; then the same from PostgreSQL back
 * into a new PGlite. Bad folders import nothing and say where.
 */
const seedDir = fileURLToPath(new URL('../../../../seeds/nansha-2024', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-street-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const admin = demoAccounts.find((a) => a.memberships.some((m) => m.at === 'street' && m.role === 'admin'))!;
const mediationClerk = demoAccounts.find((a) => a.email.startsWith('mediation@'))!;
const viewer = demoAccounts.find((a) => a.email.startsWith('viewer@'))!;
const local = { email: 'zhang.san@street.example', password: '街道-初始密码-2026' };
const attachmentBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, ...new TextEncoder().encode('调解协议书'), 0x0a, 0x25, 0x25, 0x45, 0x4f, 0x46]);

async function withDb<T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(url);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** What the user adds in the browser beyond the seed. */
async function addStreetWork(db: Database): Promise<void> {
  const street = (await db.query<{ id: string }>(`select id from public.org_units where kind = 'street'`)).rows[0]!.id;
  // A local account (the embedded database's own, bcrypt as GoTrue) created by the admin with a clerk's
  // areas and the personal-data grant (create_local_account), an invitation, a deactivated member, a new unit retired again.
  await asUser(db, { userId: admin.id }, async (tx) => {
    await tx.query(`select public.create_local_account($1, $2, '张三', $3, 'clerk', '{mediation}', true, '本街道调解员')`, [local.email, local.password, street]);
    await tx.query(`select public.invite_member('li.si@street.example', $1, 'viewer', '{}', false, '新同事')`, [street]);
    await tx.query(`select public.set_member_active($1, false, '调离')`, [viewer.id]);
    const unit = (await tx.query<{ id: string }>(`select (public.add_org_unit($1, 'community', '试点社区', null, null, null, null, '试点')).id`, [street])).rows[0]!.id;
    await tx.query(`insert into public.mediation_cases (org_id, case_no, source, dispute_type, parties_count, accepted_on, status) values ($1, '（试点）调字第1号', 'proactive', 'neighbourhood', 2, '2024-06-30', 'accepted')`, [unit]);
    // A unit with records is retired, not deleted.
    expect((await tx.query<{ r: string }>(`select public.retire_org_unit($1, '试点结束') as r`, [unit])).rows[0]!.r).toBe('retired');
  });
  // A workflow step and an attachment on one of the seed's open mediation cases.
  const open = (
    await db.query<{ id: string; org_id: string; version: number; values: string }>(
      `select id, org_id, version, jsonb_build_object('result', 'failure', 'closed_on', accepted_on)::text as values from public.mediation_cases
       where status = 'accepted' and deleted_at is null and accepted_on between '2024-01-01' and '2024-12-31' order by id limit 1`,
    )
  ).rows[0]!;
  await asUser(db, { userId: mediationClerk.id }, (tx) => tx.query(`select public.take_step('mediation_cases', $1, 'closed', $2::jsonb, $3)`, [open.id, open.values, open.version]));
  const store = sqlAttachmentStore({ session: (fn) => asUser(db, { userId: mediationClerk.id }, fn) });
  await store.put({ orgId: open.org_id, kindId: 'mediation_cases', recordId: open.id, slot: 'agreement' }, new Blob([attachmentBytes], { type: 'application/pdf' }), '调解协议书.pdf');
  // A saved template and a 定稿 report (which freezes the figures and locks 2024).
  const reports = sqlReportStore((fn) => asUser(db, { userId: admin.id }, fn));
  await reports.saveTemplate(street, { ...streetAnnualTemplate, id: 'own', label: '本街道模板' });
  const draft = await reports.save(street, 2024, { narrative: { summary: '全年依法行政工作有序推进。' }, wording: {} });
  await reports.move(draft.id, 'review');
  await reports.move(draft.id, 'final');
}

/** Every carried table's rows as JSON in UTC, with attachment bytes as digests: equal means the same street. */
function contents(db: Database): Promise<Record<string, unknown>> {
  return db.transaction(async (tx) => {
  await tx.query(`set local time zone 'UTC'`);
  const kinds = (await tx.query<{ kind_id: string }>('select kind_id from private.record_kinds order by kind_id')).rows.map((r) => r.kind_id);
  const tables = [
    ...kinds.map((k) => `public.${k}`),
    'public.org_units',
    'public.memberships',
    'public.invitations',
    'public.org_unit_changes',
    'public.profiles',
    'public.attachments',
    'public.record_steps',
    'public.report_versions',
    'public.report_status_changes',
    'public.report_year_locks',
    'public.report_templates',
    'public.audit_log',
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = (await tx.query<{ rows: unknown }>(`select coalesce(jsonb_agg(to_jsonb(x) order by x.id), '[]') as rows from ${t} x`)).rows[0]!.rows;
  out['private.local_accounts'] = (await tx.query(`select * from private.local_accounts order by user_id`)).rows;
    out['auth.users'] = (await tx.query(`select id, email, encrypted_password, raw_user_meta_data, email_confirmed_at, created_at from auth.users order by id`)).rows;
  out['attachment bytes'] = (await tx.query(`select o.name, md5(d.data) as md5, o.metadata from storage.objects o join storage.object_data d on d.object_id = o.id where o.bucket_id = 'attachments' order by o.name`)).rows;
  return out;
  });
}

const signsIn = (db: Database, email: string, password: string) =>
  db.query<{ ok: boolean }>('select encrypted_password = extensions.crypt($2::text, encrypted_password::text) as ok from auth.users where email = $1', [email, password]).then((r) => r.rows[0]?.ok ?? false);

/** Export `from` whole into a folder, import it into `to`; timings printed. */
async function move(from: string, to: string, folder: string, label: string): Promise<void> {
  let t = performance.now();
  const exported = await runCli('export', '--db', from, '--all', '--unmasked', '--out', folder);
  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  expect(exported.stdout).toMatch(/另写出整库副本.*账号 15 个、成员资格 16 条、邀请 1 条、附件 1 个（文件 1 个）、办理步骤 \d+ 条、报告版本 1 个、封账 1 条、报告模板 1 个/);
  const exportMs = performance.now() - t;
  t = performance.now();
  const imported = await runCli('import', '--db', to, '--all', '--dir', folder);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/^已导入 \d+ 个机构，\d+ 类记录共 \d+ 条及整库副本：/m);
  console.log(`${label}: export --all ${(exportMs / 1000).toFixed(1)} s, import --all ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

describe('moving a street: export --all --unmasked and import --all between PGlite and PostgreSQL 15', () => {
  let browser: string;
  let backup: string;
  let before: Record<string, unknown>;
  let beforeIndicators: Map<string, unknown>;
  beforeAll(async () => {
    browser = await pgliteBackend.createUrl();
    const seeded = await runCli('db', 'seed', '--db', browser, '--dataset', seedDir);
    expect(seeded.code).toBe(0);
    await withDb(browser, async (db) => {
      await addStreetWork(db);
      before = await contents(db);
      beforeIndicators = await indicators(db);
      // What 备份本机数据库 writes (embedded-database.ts): the data directory after a checkpoint.
      await db.exec('checkpoint');
      const dump = await (db as PgliteDatabase).dumpDataDir();
      backup = join(dir, '南沙街道.fazhi-backup');
      const file = await writeBackupFile(dump, { schemaVersion: '20261205000000', unit: { id: 'x', name: '南沙街道' }, createdAt: new Date().toISOString(), createdBy: admin.email });
      writeFileSync(backup, new Uint8Array(await file.arrayBuffer()));
    });
  }, 1_800_000);

  let server: string;
  it('PGlite → PostgreSQL 15: every table, every indicator and the attachment bytes are equal; the local account signs in', async () => {
    server = await postgresBackend.createUrl();
    await move(`pglite:${backup}`, server, join(dir, 'to-server'), 'PGlite (the console backup) → PostgreSQL 15');
    await withDb(server, async (db) => {
      const after = await contents(db);
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      expect((before['public.record_steps'] as unknown[]).length).toBeGreaterThan(0);
      expect((before['public.invitations'] as unknown[]).length).toBe(1);
      expect(before['private.local_accounts']).toMatchObject([{ must_change_password: true }]);
      expect((before['public.memberships'] as { active: boolean }[]).filter((m) => !m.active)).toHaveLength(1);
      expect((before['public.org_units'] as { retired_at: string | null }[]).filter((u) => u.retired_at)).toHaveLength(1);
      expect((before['public.org_unit_changes'] as unknown[]).length).toBe(2);
      expect((before['public.audit_log'] as unknown[]).length).toBeGreaterThan(10);
      expect(differingIndicators(beforeIndicators, await indicators(db))).toEqual([]);
      expect(await signsIn(db, local.email, local.password)).toBe(true);
      expect(await signsIn(db, local.email, 'wrong')).toBe(false);
      // The server goes on from here: the year stays locked, and new history gets new ids.
      const street = (await db.query<{ id: string }>(`select id from public.org_units where kind = 'street'`)).rows[0]!.id;
      const reports = sqlReportStore((fn) => asUser(db, { userId: admin.id }, fn));
      expect(await reports.lock(street, 2024)).toMatchObject({ year: 2024 });
      await reports.reopen(street, 2024, '迁移后补录');
      const max = (before['public.audit_log'] as { id: number }[]).at(-1)!.id;
      const newest = await db.query<{ id: number }>(`select max(id)::int as id from public.audit_log`);
      expect(newest.rows[0]!.id).toBeGreaterThan(max);
    });
  }, 1_800_000);

  it('PostgreSQL 15 → PGlite: the same street again', async () => {
    const serverNow = await withDb(server, (db) => contents(db));
    const back = await pgliteBackend.createUrl();
    await move(server, back, join(dir, 'back'), 'PostgreSQL 15 → PGlite');
    await withDb(back, async (db) => {
      const after = await contents(db);
      for (const table of Object.keys(serverNow)) expect(after[table], table).toEqual(serverNow[table]);
      expect(differingIndicators(beforeIndicators, await indicators(db))).toEqual([]);
      expect(await signsIn(db, local.email, local.password)).toBe(true);
    });
  }, 1_800_000);

  it('a changed file, a refused row or a non-empty database: nothing written, the file and row named', async () => {
    const folder = join(dir, 'to-server');
    const manifestPath = join(folder, manifestFile);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as CopyManifest;
    const target = await pgliteBackend.createUrl();
    const empty = async () => withDb(target, async (db) => (await db.query<{ n: number }>('select (select count(*) from public.org_units) + (select count(*) from auth.users) as n')).rows[0]!.n);

    // A ledger changed after the export: its rows no longer line up with their ids.
    const ledger = join(folder, 'mediation_cases.xlsx');
    const original = readFileSync(ledger);
    writeFileSync(ledger, Buffer.concat([original, Buffer.from([0])]));
    const changed = await runCli('import', '--db', target, '--all', '--dir', folder);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('mediation_cases.xlsx 与 manifest.json 记载的校验值不符');
    writeFileSync(ledger, original);

    // A membership the database refuses (a clerk without areas), the manifest made to match.
    const membersPath = join(folder, 'members.json');
    const members = JSON.parse(readFileSync(membersPath, 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };
    const memberships = members.tables['public.memberships']!;
    const bad = memberships.findIndex((m) => m.role === 'clerk');
    memberships[bad]!.areas = [];
    const text = `${JSON.stringify(members)}\n`;
    writeFileSync(membersPath, text);
    manifest.files['members.json'] = { ...manifest.files['members.json']!, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const refused = await runCli('import', '--db', target, '--all', '--dir', folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`数据库拒绝了 members.json 中 public.memberships 第 ${bad + 1} 行：`);
    expect(refused.stderr).toContain('未写入任何数据');
    expect(await empty()).toBe(0);

    // A backup file is read, never written.
    const intoBackup = await runCli('import', '--db', `pglite:${backup}`, '--all', '--dir', folder);
    expect([intoBackup.code, intoBackup.stderr]).toEqual([2, '错误：工作台的备份文件（.fazhi-backup）只能读取，不能导入：请导入到 pglite:目录 或 postgres://…\n']);

    // The server already holds the street.
    const again = await runCli('import', '--db', server, '--all', '--dir', join(dir, 'back'));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('数据库不是空的');

    // The same folder as one zip (the console's 导出全部数据): bad zips are refused before anything is written.
    const notZip = join(dir, '坏文件.zip');
    writeFileSync(notZip, 'not a zip');
    const unreadable = await runCli('import', '--db', target, '--all', '--file', notZip);
    expect([unreadable.code, unreadable.stderr]).toEqual([1, expect.stringContaining('“' + notZip + '”不是有效的 zip 文件')]);
    const escaping = new JSZip();
    escaping.file('../outside.json', '{}');
    const escapingPath = join(dir, '越界.zip');
    writeFileSync(escapingPath, await escaping.generateAsync({ type: 'uint8array' }));
    const escaped = await runCli('import', '--db', target, '--all', '--file', escapingPath);
    expect([escaped.code, escaped.stderr]).toEqual([1, expect.stringContaining('中的文件名“../outside.json”不在压缩包之内，未写入任何数据')]);
    expect(existsSync(join(tmpdir(), 'outside.json'))).toBe(false);
    const wrongType = await runCli('import', '--db', target, '--all', '--file', ledger);
    expect([wrongType.code, wrongType.stderr]).toEqual([2, expect.stringContaining('--all --file 只读取 .zip 文件')]);
    expect(await empty()).toBe(0);
  }, 1_800_000);
});
