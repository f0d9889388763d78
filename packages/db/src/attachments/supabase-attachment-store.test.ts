/**
 * The Supabase attachment store, tested WITHOUT Supabase (no Docker here): supabase-js is given
 * the recording fetch of ../providers/recording-fetch.test-helper.ts, so these tests pin the exact
 * requests (PostgREST and Storage) and what the store makes of canned answers, including the
 * error bodies Storage sends (legacy `{ statusCode, error }` and newer `{ code }` forms). That the
 * policies refuse what they should is covered on real databases by sql-attachment-store.test.ts
 * and ../rls/attachments.test.ts, which run the same policies.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pgError, recordingClient, recordingFetch, type CannedResponse, type RecordedRequest } from '../providers/recording-fetch.test-helper.js';
import { AttachmentError } from './attachment-store.js';
import { supabaseAttachmentStore, type SupabaseAttachmentStoreOptions } from './supabase-attachment-store.js';

const orgId = '00000000-0000-4000-8000-0000000000a1';
const recordId = '00000000-0000-4000-8000-0000000000c1';
const ref = { orgId, kindId: 'mediation_cases', recordId, slot: 'agreement' };
const folder = `${orgId}/mediation_cases/${recordId}/agreement`;
/** The uuid crypto.randomUUID gives in these tests, so the generated key is known. */
const id = '5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b';
const path = `${folder}/${id}.pdf`;
const name = '调解协议书.pdf';
const columns = 'object_path,slot,file_name,size_bytes,mime_type,created_at';
const row = { object_path: path, slot: 'agreement', file_name: name, size_bytes: 3, mime_type: 'application/pdf', created_at: '2024-03-05T01:30:00.123456+00:00' };
const stored = { path, slot: 'agreement', fileName: name, size: 3, contentType: 'application/pdf', uploadedAt: '2024-03-05T09:30:00.123456+08:00' };
// A PDF by its magic number: the store checks the content (file-type.ts).
const pdfBytes = new TextEncoder().encode('%PDF-1.7');
const file = () => new Blob([pdfBytes], { type: 'application/pdf' });

const none: CannedResponse = { body: [] };
const created: CannedResponse = { status: 201 };
const uploaded: CannedResponse = { body: { Id: 'object-id', Key: `attachments/${path}` } };
const shown: CannedResponse = { body: [row] };
/** Storage's error body: legacy `{ statusCode, error, message }`, HTTP status as sent. */
const storageError = (status: number, statusCode: string, error: string, message: string): CannedResponse => ({ status, body: { statusCode, error, message } });

function setup(opts?: SupabaseAttachmentStoreOptions) {
  const rec = recordingFetch(() => ({ status: 500, body: { message: 'unexpected request' } }));
  return { rec, store: supabaseAttachmentStore(recordingClient(rec), opts) };
}

/** What a request says, without headers that name the runtime. */
const shape = (r: RecordedRequest) => ({ method: r.method, path: decodeURIComponent(r.path), params: r.params, body: r.body });
const header = (r: RecordedRequest | undefined, name: string) => r?.headers[name];
const lines = (requests: RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AttachmentError ? `${e.reason} ${e.message}` : `unexpected ${String(e)}`),
  );

