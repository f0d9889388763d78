import { createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, insertSamples, org, outcome, seedFixture, user } from './fixture.test-helper.js';

/** Files in the `attachments` bucket and their metadata rows follow the record's org and area. */
const kinds = new Map(createRegistry().list().map((k) => [k.id, k]));

describe.each(testDatabases())('attachments on $name', (backend) => {
  let db: Database;
  let caseA: string;
  let caseB: string;
  const pathOf = (orgId: string, recordId: string, file = '调解协议书.pdf', kind = 'mediation_cases') => `${orgId}/${kind}/${recordId}/${file}`;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    ({ A: caseA, B: caseB } = (await insertSamples(db, [kinds.get('mediation_cases')!])).get('mediation_cases')!);
    await db.exec(`insert into storage.objects (bucket_id, name) values ('attachments', '${pathOf(org.communityA1, caseA, 'existing.pdf')}')`);
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

  it('refuses malformed paths and unknown kinds, even to a street admin', async () => {
    for (const path of [
      `${org.communityA1}/mediation_cases/调解协议书.pdf`,
      `${org.communityA1}/memberships/${caseA}/x.pdf`,
      `not-an-org/mediation_cases/${caseA}/x.pdf`,
      `${org.communityA1}/mediation_cases/${caseA}/sub/x.pdf`,
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
    const meta = (tx: SqlExecutor, orgId: string, recordId: string, file = '调解协议书.pdf') =>
      tx.query<{ id: string }>(
        `insert into public.attachments (org_id, kind_id, record_id, object_path, file_name, size_bytes, mime_type)
         values ($1, 'mediation_cases', $2, $3, $4, 1024, 'application/pdf') returning id`,
        [orgId, recordId, pathOf(orgId, recordId, file), file],
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
    const misplaced = await as(db, 'owner', (tx) =>
      outcome(() =>
        tx.query(
          `insert into public.attachments (org_id, kind_id, record_id, object_path, file_name, size_bytes, mime_type)
           values ($1, 'mediation_cases', $2, 'elsewhere/x.pdf', 'x.pdf', 1, 'application/pdf')`,
          [org.communityA1, caseA],
        ),
      ),
    );
    expect(misplaced).toBe('23514');
    for (const who of [clerkA('legal_aid'), user.viewerA, user.adminB]) {
      expect(await as(db, who, (tx) => outcome(() => meta(tx, org.communityA1, caseA))), who).toBe('42501');
    }
    expect(await as(db, user.adminB, (tx) => outcome(() => meta(tx, org.communityB1, caseB)))).toBe('ok');
  });
});
