import { attachmentFolder, type AttachmentRef } from '@fazhi/domain';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { SupabaseDatabase } from '../database-types.generated.js';
import { timestamptzToCst } from '../value-parsers.js';
import {
  AttachmentError,
  attachmentMessages,
  isAttachmentPath,
  preparePut,
  toAttachmentError,
  type AttachmentAction,
  type AttachmentListRef,
  type AttachmentStore,
  type StoredAttachment,
} from './attachment-store.js';

export interface SupabaseAttachmentStoreOptions {
  /** How long a URL from `url()` stays valid, in seconds; 600 by default. */
  urlExpiresIn?: number;
}

type Client = SupabaseClient<SupabaseDatabase>;

/**
 * Storage's `download` parameter: it answers `Content-Disposition: attachment` with this name, so
 * the file saves as 调解协议书.pdf, not as its key. Appended here, encoded once, rather than through
 * createSignedUrl's `download` option: storage-js 2.119 runs that (already encoded) query through
 * encodeURI again, so every `%` comes out `%25` and the browser saves `%E8%B0%83….pdf`
 * (supabase/supabase-js#2468).
 */
const withDownloadName = (signedUrl: string, name: string) => `${signedUrl}${signedUrl.includes('?') ? '&' : '?'}download=${encodeURIComponent(name)}`;

const bucket = 'attachments';
const columns = 'object_path,slot,file_name,size_bytes,mime_type,created_at';

interface AttachmentRow {
  object_path: string;
  slot: string;
  file_name: string;
  size_bytes: number | string;
  mime_type: string;
  created_at: string;
}

const stored = (r: AttachmentRow): StoredAttachment => ({
  path: r.object_path,
  slot: r.slot,
  fileName: r.file_name,
  size: Number(r.size_bytes),
  contentType: r.mime_type,
  // PostgREST sends UTC (`…+00:00`); the SQL store's form is China time.
  uploadedAt: timestamptzToCst(r.created_at),
});

/**
 * Attachments on a Supabase project: the file in Storage's private `attachments` bucket under a
 * generated ASCII key (`attachmentPath`), its name and the rest in public.attachments through
 * PostgREST, both as the signed-in user of `client`.
 *
 * A put is four requests, and no transaction spans Storage and PostgREST. The policies let an app
 * role neither delete a stored file nor hard-delete a metadata row, so nothing written can be
 * taken back; only a row can be hidden (deleted_at). Hence the order:
 *  1. look for a listed file of the same name in the slot (已存在): the unique index only sees
 *     shown rows, and the row is inserted hidden, so without this a duplicate would be refused
 *     only at step 4, after its bytes were stored;
 *  2. insert the row already hidden: the other refusals (no write right, a record that is missing
 *     or in another org) come here, before any byte is stored;
 *  3. upload the file (`upsert: false`; the key is new, so nothing is ever replaced);
 *  4. un-hide the row, which the unique index refuses if the same name was listed meanwhile.
 * Names and sizes are checked before step 1. A failure after step 2 (network, server, that race)
 * leaves at most a hidden row, with or without its file, never a listed attachment without its
 * file; a retry goes to a new key. The audit log shows an upload as INSERT (hidden) then RESTORE.
 */