beforeEach(() => {
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(id);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The duplicate check that starts every put. */
const check = (fileName = name) => ({
  method: 'GET',
  path: '/rest/v1/attachments',
  params: [['select', 'object_path'], ['kind_id', 'eq.mediation_cases'], ['record_id', `eq.${recordId}`], ['slot', 'eq.agreement'], ['file_name', `eq.${fileName}`], ['deleted_at', 'is.null'], ['limit', '1']],
  body: undefined,
});

describe('supabaseAttachmentStore.put (recording fetch)', () => {
  it('checks the name, inserts the row hidden, uploads under the ASCII key, then shows the row: exact requests', async () => {
    const { rec, store } = setup();
    rec.queue(none, created, uploaded, shown);
    const before = Date.now();
    expect(await store.put(ref, file(), name)).toEqual(stored);
    const [listed, insert, upload, show] = rec.requests;
    expect(rec.requests).toHaveLength(4);

    expect(shape(listed!)).toEqual(check());
    expect(shape(insert!)).toEqual({
      method: 'POST',
      path: '/rest/v1/attachments',
      params: [],
      body: { org_id: orgId, kind_id: 'mediation_cases', record_id: recordId, slot: 'agreement', object_path: path, file_name: name, size_bytes: pdfBytes.byteLength, mime_type: 'application/pdf', deleted_at: expect.any(String) },
    });
    const hiddenAt = Date.parse((insert!.body as { deleted_at: string }).deleted_at);
    expect(hiddenAt).toBeGreaterThanOrEqual(before - 1000);
    expect(hiddenAt).toBeLessThanOrEqual(Date.now() + 1000);
    // No representation asked for: the row is written, not read back.
    expect(header(insert, 'prefer')).toBeUndefined();

    // The key Storage gets is plain ASCII, as sent: nothing for Storage's key check to refuse.
    expect(upload!.path).toBe(`/storage/v1/object/attachments/${path}`);
    expect(shape(upload!)).toEqual({ method: 'POST', path: `/storage/v1/object/attachments/${path}`, params: [], body: pdfBytes });
    expect(header(upload, 'x-upsert')).toBe('false');
    expect(header(upload, 'content-type')).toBe('application/pdf');
    expect(header(upload, 'authorization')).toBe('Bearer test-anon-key');
    expect(header(upload, 'x-metadata')).toBeUndefined();

    expect(shape(show!)).toEqual({ method: 'PATCH', path: '/rest/v1/attachments', params: [['object_path', `eq.${path}`], ['select', columns]], body: { deleted_at: null } });
    expect(header(show, 'prefer')).toBe('return=representation');
  });

  it('keys any name: an extension kept only when short and alphanumeric, the name itself only in the row', async () => {
    const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])]);
    const cases: [string, Blob, string][] = [
      ['现场照片.JPG', jpeg, `${id}.jpg`],
      ['调解 协议#1?v=2 100%.pdf', file(), `${id}.pdf`],
    ];
    for (const [fileName, content, key] of cases) {
      const { rec, store } = setup();
      rec.queue(none, created, uploaded, { body: [{ ...row, object_path: `${folder}/${key}`, file_name: fileName }] });
      expect((await store.put(ref, content, fileName)).fileName).toBe(fileName);
      expect(shape(rec.requests[0]!)).toEqual(check(fileName));
      expect(rec.requests[1]!.body).toMatchObject({ object_path: `${folder}/${key}`, file_name: fileName });
      expect(rec.requests[2]!.path).toBe(`/storage/v1/object/attachments/${folder}/${key}`);
    }
  });

  it('sends the type the content proved, not the browser’s guess (none, or a wrong one)', async () => {
    for (const browserType of ['', 'application/octet-stream', 'image/png']) {
      const { rec, store } = setup();
      rec.queue(none, created, uploaded, shown);
      await store.put(ref, new Blob([pdfBytes], { type: browserType }), name);
      expect((rec.requests[1]!.body as { mime_type: string }).mime_type).toBe('application/pdf');
      expect(header(rec.requests[2], 'content-type')).toBe('application/pdf');
    }
  });

  it('refuses a program renamed .pdf, an .exe and a name without extension before any request', async () => {
    const { rec, store } = setup();
    const program = new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0])], { type: 'application/pdf' });
    expect(await refusal(store.put(ref, program, '合同.pdf'))).toBe('invalid-type 文件“合同.pdf”的内容不是PDF 文件（扩展名与内容不符），无法上传');
    expect(await refusal(store.put(ref, program, 'setup.exe'))).toMatch(/^invalid-type 不支持上传文件“setup\.exe”：仅限 PDF、/);
    expect(await refusal(store.put(ref, file(), '说明'))).toMatch(/^invalid-type 不支持上传文件“说明”/);
    expect(rec.requests).toEqual([]);
  });

  it('reads Storage’s refusal of a type the bucket does not allow (415) as invalid-type', async () => {
    const { rec, store } = setup();
    rec.queue(none, created, storageError(415, '415', 'invalid_mime_type', 'mime type application/pdf is not supported'));
    expect(await refusal(store.put(ref, file(), name))).toBe('invalid-type 不支持上传文件“调解协议书.pdf”：仅限 PDF、图片（JPG、PNG、GIF、WebP）、Word（DOC、DOCX）、Excel（XLS、XLSX）、OFD、文本（TXT）文件');
  });

  it('refuses before any request: invalid names, oversized files, bad refs', async () => {
    const { rec, store } = setup();
    expect(await refusal(store.put(ref, file(), '..'))).toBe('invalid-name 文件名“..”无效');
    expect(await refusal(store.put(ref, file(), '  '))).toBe('invalid-name 文件名“  ”无效');
    const huge = { size: 52_428_801, type: 'application/pdf', arrayBuffer: () => Promise.reject(new Error('not read')) } as unknown as Blob;
    expect(await refusal(store.put(ref, huge, '大文件.pdf'))).toBe('too-large 文件“大文件.pdf”超过 50 MB，无法上传');
    await expect(store.put({ ...ref, slot: 'Bad' }, file(), 'x.pdf')).rejects.toThrow('附件类型“Bad”无效');
    expect(rec.requests).toEqual([]);
  });

  it('refuses a name the slot already lists at the check: nothing written', async () => {
    const { rec, store } = setup();
    rec.queue({ body: [{ object_path: `${folder}/00000000-0000-4000-8000-000000000001.pdf` }] });
    expect(await refusal(store.put(ref, file(), name))).toBe('exists 附件“调解协议书.pdf”已存在');
    expect(rec.requests.map(shape)).toEqual([check()]);
  });

  it('refuses the same name listed meanwhile when showing the row (the unique index)', async () => {
    const { rec, store } = setup();
    rec.queue(none, created, uploaded, pgError(409, '23505', 'duplicate key value violates unique constraint "attachments_live_file_name_key"'));
    expect(await refusal(store.put(ref, file(), name))).toBe('exists 附件“调解协议书.pdf”已存在');
    expect(rec.requests).toHaveLength(4);
  });

  it('stops at the check or the row when PostgREST refuses: nothing uploaded', async () => {
    const cases: [CannedResponse[], string][] = [
      [[pgError(500, 'XX000', 'boom')], 'failed 上传附件“调解协议书.pdf”失败，请稍后重试'],
      [[{ networkError: true }], 'failed 上传附件“调解协议书.pdf”失败，请稍后重试'],
      [[none, pgError(403, '42501', 'new row violates row-level security policy for table "attachments"')], 'forbidden 没有权限为该记录上传附件“调解协议书.pdf”'],
      [[none, pgError(409, '23503', '附件所属的记录不存在或不属于该机构')], 'not-found 附件所属的记录不存在或不属于该机构'],
      [[none, pgError(409, '23505', 'duplicate key value violates unique constraint "attachments_object_path_key"')], 'exists 附件“调解协议书.pdf”已存在'],
      [[none, pgError(500, 'XX000', 'boom')], 'failed 上传附件“调解协议书.pdf”失败，请稍后重试'],
      [[none, { networkError: true }], 'failed 上传附件“调解协议书.pdf”失败，请稍后重试'],
    ];
    for (const [answers, expected] of cases) {
      const { rec, store } = setup();
      rec.queue(...answers);
      expect(await refusal(store.put(ref, file(), name))).toBe(expected);
      // Distinct lines: postgrest-js retries a GET that met a network error.
      expect([...new Set(lines(rec.requests))]).toEqual(['GET /rest/v1/attachments', 'POST /rest/v1/attachments'].slice(0, answers.length));
    }
  });

  it('leaves the row hidden when Storage refuses the file: the row is never shown', async () => {
    const cases: [CannedResponse, string][] = [
      [{ status: 409, body: { statusCode: '409', code: 'ResourceAlreadyExists', error: 'Duplicate', message: 'The resource already exists' } }, 'exists 附件“调解协议书.pdf”已存在'],
      // Older Storage answers HTTP 400 and puts the status in the body.
      [storageError(400, '409', 'Duplicate', 'The resource already exists'), 'exists 附件“调解协议书.pdf”已存在'],
      [storageError(400, '403', 'Unauthorized', 'new row violates row-level security policy'), 'forbidden 没有权限为该记录上传附件“调解协议书.pdf”'],
      [{ status: 403, body: { statusCode: '403', code: 'AccessDenied', message: 'Access denied' } }, 'forbidden 没有权限为该记录上传附件“调解协议书.pdf”'],
      [storageError(413, '413', 'Payload too large', 'The object exceeded the maximum allowed size'), 'too-large 文件“调解协议书.pdf”超过 50 MB，无法上传'],
      // A key Storage refuses is our bug, not the user's name: a plain failure, its code kept.
      [{ status: 400, body: { statusCode: '400', code: 'InvalidKey', error: 'InvalidKey', message: `Invalid key: ${path}` } }, 'failed 上传附件“调解协议书.pdf”失败，请稍后重试'],
      [{ networkError: true }, 'failed 上传附件“调解协议书.pdf”失败，请稍后重试'],
    ];
    for (const [answer, expected] of cases) {
      const { rec, store } = setup();
      rec.queue(none, created, answer);
      expect(await refusal(store.put(ref, file(), name))).toBe(expected);
      expect(lines(rec.requests)).toEqual(['GET /rest/v1/attachments', 'POST /rest/v1/attachments', `POST /storage/v1/object/attachments/${path}`]);
    }
    const { rec, store } = setup();
    rec.queue(none, created, { status: 400, body: { statusCode: '400', code: 'InvalidKey', message: 'Invalid key' } });
    expect(await store.put(ref, file(), name).catch((e: AttachmentError) => e.code)).toBe('InvalidKey');
  });

  it('reports a failure to show the row after the upload', async () => {
    const { rec, store } = setup();
    rec.queue(none, created, uploaded, pgError(403, '42501', 'permission denied for table attachments'));
    expect(await refusal(store.put(ref, file(), name))).toBe('forbidden 没有权限为该记录上传附件“调解协议书.pdf”');
    rec.queue(none, created, uploaded, { body: [] });
    expect(await refusal(store.put(ref, file(), name))).toBe('failed 上传附件“调解协议书.pdf”失败，请稍后重试');
  });
});

