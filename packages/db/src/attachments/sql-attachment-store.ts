import { attachmentFolder, type AttachmentRef } from '@fazhi/domain';
import type { Database, SqlExecutor } from '../client.js';
import {
  AttachmentError,
  attachmentMessages,
  bytesUrl,
  isAttachmentPath,
  preparePut,
  toAttachmentError,
  type AttachmentAction,
  type AttachmentListRef,
  type AttachmentStore,
  type StoredAttachment,
} from './attachment-store.js';

export interface SqlAttachmentStoreOptions {
  /** Not read (every call goes through `session`); accepted so callers can pass what they give sqlDataProvider. */
  db?: Database;
  /** Runs `fn` in one transaction as the signed-in user: `(fn) => asUser(db, { userId }, fn)`. */
  session: <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>;
}

interface AttachmentRow {
  object_path: string;
  slot: string;
  file_name: string;
  size_bytes: number;
  mime_type: string;
  created_at: string;
}

const columns = 'object_path, slot, file_name, size_bytes, mime_type, created_at';

const stored = (r: AttachmentRow): StoredAttachment => ({
  path: r.object_path,
  slot: r.slot,
  fileName: r.file_name,
  size: r.size_bytes,
  contentType: r.mime_type,
  uploadedAt: r.created_at,
});

/**
 * Attachments in our own database (PGlite in the browser, PostgreSQL without Supabase Storage):
 * the object row in storage.objects, its bytes in the shim's storage.object_data, and the
 * metadata row in public.attachments, all written as the signed-in user under the same policies
 * as on Supabase. A put is one transaction, so a refusal at any step leaves nothing behind; a
 * second listed file of the same name is refused by the attachments_live_file_name_key index.
 */
export function sqlAttachmentStore(opts: SqlAttachmentStoreOptions): AttachmentStore {
  const { session } = opts;

  async function run<T>(action: AttachmentAction, fileName: string, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    try {
      return await session(fn);
    } catch (e) {
      throw toAttachmentError(e, action, fileName);
    }
  }

  return {
    async put(ref: AttachmentRef, file: Blob, fileName: string) {
      const { path, name, bytes, contentType } = await preparePut(ref, file, fileName);
      const [orgId, kindId, recordId] = path.split('/') as [string, string, string];
      return run('put', name, async (tx) => {
        // Storage's own shape of the object row (owner = uploader, size and type in metadata).
        const object = await tx.query<{ id: string }>(
          `insert into storage.objects (bucket_id, name, owner, metadata)
           values ('attachments', $1, auth.uid(), jsonb_build_object('size', $2::bigint, 'contentLength', $2::bigint, 'mimetype', $3::text))
           returning id`,
          [path, bytes.byteLength, contentType],
        );
        await tx.query('insert into storage.object_data (object_id, data) values ($1, $2)', [object.rows[0]!.id, bytes]);
        const row = await tx.query<AttachmentRow>(
          `insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type)
           values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${columns}`,
          [orgId, kindId, recordId, ref.slot, path, name, bytes.byteLength, contentType],
        );
        return stored(row.rows[0]!);
      });
    },

    async list(ref: AttachmentListRef) {
      const folder = attachmentFolder(ref);
      const [orgId, kindId, recordId] = folder.split('/') as [string, string, string];
      return run('list', '', async (tx) => {
        const rows = await tx.query<AttachmentRow>(
          `select ${columns} from public.attachments
           where org_id = $1 and kind_id = $2 and record_id = $3 and ($4::text is null or slot = $4) and deleted_at is null
           order by slot, created_at, file_name`,
          [orgId, kindId, recordId, ref.slot ?? null],
        );
        return rows.rows.map(stored);
      });
    },

    async remove(path: string) {
      if (!isAttachmentPath(path)) throw new AttachmentError('not-found', attachmentMessages.notFound(''));
      await run('remove', '', async (tx) => {
        const done = await tx.query(`update public.attachments set deleted_at = now() where object_path = $1 and deleted_at is null`, [path]);
        if (done.affectedRows > 0) return;
        // Nothing updated: already removed (fine), not visible, or visible but not writable (RLS
        // filters an UPDATE's rows silently).
        const seen = await tx.query<{ removed: boolean; file_name: string }>('select deleted_at is not null as removed, file_name from public.attachments where object_path = $1', [path]);
        const row = seen.rows[0];
        if (!row) throw new AttachmentError('not-found', attachmentMessages.notFound(''));
        if (!row.removed) throw new AttachmentError('forbidden', attachmentMessages.forbidden('remove', row.file_name));
      });
    },

    async url(path: string) {
      if (!isAttachmentPath(path)) throw new AttachmentError('not-found', attachmentMessages.notFound(''));
      const file = await run('url', '', async (tx) => {
        const r = await tx.query<{ data: Uint8Array; mimetype: string | null }>(
          `select d.data, o.metadata ->> 'mimetype' as mimetype
           from storage.objects o join storage.object_data d on d.object_id = o.id
           where o.bucket_id = 'attachments' and o.name = $1`,
          [path],
        );
        return r.rows[0];
      });
      if (!file) throw new AttachmentError('not-found', attachmentMessages.notFound(''));
      return bytesUrl(file.data, file.mimetype || 'application/octet-stream');
    },
  };
}