export function supabaseAttachmentStore(client: Client, opts: SupabaseAttachmentStoreOptions = {}): AttachmentStore {
  const expiresIn = opts.urlExpiresIn ?? 600;

  const fail = (e: unknown, action: AttachmentAction, name: string) => toAttachmentError(e, action, name);

  return {
    async put(ref: AttachmentRef, file: Blob, fileName: string) {
      // Bytes, not the Blob: storage-js sends a Blob as a form whose part type is the Blob's own,
      // and bytes with our content-type header (the type the content proved).
      const { path, name, bytes, contentType } = await preparePut(ref, file, fileName);
      const [orgId, kindId, recordId] = path.split('/') as [string, string, string];

      const listed = await client
        .from('attachments')
        .select('object_path')
        .eq('kind_id', kindId)
        .eq('record_id', recordId)
        .eq('slot', ref.slot)
        .eq('file_name', name)
        .is('deleted_at', null)
        .limit(1);
      if (listed.error) throw fail(listed.error, 'put', name);
      if ((listed.data as unknown[] | null)?.length) throw new AttachmentError('exists', attachmentMessages.exists(name));

      const inserted = await client.from('attachments').insert({
        org_id: orgId,
        kind_id: kindId,
        record_id: recordId,
        slot: ref.slot,
        object_path: path,
        file_name: name,
        size_bytes: bytes.byteLength,
        mime_type: contentType,
        // PostgREST cannot say now(): the client's clock stamps it (deleted_by is the server's).
        deleted_at: new Date().toISOString(),
      });
      if (inserted.error) throw fail(inserted.error, 'put', name);

      // No `metadata` with the name: storage-js sends it base64-encoded through btoa in browsers,
      // which throws on Chinese; the name is in public.attachments anyway.
      const uploaded = await client.storage.from(bucket).upload(path, bytes, { upsert: false, contentType });
      if (uploaded.error) throw fail(uploaded.error, 'put', name);

      const shown = await client.from('attachments').update({ deleted_at: null }).eq('object_path', path).select(columns);
      if (shown.error) throw fail(shown.error, 'put', name);
      const row = (shown.data as AttachmentRow[] | null)?.[0];
      if (!row) throw new AttachmentError('failed', attachmentMessages.failed('put', name));
      return stored(row);
    },

    async list(ref: AttachmentListRef) {
      const [orgId, kindId, recordId] = attachmentFolder(ref).split('/') as [string, string, string];
      let q = client.from('attachments').select(columns).eq('org_id', orgId).eq('kind_id', kindId).eq('record_id', recordId);
      if (ref.slot !== undefined) q = q.eq('slot', ref.slot);
      const r = await q.is('deleted_at', null).order('slot').order('created_at').order('file_name');
      if (r.error) throw fail(r.error, 'list', '');
      return ((r.data ?? []) as AttachmentRow[]).map(stored);
    },

    async remove(path: string) {
      // Only paths attachmentPath makes are looked up: they need no escaping in a URL.
      if (!isAttachmentPath(path)) throw new AttachmentError('not-found', attachmentMessages.notFound(''));
      const r = await client.from('attachments').update({ deleted_at: new Date().toISOString() }).eq('object_path', path).is('deleted_at', null).select('object_path');
      if (r.error) throw fail(r.error, 'remove', '');
      if ((r.data as unknown[] | null)?.length) return;
      // Nothing updated: already removed (fine), not visible, or visible but not writable (RLS
      // filters an UPDATE's rows silently).
      const seen = await client.from('attachments').select('deleted_at,file_name').eq('object_path', path);
      if (seen.error) throw fail(seen.error, 'remove', '');
      const row = (seen.data as { deleted_at: string | null; file_name: string }[] | null)?.[0];
      if (!row) throw new AttachmentError('not-found', attachmentMessages.notFound(''));
      if (row.deleted_at === null) throw new AttachmentError('forbidden', attachmentMessages.forbidden('remove', row.file_name));
    },

    async url(path: string) {
      if (!isAttachmentPath(path)) throw new AttachmentError('not-found', attachmentMessages.notFound(''));
      // The name for the download (and for messages) is only in the row; a removed file still opens.
      const seen = await client.from('attachments').select('file_name').eq('object_path', path);
      if (seen.error) throw fail(seen.error, 'url', '');
      const name = (seen.data as { file_name: string }[] | null)?.[0]?.file_name;
      if (!name) throw new AttachmentError('not-found', attachmentMessages.notFound(''));
      const r = await client.storage.from(bucket).createSignedUrl(path, expiresIn);
      if (r.error) throw fail(r.error, 'url', name);
      return withDownloadName(r.data.signedUrl, name);
    },
  };
}
