import { createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, insertSamples, org, outcome, seedFixture, user } from './fixture.test-helper.js';

/** Files in the `attachments` bucket and their metadata rows follow the record's org and area. */
const kinds = new Map(createRegistry().list().map((k) => [k.id, k]));

describe.each(testDatabases())('attachments on $name', (backend) => {
  let db: Database;
  let caseA: string;
  let caseB: string;
  /** Object keys are generated (`<uuid>[.<ext>]`, @fazhi/domain's attachmentKeyName); fixed ones here. */
  const keyOf = (n: number, ext = '.pdf') => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}${ext}`;
  const pathOf = (orgId: string, recordId: string, key = keyOf(1), kind = 'mediation_cases', slot = 'agreement') => `${orgId}/${kind}/${recordId}/${slot}/${key}`;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    ({ A: caseA, B: caseB } = (await insertSamples(db, [kinds.get('mediation_cases')!])).get('mediation_cases')!);
    await db.exec(`insert into storage.objects (bucket_id, name) values ('attachments', '${pathOf(org.communityA1, caseA, keyOf(99))}')`);
  }, 120_000);
  afterAll(() => db?.close());

  const upload = (tx: SqlExecutor, name: string) => tx.query(`insert into storage.objects (bucket_id, name, owner) values ('attachments', $1, auth.uid())`, [name]);
  const tryUpload = (who: string, name: string) => as(db, who, (tx) => outcome(() => upload(tx, name)));
  const visibleFiles = (who: string) => as(db, who, async (tx) => (await tx.query(`select name from storage.objects where bucket_id = 'attachments'`)).rows.length);

  it('is a private bucket', async () => {
    const b = await db.query(`select public from storage.buckets where id = 'attachments'`);
    expect(b.rows).toEqual([{ public: false }]);
  });

  it('splits paths like Supabase storage', async () => {
    const r = await db.query(`select storage.foldername('a/b/c/报告.final.pdf') f, storage.filename('a/b/c/报告.final.pdf') n, storage.extension('a/b/c/报告.final.pdf') e`);
    expect(r.rows[0]).toEqual({ f: ['a', 'b', 'c'], n: '报告.final.pdf', e: 'pdf' });
  });

  it('lets writers of the area upload into their org, nobody else', async () => {
    const path = pathOf(org.communityA1, caseA);
    expect(await tryUpload(clerkA('mediation'), path)).toBe('ok');
    expect(await tryUpload(user.adminA, path)).toBe('ok');
    for (const who of [clerkA('legal_aid'), user.viewerA, user.supervisor, user.adminB, user.clerkB, user.stranger, 'anon']) {
      expect(await tryUpload(who, path), who).toBe('42501');
    }
  });

  it('lets keys with an allowed file type’s extension in, and no others (20261204000500_attachment_file_types.sql)', async () => {
    for (const key of [keyOf(3, '.jpeg'), keyOf(4, '.docx'), keyOf(5, '.ofd'), keyOf(6, '.txt')]) {
      expect(await tryUpload(clerkA('mediation'), pathOf(org.communityA1, caseA, key)), key).toBe('ok');
    }
    for (const key of [keyOf(2, ''), keyOf(7, '.abcdefghij'), keyOf(8, '.mp4'), keyOf(9, '.exe')]) {
      expect(await tryUpload(user.adminA, pathOf(org.communityA1, caseA, key)), key).toBe('42501');
    }
  });

  it('refuses malformed paths, unknown kinds and keys that are not generated ones, even to a street admin', async () => {
    for (const path of [
      `${org.communityA1}/mediation_cases/agreement/${keyOf(1)}`,
      // The four-segment form of 20261128000200_storage.sql, without a slot.
      `${org.communityA1}/mediation_cases/${caseA}/${keyOf(1)}`,
      `${org.communityA1}/memberships/${caseA}/agreement/${keyOf(1)}`,
      `not-an-org/mediation_cases/${caseA}/agreement/${keyOf(1)}`,
      `${org.communityA1}/mediation_cases/${caseA}/Agreement/${keyOf(1)}`,
      `${org.communityA1}/mediation_cases/${caseA}/agreement-/${keyOf(1)}`,
      `${org.communityA1}/mediation_cases/${caseA}/agreement/sub/${keyOf(1)}`,
      // The file name as key (the first form of 20261128000400): hosted Storage refuses Chinese keys.
      pathOf(org.communityA1, caseA, '调解协议书.pdf'),
      pathOf(org.communityA1, caseA, 'x.pdf'),
      pathOf(org.communityA1, caseA, keyOf(1, '.PDF')),
      pathOf(org.communityA1, caseA, keyOf(1).toUpperCase()),
      pathOf(org.communityA1, caseA, keyOf(1, '.abcdefghijk')),
      pathOf(org.communityA1, caseA, keyOf(1, '.tar.gz')),
      pathOf(org.communityA1, caseA, keyOf(1, '.')),
    ]) {
      expect(await tryUpload(user.adminA, path), path).toBe('42501');
    }
  });

  it('shows files to readers of the area in the org only, and never lets app roles overwrite or delete them', async () => {
    expect(await visibleFiles(user.viewerA)).toBe(1);
    expect(await visibleFiles(clerkA('mediation'))).toBe(1);
    expect(await visibleFiles(user.supervisor)).toBe(1);
    expect(await visibleFiles(clerkA('legal_aid'))).toBe(0);
    expect(await visibleFiles(user.adminB)).toBe(0);
    expect(await visibleFiles('anon')).toBe(0);
    const touched = (sql: string) => as(db, user.adminA, async (tx) => (await tx.query(sql)).affectedRows);
    expect(await touched(`update storage.objects set metadata = '{}' where bucket_id = 'attachments'`)).toBe(0);
    expect(await touched(`delete from storage.objects where bucket_id = 'attachments'`)).toBe(0);
  });

  it('keeps attachment metadata consistent with its record and under the same policies', async () => {
    const meta = (tx: SqlExecutor, orgId: string, recordId: string, key = keyOf(10), file = '调解协议书.pdf') =>
      tx.query<{ id: string }>(
        `insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type)
         values ($1, 'mediation_cases', $2, 'agreement', $3, $4, 1024, 'application/pdf') returning id`,
        [orgId, recordId, pathOf(orgId, recordId, key), file],
      );
    const lifecycle = await as(db, clerkA('mediation'), async (tx) => {
      const id = (await meta(tx, org.communityA1, caseA)).rows[0]!.id;
      const softDeleted = (await tx.query(`update public.attachments set deleted_at = now(), version = 1 where id = $1`, [id])).affectedRows;
      const hardDeleted = (await tx.query(`delete from public.attachments where id = $1`, [id])).affectedRows;
      const row = (await tx.query(`select version, deleted_by, created_by from public.attachments where id = $1`, [id])).rows[0];
      return { softDeleted, hardDeleted, row };
    });
    expect(lifecycle).toEqual({ softDeleted: 1, hardDeleted: 0, row: { version: 2, deleted_by: clerkA('mediation'), created_by: clerkA('mediation') } });

    // The record of street B is not in A1: refused whoever asks, with a Chinese message.
    const foreign = await as(db, 'owner', (tx) => meta(tx, org.communityA1, caseB).then(() => 'ok', (e: { code: string; message: string }) => `${e.code} ${e.message}`));
    expect(foreign).toBe('23503 附件所属的记录不存在或不属于该机构');
    const misplaced = (tx: SqlExecutor, slot: string, path: string, file = '调解协议书.pdf', mime = 'application/pdf') =>
      outcome(() =>
        tx.query(
          `insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type)
           values ($1, 'mediation_cases', $2, $3, $4, $5, 1, $6)`,
          [org.communityA1, caseA, slot, path, file, mime],
        ),
      );
    const slotted = (slot: string, path: string, file?: string, mime?: string) => as(db, 'owner', (tx) => misplaced(tx, slot, path, file, mime));
    expect(await slotted('agreement', `elsewhere/${keyOf(11)}`)).toBe('23514');
    // The slot is part of the path, and kebab-case like the SDK's slot ids.
    expect(await slotted('agreement', pathOf(org.communityA1, caseA, keyOf(11), 'mediation_cases', 'photos'))).toBe('23514');
    expect(await slotted('agreement', `${org.communityA1}/mediation_cases/${caseA}/${keyOf(11)}`)).toBe('23514');
    expect(await slotted('agreement', `${pathOf(org.communityA1, caseA, 'sub')}/${keyOf(11)}`)).toBe('23514');
    expect(await slotted('Agreement', pathOf(org.communityA1, caseA, keyOf(11), 'mediation_cases', 'Agreement'))).toBe('23514');
    // The last segment is a generated key, never the file name; the name is free text without '/'.
    expect(await slotted('agreement', pathOf(org.communityA1, caseA, '调解协议书.pdf'))).toBe('23514');
    expect(await slotted('agreement', pathOf(org.communityA1, caseA, keyOf(11, '.PDF')))).toBe('23514');
    expect(await slotted('agreement', pathOf(org.communityA1, caseA, keyOf(11)), 'a/b.pdf')).toBe('23514');
    expect(await slotted('agreement', pathOf(org.communityA1, caseA, keyOf(11)), '调'.repeat(256))).toBe('23514');
    expect(await slotted('site-photos', pathOf(org.communityA1, caseA, keyOf(11, '.jpg'), 'mediation_cases', 'site-photos'), '现场照片（一）.JPG', 'image/jpeg')).toBe('ok');
    // The name's extension is an allowed type's, and the stored type the one it stands for.
    expect(await slotted('agreement', pathOf(org.communityA1, caseA, keyOf(12, '.pdf')), '现场照片（一）.JPG')).toBe('23514');
    expect(await slotted('agreement', pathOf(org.communityA1, caseA, keyOf(12, '.pdf')), 'setup.exe', 'application/x-msdownload')).toBe('23514');
    for (const who of [clerkA('legal_aid'), user.viewerA, user.adminB]) {
      expect(await as(db, who, (tx) => outcome(() => meta(tx, org.communityA1, caseA))), who).toBe('42501');
    }
    expect(await as(db, user.adminB, (tx) => outcome(() => meta(tx, org.communityB1, caseB)))).toBe('ok');
  });

  it('lists one file per name in a slot: a second live one is refused, a removed one frees the name', async () => {
    const added = await committedAs(db, clerkA('mediation'), async (tx) => {
      const add = (key: string, slot = 'agreement', file = '协议书（定稿）.pdf') =>
        outcome(() =>
          tx.query(
            `insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type)
             values ($1, 'mediation_cases', $2, $3, $4, $5, 1, 'application/pdf')`,
            [org.communityA1, caseA, slot, pathOf(org.communityA1, caseA, key, 'mediation_cases', slot), file],
          ),
        );
      return {
        first: await add(keyOf(20)),
        // Inserted hidden, as the Supabase store does before uploading: the index lets it in ...
        hidden: await outcome(() =>
          tx.query(
            `insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type, deleted_at)
             values ($1, 'mediation_cases', $2, 'agreement', $3, '协议书（定稿）.pdf', 1, 'application/pdf', now())`,
            [org.communityA1, caseA, pathOf(org.communityA1, caseA, keyOf(21))],
          ),
        ),
        otherSlot: await add(keyOf(22), 'site-photos'),
        upperCaseExtension: await add(keyOf(23), 'agreement', '协议书（定稿）.PDF'),
      };
    });
    expect(added).toEqual({ first: 'ok', hidden: 'ok', otherSlot: 'ok', upperCaseExtension: 'ok' });
    const show = (key: string) => as(db, clerkA('mediation'), (tx) => outcome(() => tx.query('update public.attachments set deleted_at = null where object_path = $1', [pathOf(org.communityA1, caseA, key)])));
    const insertLive = (key: string) =>
      as(db, clerkA('mediation'), (tx) =>
        outcome(() =>
          tx.query(
            `insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type)
             values ($1, 'mediation_cases', $2, 'agreement', $3, '协议书（定稿）.pdf', 1, 'application/pdf')`,
            [org.communityA1, caseA, pathOf(org.communityA1, caseA, key)],
          ),
        ),
      );
    // ... but not shown (nor a new live one inserted) while the first is listed.
    expect(await show(keyOf(21))).toBe('23505');
    expect(await insertLive(keyOf(24))).toBe('23505');
    // Once the first is removed, the name is free again.
    await committedAs(db, clerkA('mediation'), (tx) => tx.query('update public.attachments set deleted_at = now() where object_path = $1', [pathOf(org.communityA1, caseA, keyOf(20))]));
    expect(await show(keyOf(21))).toBe('ok');
    expect(await insertLive(keyOf(24))).toBe('ok');
  });

  it("keeps file bytes (the shim's storage.object_data) under the object policies, written once by the uploader", async () => {
    const addBytes = (tx: SqlExecutor, id: string) => tx.query('insert into storage.object_data (object_id, data) values ($1, $2)', [id, new Uint8Array([1, 2, 3])]);
    // keyOf(99) was stored without bytes and without an owner: readers (even its street's admin) cannot fill them in.
    const existing = (await db.query<{ id: string }>(`select id from storage.objects where name = $1`, [pathOf(org.communityA1, caseA, keyOf(99))])).rows[0]!.id;
    for (const who of [user.viewerA, user.adminA, clerkA('legal_aid'), 'anon']) {
      expect(await as(db, who, (tx) => outcome(() => addBytes(tx, existing))), who).toBe('42501');
    }
    const id = await committedAs(db, clerkA('mediation'), async (tx) => {
      const o = await tx.query<{ id: string }>(`insert into storage.objects (bucket_id, name, owner) values ('attachments', $1, auth.uid()) returning id`, [pathOf(org.communityA1, caseA, keyOf(30, '.txt'))]);
      await addBytes(tx, o.rows[0]!.id);
      return o.rows[0]!.id;
    });
    const bytesSeen = (who: string) => as(db, who, async (tx) => (await tx.query<{ data: Uint8Array }>('select data from storage.object_data where object_id = $1', [id])).rows.map((r) => [...r.data]));
    expect(await bytesSeen(user.viewerA)).toEqual([[1, 2, 3]]);
    expect(await bytesSeen(clerkA('legal_aid'))).toEqual([]);
    expect(await bytesSeen(user.adminB)).toEqual([]);
    expect(await as(db, 'anon', (tx) => outcome(() => tx.query('select data from storage.object_data')))).toBe('42501');
    const touched = (sql: string) => as(db, clerkA('mediation'), async (tx) => outcome(() => tx.query(sql, [id])));
    expect(await touched(`update storage.object_data set data = '\\x00' where object_id = $1`)).toBe('42501');
    expect(await touched(`delete from storage.object_data where object_id = $1`)).toBe('42501');
    expect(await as(db, clerkA('mediation'), (tx) => outcome(() => addBytes(tx, id)))).toBe('23505');
  });
});
