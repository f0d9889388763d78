import { createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../client.js';
import { clerkA, insertSamples, org, seedFixture, user } from '../rls/fixture.test-helper.js';
import { asUser } from '../session.js';
import { testDatabases } from '../testing/index.js';
import { AttachmentError } from './attachment-store.js';
import { attachmentFileTypes } from './file-type.js';
import { sqlAttachmentStore } from './sql-attachment-store.js';

/** The embedded attachment store on both backends, as real users under the real policies. */
const kinds = new Map(createRegistry().list().map((k) => [k.id, k]));
// A PDF by its magic number (the stores check content), then every byte value.
const every = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...Array.from({ length: 256 }, (_, i) => i)]);
const jpeg = (...rest: number[]) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, ...rest])], { type: 'image/jpeg' });
const pdf = (bytes: Uint8Array = every) => new Blob([bytes], { type: 'application/pdf' });

/** The reason and message a promise rejects with. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AttachmentError ? `${e.reason} ${e.message}` : `unexpected ${String(e)}`),
  );

/** A generated key without its extension. */
const uuidKey = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe.each(testDatabases())('sqlAttachmentStore on $name', (backend) => {
  let db: Database;
  let caseA: string;
  let caseB: string;
  const storeOf = (userId: string) => sqlAttachmentStore({ db, session: (fn) => asUser(db, { userId }, fn) });
  const refOf = (recordId: string, slot = 'agreement') => ({ orgId: org.communityA1, kindId: 'mediation_cases', recordId, slot });
  const folderOf = (recordId: string, slot = 'agreement') => `${org.communityA1}/mediation_cases/${recordId}/${slot}/`;
  /** What is in the database under `folder` whoever may see it (as the migrating superuser). */
  const traces = async (folder: string) => ({
    objects: (await db.query(`select 1 from storage.objects where starts_with(name, $1)`, [folder])).rows.length,
    bytes: (await db.query(`select 1 from storage.object_data d join storage.objects o on o.id = d.object_id where starts_with(o.name, $1)`, [folder])).rows.length,
    rows: (await db.query(`select 1 from public.attachments where starts_with(object_path, $1)`, [folder])).rows.length,
  });
  let agreement: string;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    ({ A: caseA, B: caseB } = (await insertSamples(db, [kinds.get('mediation_cases')!])).get('mediation_cases')!);
  }, 120_000);
  afterAll(() => db?.close());

  it('stores a Chinese-named file under an ASCII key, lists it by its name and serves its bytes', async () => {
    const store = storeOf(user.adminA);
    const put = await store.put(refOf(caseA), pdf(), '调解协议书.PDF');
    agreement = put.path;
    expect(put).toEqual({ path: expect.any(String), slot: 'agreement', fileName: '调解协议书.PDF', size: every.byteLength, contentType: 'application/pdf', uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00$/) });
    expect(put.path.slice(0, folderOf(caseA).length)).toBe(folderOf(caseA));
    expect(put.path.slice(folderOf(caseA).length)).toMatch(new RegExp(`^${uuidKey}\\.pdf$`));
    expect(await store.list({ orgId: org.communityA1, kindId: 'mediation_cases', recordId: caseA })).toEqual([put]);

    // The stored object looks like one Supabase Storage made: owner and metadata.
    const object = await db.query(`select owner, metadata from storage.objects where name = $1`, [put.path]);
    expect(object.rows).toEqual([{ owner: user.adminA, metadata: { size: every.byteLength, contentLength: every.byteLength, mimetype: 'application/pdf' } }]);

    // Where URL.createObjectURL exists (browsers; Node has one too), an object URL of the bytes.
    const blobs: Blob[] = [];
    const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:test/1'));
    try {
      expect(await store.url(put.path)).toBe('blob:test/1');
    } finally {
      spy.mockRestore();
    }
    expect(blobs[0]!.type).toBe('application/pdf');
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(every);

    // Elsewhere a data: URL.
    const createObjectURL = URL.createObjectURL;
    Object.defineProperty(URL, 'createObjectURL', { value: undefined, configurable: true, writable: true });
    try {
      const url = await storeOf(user.viewerA).url(put.path);
      expect(url.startsWith('data:application/pdf;base64,')).toBe(true);
      expect(new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))).toEqual(every);
    } finally {
      Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
    }
  });

  it('refuses a second listed file of the same name in the slot (已存在), leaving nothing of it', async () => {
    for (const who of [user.adminA, clerkA('mediation')]) {
      expect(await refusal(storeOf(who).put(refOf(caseA), pdf(new TextEncoder().encode('%PDF-other')), '调解协议书.PDF')), who).toBe('exists 附件“调解协议书.PDF”已存在');
    }
    expect(await traces(folderOf(caseA))).toEqual({ objects: 1, bytes: 1, rows: 1 });
    const bytes = await db.query<{ data: Uint8Array }>(`select d.data from storage.object_data d join storage.objects o on o.id = d.object_id where o.name = $1`, [agreement]);
    expect(new Uint8Array(bytes.rows[0]!.data)).toEqual(every);
    // Only the same slot and the exact name: another slot, or `.pdf` for `.PDF`, is another file.
    for (const [slot, name] of [['scan', '调解协议书.PDF'], ['agreement', '调解协议书.pdf']] as const) {
      const other = await storeOf(user.adminA).put(refOf(caseA, slot), pdf(), name);
      await storeOf(user.adminA).remove(other.path);
    }
  });

  it('refuses writers of another area, viewers and other streets, leaving nothing half-written', async () => {
    for (const who of [clerkA('legal_aid'), user.viewerA, user.supervisor, user.adminB]) {
      expect(await refusal(storeOf(who).put(refOf(caseA, 'site-photos'), pdf(), 'x.pdf')), who).toBe('forbidden 没有权限为该记录上传附件“x.pdf”');
    }
    expect(await traces(folderOf(caseA, 'site-photos'))).toEqual({ objects: 0, bytes: 0, rows: 0 });
  });

  it('rolls back the object and its bytes when the metadata row is refused (record not in that org)', async () => {
    // The object insert passes (street A's admin may write A1) but street B's case is not in A1.
    expect(await refusal(storeOf(user.adminA).put(refOf(caseB), pdf(), 'x.pdf'))).toBe('not-found 附件所属的记录不存在或不属于该机构');
    expect(await traces(folderOf(caseB))).toEqual({ objects: 0, bytes: 0, rows: 0 });
  });

  it('checks names, paths and sizes before writing anything', async () => {
    const store = storeOf(user.adminA);
    await expect(store.put(refOf(caseA, 'Bad Slot'), pdf(), 'x.pdf')).rejects.toThrow('附件类型“Bad Slot”无效');
    expect(await refusal(store.put(refOf(caseA), pdf(), '..'))).toBe('invalid-name 文件名“..”无效');
    const huge = { size: 52_428_801, type: 'application/pdf', arrayBuffer: () => Promise.reject(new Error('not read')) } as unknown as Blob;
    expect(await refusal(store.put(refOf(caseA), huge, '大文件.pdf'))).toBe('too-large 文件“大文件.pdf”超过 50 MB，无法上传');
  });

  it('refuses a program, renamed .pdf or not, by content and extension, writing nothing', async () => {
    const store = storeOf(user.adminA);
    const program = new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], { type: 'application/pdf' });
    expect(await refusal(store.put(refOf(caseA, 'programs'), program, '合同.pdf'))).toBe('invalid-type 文件“合同.pdf”的内容不是PDF 文件（扩展名与内容不符），无法上传');
    expect(await refusal(store.put(refOf(caseA, 'programs'), program, 'setup.exe'))).toBe(
      'invalid-type 不支持上传文件“setup.exe”：仅限 PDF、图片（JPG、PNG、GIF、WebP）、Word（DOC、DOCX）、Excel（XLS、XLSX）、OFD、文本（TXT）文件',
    );
    expect(await refusal(store.put(refOf(caseA, 'programs'), new Blob([]), '空.pdf'))).toBe('invalid-type 文件“空.pdf”是空文件，无法上传');
    expect(await traces(folderOf(caseA, 'programs'))).toEqual({ objects: 0, bytes: 0, rows: 0 });
  });

  it('the database refuses what the store would, for a client that skips it (types kept equal to file-type.ts)', async () => {
    const types = await db.query<{ extension: string; mime_type: string; label: string }>('select extension, mime_type, label from private.attachment_file_types order by extension');
    expect(types.rows).toEqual(attachmentFileTypes.flatMap((t) => t.extensions.map((extension) => ({ extension, mime_type: t.mimeType, label: t.label }))).sort((a, b) => a.extension.localeCompare(b.extension)));
    const bucket = await db.query<{ allowed_mime_types: string[] }>(`select allowed_mime_types from storage.buckets where id = 'attachments'`);
    expect(bucket.rows[0]!.allowed_mime_types).toEqual([...new Set(attachmentFileTypes.map((t) => t.mimeType))].sort());

    const key = (ext: string) => `${folderOf(caseA, 'raw')}${crypto.randomUUID()}${ext}`;
    const asAdmin = <T,>(fn: (tx: Parameters<Parameters<typeof asUser>[2]>[0]) => Promise<T>) => asUser(db, { userId: user.adminA }, fn);
    const sqlstate = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; message?: string }) => `${e.code} ${e.message}`);
    // Storage's upload policy: the key's extension must be an allowed one.
    const object = (path: string) => asAdmin((tx) => tx.query(`insert into storage.objects (bucket_id, name, owner, metadata) values ('attachments', $1, auth.uid(), '{}')`, [path]));
    expect(await sqlstate(object(key('.exe')))).toMatch(/^42501 /);
    expect(await sqlstate(object(key('')))).toMatch(/^42501 /);
    // The metadata row: an allowed extension, and the type it stands for.
    const row = (fileName: string, mime: string) =>
      asAdmin((tx) =>
        tx.query(`insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type) values ($1, 'mediation_cases', $2, 'raw', $3, $4, 1, $5)`, [
          org.communityA1,
          caseA,
          key('.pdf'),
          fileName,
          mime,
        ]),
      );
    expect(await sqlstate(row('setup.exe', 'application/x-msdownload'))).toBe(
      '23514 不支持上传文件“setup.exe”：仅限 PDF、图片（JPG、PNG、GIF、WebP）、Word（DOC、DOCX）、Excel（XLS、XLSX）、OFD、文本（TXT）文件',
    );
    expect(await sqlstate(row('合同.pdf', 'application/x-msdownload'))).toBe('23514 文件“合同.pdf”的类型“application/x-msdownload”与扩展名不符（应为 application/pdf）');
    expect(await traces(folderOf(caseA, 'raw'))).toEqual({ objects: 0, bytes: 0, rows: 0 });
  });

  it('lists by slot, and a soft remove hides a file (row and bytes kept) and frees its name', async () => {
    const store = storeOf(clerkA('mediation'));
    const record = { orgId: org.communityA1, kindId: 'mediation_cases', recordId: caseA };
    const photo = await store.put(refOf(caseA, 'site-photos'), jpeg(1, 2), '现场 1.jpg');
    // The type stored is the one the content proved, not the browser's (none here).
    const plain = await store.put(refOf(caseA, 'site-photos'), new Blob(['现场情况说明']), '说明.TXT');
    expect(plain.contentType).toBe('text/plain');
    expect(plain.path).toMatch(new RegExp(`/site-photos/${uuidKey}\\.txt$`));
    expect((await store.list({ ...record, slot: 'site-photos' })).map((a) => a.fileName)).toEqual(['现场 1.jpg', '说明.TXT']);
    expect((await store.list({ ...record, slot: 'agreement' })).map((a) => a.fileName)).toEqual(['调解协议书.PDF']);
    expect((await store.list(record)).map((a) => `${a.slot}/${a.fileName}`)).toEqual(['agreement/调解协议书.PDF', 'site-photos/现场 1.jpg', 'site-photos/说明.TXT']);
    // Readers of other areas see nothing.
    expect(await storeOf(clerkA('legal_aid')).list(record)).toEqual([]);

    // Only writers remove; a viewer is told so, and the file stays.
    expect(await refusal(storeOf(user.viewerA).remove(photo.path))).toBe('forbidden 没有权限删除附件“现场 1.jpg”');
    expect(await refusal(storeOf(clerkA('legal_aid')).remove(photo.path))).toBe('not-found 该附件不存在或无权查看');
    await store.remove(photo.path);
    await store.remove(photo.path); // already removed: nothing to do
    expect((await store.list({ ...record, slot: 'site-photos' })).map((a) => a.fileName)).toEqual(['说明.TXT']);
    const row = await db.query(`select deleted_by from public.attachments where object_path = $1`, [photo.path]);
    expect(row.rows).toEqual([{ deleted_by: clerkA('mediation') }]);
    expect(await traces(photo.path)).toEqual({ objects: 1, bytes: 1, rows: 1 });

    // The corrected file goes in under the same name and a new key; the removed one still opens.
    const corrected = await store.put(refOf(caseA, 'site-photos'), jpeg(3), '现场 1.jpg');
    expect(corrected.path).not.toBe(photo.path);
    expect((await store.list({ ...record, slot: 'site-photos' })).map((a) => a.fileName)).toEqual(['说明.TXT', '现场 1.jpg']);
    expect(await refusal(store.put(refOf(caseA, 'site-photos'), jpeg(4), '现场 1.jpg'))).toBe('exists 附件“现场 1.jpg”已存在');
    const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test/2');
    try {
      expect(await store.url(photo.path)).toBe('blob:test/2');
    } finally {
      spy.mockRestore();
    }
  });

  it('serves files only to those who may read them', async () => {
    for (const who of [clerkA('legal_aid'), user.adminB]) {
      expect(await refusal(storeOf(who).url(agreement)), who).toBe('not-found 该附件不存在或无权查看');
    }
    const missing = `${folderOf(caseA)}00000000-0000-4000-8000-000000000000.pdf`;
    expect(await refusal(storeOf(user.adminA).url(missing))).toBe('not-found 该附件不存在或无权查看');
    // Not a path attachmentPath makes (the old name-as-key form): not even looked up.
    expect(await refusal(storeOf(user.adminA).url(`${folderOf(caseA)}调解协议书.pdf`))).toBe('not-found 该附件不存在或无权查看');
    expect(await refusal(storeOf(user.adminA).remove(`${folderOf(caseA)}调解协议书.pdf`))).toBe('not-found 该附件不存在或无权查看');
  });
});