describe('supabaseAttachmentStore.list / remove / url (recording fetch)', () => {
  it('lists one record, or one slot of it, without removed files', async () => {
    const { rec, store } = setup();
    rec.queue(shown, { body: [] });
    expect(await store.list({ orgId: orgId.toUpperCase(), kindId: 'mediation_cases', recordId })).toEqual([stored]);
    expect(await store.list({ ...ref, slot: 'site-photos' })).toEqual([]);
    const record = [['org_id', `eq.${orgId}`], ['kind_id', 'eq.mediation_cases'], ['record_id', `eq.${recordId}`]];
    const order = ['order', 'slot.asc,created_at.asc,file_name.asc'];
    expect(rec.requests.map(shape)).toEqual([
      { method: 'GET', path: '/rest/v1/attachments', params: [['select', columns], ...record, ['deleted_at', 'is.null'], order], body: undefined },
      { method: 'GET', path: '/rest/v1/attachments', params: [['select', columns], ...record, ['slot', 'eq.site-photos'], ['deleted_at', 'is.null'], order], body: undefined },
    ]);
    await expect(store.list({ orgId: 'x', kindId: 'mediation_cases', recordId })).rejects.toThrow('机构编号“x”无效');
  });

  it('removes softly: one PATCH of deleted_at on a shown row', async () => {
    const { rec, store } = setup();
    rec.queue({ body: [{ object_path: path }] });
    await store.remove(path);
    expect(rec.requests.map(shape)).toEqual([
      { method: 'PATCH', path: '/rest/v1/attachments', params: [['object_path', `eq.${path}`], ['deleted_at', 'is.null'], ['select', 'object_path']], body: { deleted_at: expect.any(String) } },
    ]);
    expect(header(rec.requests[0], 'prefer')).toBe('return=representation');
  });

  it('explains a remove that changed nothing: already removed, not visible, or not writable', async () => {
    const cases: [CannedResponse, string][] = [
      [{ body: [{ deleted_at: '2024-03-05T01:30:00+00:00', file_name: name }] }, 'ok'],
      [{ body: [] }, 'not-found 该附件不存在或无权查看'],
      [{ body: [{ deleted_at: null, file_name: name }] }, 'forbidden 没有权限删除附件“调解协议书.pdf”'],
    ];
    for (const [answer, expected] of cases) {
      const { rec, store } = setup();
      rec.queue({ body: [] }, answer);
      expect(await refusal(store.remove(path))).toBe(expected);
      expect(shape(rec.requests[1]!)).toEqual({ method: 'GET', path: '/rest/v1/attachments', params: [['select', 'deleted_at,file_name'], ['object_path', `eq.${path}`]], body: undefined });
    }
    const { rec, store } = setup();
    rec.queue(pgError(403, '42501', 'permission denied for table attachments'));
    expect(await refusal(store.remove(path))).toBe('forbidden 没有权限删除该附件');
    // A path attachmentPath cannot have made (the old name-as-key form) is not looked up.
    expect(await refusal(store.remove(`${folder}/${name}`))).toBe('not-found 该附件不存在或无权查看');
    expect(rec.requests).toHaveLength(1);
  });

  it('signs a URL for 600 seconds (or as configured) that downloads under the file\'s own name', async () => {
    const { rec, store } = setup();
    rec.queue({ body: [{ file_name: name }] }, { body: { signedURL: `/object/sign/attachments/${path}?token=abc` } });
    const url = await store.url(path);
    expect(url).toBe(`http://127.0.0.1:54321/storage/v1/object/sign/attachments/${path}?token=abc&download=${encodeURIComponent(name)}`);
    // Decoded once, as Storage does before setting Content-Disposition: the name itself.
    expect(new URL(url).searchParams.get('download')).toBe(name);
    expect(rec.requests.map(shape)).toEqual([
      { method: 'GET', path: '/rest/v1/attachments', params: [['select', 'file_name'], ['object_path', `eq.${path}`]], body: undefined },
      { method: 'POST', path: `/storage/v1/object/sign/attachments/${path}`, params: [], body: { expiresIn: 600 } },
    ]);

    const short = setup({ urlExpiresIn: 60 });
    short.rec.queue({ body: [{ file_name: 'a&b #1+2.pdf' }] }, { body: { signedURL: `/object/sign/attachments/${path}?token=abc` } });
    expect(new URL(await short.store.url(path)).searchParams.get('download')).toBe('a&b #1+2.pdf');
    expect(short.rec.requests[1]!.body).toEqual({ expiresIn: 60 });
  });

  it('maps missing rows and Storage\'s answers for missing or forbidden files', async () => {
    const cases: [CannedResponse[], string][] = [
      [[{ body: [] }], 'not-found 该附件不存在或无权查看'],
      [[pgError(500, 'XX000', 'boom')], 'failed 打开该附件失败，请稍后重试'],
      [[{ body: [{ file_name: name }] }, storageError(400, '404', 'not_found', 'Object not found')], 'not-found 附件“调解协议书.pdf”不存在或无权查看'],
      [[{ body: [{ file_name: name }] }, { status: 404, body: { statusCode: '404', code: 'NoSuchKey', message: 'Object not found' } }], 'not-found 附件“调解协议书.pdf”不存在或无权查看'],
      [[{ body: [{ file_name: name }] }, storageError(400, '403', 'Unauthorized', 'new row violates row-level security policy')], 'forbidden 没有权限查看附件“调解协议书.pdf”'],
      [[{ body: [{ file_name: name }] }, { networkError: true }], 'failed 打开附件“调解协议书.pdf”失败，请稍后重试'],
    ];
    for (const [answers, expected] of cases) {
      const { rec, store } = setup();
      rec.queue(...answers);
      expect(await refusal(store.url(path))).toBe(expected);
      expect(rec.requests).toHaveLength(answers.length);
    }
    const { rec, store } = setup();
    expect(await refusal(store.url(`${folder}/${name}`))).toBe('not-found 该附件不存在或无权查看');
    expect(rec.requests).toEqual([]);
  });
});
