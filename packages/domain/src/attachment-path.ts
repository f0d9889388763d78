/** Where an attachment lives: `<org_id>/<kind_id>/<record_id>/<slot>/<key>` in storage. */
export interface AttachmentRef {
  orgId: string;
  kindId: string;
  recordId: string;
  /** The attachment slot of the kind (`agreement`, `photos` …), kebab-case. */
  slot: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const kindId = /^[a-z][a-z0-9_]*$/;
const extension = /^[a-z0-9]{1,10}$/;
/** Also the `attachments_slot_format` check of public.attachments. */
export const attachmentSlotPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/**
 * The last segment of an object path: a lower-case uuid, with the file's extension when it has a
 * short alphanumeric one. Hosted Supabase Storage refuses keys outside S3's safe characters, so no
 * Chinese names (supabase/storage#133); the name users see is `file_name` of public.attachments.
 * Also the `attachments_object_key_format` check and the tail of `private.attachment_path_org`.
 */
export const attachmentKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.[a-z0-9]{1,10})?$/;

/**
 * An attachment's display name (`file_name` of public.attachments) made safe: no slashes or
 * control characters, trimmed, at most 255 characters (the end kept, so is the extension).
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/\u0000-\u001f]/g, '_').trim();
  if (!cleaned || cleaned === '.' || cleaned === '..') throw new Error(`文件名“${name}”无效`);
  // Counted in code points, as PostgreSQL's char_length does, and never splitting a surrogate pair.
  const chars = [...cleaned];
  return chars.length > 255 ? chars.slice(-255).join('') : cleaned;
}

// randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere.
function randomUuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A fresh object key for a file: `<uuid>` plus the file's extension when it is 1–10 letters or
 * digits (lower-cased), so `调解协议书.PDF` → `…-….pdf`. Unique per upload, so a file is never
 * overwritten and a removed file's name can be used again. `id` is for tests.
 */
export function attachmentKeyName(fileName: string, id: string = randomUuid()): string {
  if (!uuid.test(id)) throw new Error(`附件编号“${id}”无效`);
  const dot = fileName.lastIndexOf('.');
  // dot > 0: a leading dot (`.pdf`) names a hidden file, not an extension.
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return extension.test(ext) ? `${id.toLowerCase()}.${ext}` : id.toLowerCase();
}

/** The record folder (with the slot's folder when given), ending in `/`: a prefix of its files' paths. */
export function attachmentFolder(ref: Omit<AttachmentRef, 'slot'> & { slot?: string }): string {
  if (!uuid.test(ref.orgId)) throw new Error(`机构编号“${ref.orgId}”无效`);
  if (!kindId.test(ref.kindId)) throw new Error(`记录类型“${ref.kindId}”无效`);
  if (!uuid.test(ref.recordId)) throw new Error(`记录编号“${ref.recordId}”无效`);
  if (ref.slot !== undefined && !attachmentSlotPattern.test(ref.slot)) throw new Error(`附件类型“${ref.slot}”无效`);
  return `${ref.orgId.toLowerCase()}/${ref.kindId}/${ref.recordId.toLowerCase()}/${ref.slot === undefined ? '' : `${ref.slot}/`}`;
}

/**
 * A new storage path for a file: `<org_id>/<kind_id>/<record_id>/<slot>/<key>`, the key from
 * `attachmentKeyName` (the file name itself is kept in public.attachments, not in the path). The
 * org id comes first because storage policies grant by org; every segment is checked, and the key
 * is generated, so no name can climb into another folder. The database accepts exactly this shape
 * (`private.attachment_path_org`, the `attachments_object_path_matches` and
 * `attachments_object_key_format` checks). Throws when the ref or the file name is invalid.
 */
export function attachmentPath(ref: AttachmentRef, fileName: string, id?: string): string {
  return `${attachmentFolder(ref)}${attachmentKeyName(safeFileName(fileName), id)}`;
}

/** The parts of a path made by `attachmentPath`, or null for anything else. */
export function parseAttachmentPath(path: string): (AttachmentRef & { key: string }) | null {
  const parts = path.split('/');
  if (parts.length !== 5) return null;
  const [orgId, kind, recordId, slot, key] = parts as [string, string, string, string, string];
  if (!uuid.test(orgId) || !kindId.test(kind) || !uuid.test(recordId) || !attachmentSlotPattern.test(slot) || !attachmentKeyPattern.test(key)) return null;
  return { orgId, kindId: kind, recordId, slot, key };
}
