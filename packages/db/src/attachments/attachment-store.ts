import { attachmentPath, formatFileSize, parseAttachmentPath, safeFileName, type AttachmentRef } from '@fazhi/domain';
import { chineseOr } from '../chinese-message.js';
import { acceptedFileTypesText, checkFileType, type AttachmentFileType } from './file-type.js';

/**
 * The attachment store contract of @fazhi/plugin-sdk (`AttachmentStore`, `StoredAttachment` in its
 * services.ts), restated here because @fazhi/db must not depend on the SDK: the SDK's interface is
 * satisfied structurally, and the SDK's attachment-stores.test.ts checks (under tsc) that the two
 * stay the same shape. Paths come from @fazhi/domain's `attachmentPath`, which the SDK re-exports.
 */
export interface StoredAttachment {
  /** Full storage path, `<org_id>/<kind_id>/<record_id>/<slot>/<uuid>[.<ext>]`: the file's id. */
  path: string;
  slot: string;
  /** The name the user gave (Chinese as often as not): shown, and the name a download gets. */
  fileName: string;
  size: number;
  contentType: string;
  /** When it was uploaded, `YYYY-MM-DDTHH:mm:ss[.ffffff]+08:00`. */
  uploadedAt?: string;
}

export type AttachmentListRef = Omit<AttachmentRef, 'slot'> & { slot?: string };

export interface AttachmentStore {
  /**
   * Stores a file under a new path (never overwriting one); rejects (`附件“…”已存在`) when the
   * slot already lists a file of that name: remove it first to replace it.
   */
  put(ref: AttachmentRef, file: Blob, fileName: string): Promise<StoredAttachment>;
  /** Files of one record not removed, of one slot when `slot` is given. */
  list(ref: AttachmentListRef): Promise<StoredAttachment[]>;
  /** Soft-deletes one file: it leaves the list and frees its name; bytes and metadata row stay for history. */
  remove(path: string): Promise<void>;
  /** A URL the browser can open or download now (under the file's name where the backend can say so). */
  url(path: string): Promise<string>;
}

/** The `attachments` bucket's `file_size_limit` (20261128000200_storage.sql), checked before writing. */
export const attachmentMaxBytes = 52_428_800;

export type AttachmentErrorReason = 'exists' | 'forbidden' | 'not-found' | 'too-large' | 'invalid-name' | 'invalid-type' | 'failed';

/** What every attachment store rejects with: a Chinese message, the reason, and the server's error as cause. */
export class AttachmentError extends Error {
  readonly reason: AttachmentErrorReason;
  /** SQLSTATE, PostgREST or Storage code behind it, for logs and tests. */
  readonly code?: string;

  constructor(reason: AttachmentErrorReason, message: string, extra: { code?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AttachmentError';
    this.reason = reason;
    if (extra.code) this.code = extra.code;
  }
}

export type AttachmentAction = 'put' | 'list' | 'remove' | 'url';

// Paths no longer carry the file name, so remove and url name the file only once its row has
// been read; before that (or when it cannot be seen) they say 该附件.
const named = (n: string) => (n ? `附件“${n}”` : '该附件');

const failed: Record<AttachmentAction, (name: string) => string> = {
  put: (n) => `上传${named(n)}失败，请稍后重试`,
  list: () => '读取附件列表失败，请稍后重试',
  remove: (n) => `删除${named(n)}失败，请稍后重试`,
  url: (n) => `打开${named(n)}失败，请稍后重试`,
};

const forbidden: Record<AttachmentAction, (name: string) => string> = {
  put: (n) => `没有权限为该记录上传${named(n)}`,
  list: () => '没有权限查看该记录的附件',
  remove: (n) => `没有权限删除${named(n)}`,
  url: (n) => `没有权限查看${named(n)}`,
};

export const attachmentMessages = {
  exists: (name: string) => `附件“${name}”已存在`,
  notFound: (name: string) => `${named(name)}不存在或无权查看`,
  tooLarge: (name: string) => `文件“${name}”超过 ${formatFileSize(attachmentMaxBytes)}，无法上传`,
  invalidName: (name: string) => `文件名“${name}”无效`,
  unsupportedType: (name: string) => `不支持上传文件“${name}”：仅限 ${acceptedFileTypesText}文件`,
  wrongContent: (name: string, label: string) => `文件“${name}”的内容不是${label}（扩展名与内容不符），无法上传`,
  emptyFile: (name: string) => `文件“${name}”是空文件，无法上传`,
  forbidden: (action: AttachmentAction, name: string) => forbidden[action](name),
  failed: (action: AttachmentAction, name: string) => failed[action](name),
};

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Any failure of an attachment operation → `AttachmentError`. Reads a `DatabaseError` (SQLSTATE in
 * `code`), a PostgREST error (`code`, `message`) and storage-js' `StorageApiError` (`status` = HTTP
 * status, `statusCode` = the body's statusCode or else code, `code` = the body's newer code such as
 * `ResourceAlreadyExists`). storage-js drops the body's legacy `error` name (`Duplicate` …), and
 * older Storage answers HTTP 400 with the real status only in statusCode, hence the several
 * spellings. Storage's `InvalidKey` is not a user's mistake (keys are generated), so it is
 * `failed`, its code kept.
 */
export function toAttachmentError(e: unknown, action: AttachmentAction, fileName: string): AttachmentError {
  if (e instanceof AttachmentError) return e;
  const o = typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};
  const code = str(o.code);
  const statusCode = str(o.statusCode);
  const status = typeof o.status === 'number' ? o.status : undefined;
  const message = str(o.message) ?? '';
  const is = (...values: (string | number)[]) => values.some((v) => v === code || v === statusCode || v === status);
  const extra = { code: code ?? statusCode, cause: e };

  if (is('23505', 409, '409', 'ResourceAlreadyExists', 'KeyAlreadyExists')) return new AttachmentError('exists', attachmentMessages.exists(fileName), extra);
  if (is('42501', 403, '403', 'AccessDenied')) return new AttachmentError('forbidden', attachmentMessages.forbidden(action, fileName), extra);
  // The attachments trigger's own sentence (the record is missing or in another org).
  if (is('23503')) return new AttachmentError('not-found', chineseOr(message, '附件所属的记录不存在或不属于该机构'), extra);
  if (is('PGRST116', 404, '404', 'NoSuchKey')) return new AttachmentError('not-found', attachmentMessages.notFound(fileName), extra);
  if (is(413, '413', 'EntityTooLarge')) return new AttachmentError('too-large', attachmentMessages.tooLarge(fileName), extra);
  // The database's own check of the type (23514 from private.check_attachment_file_type, or the
  // storage policy's 42501 above), or Storage's bucket refusing the type (415).
  if (is('23514', 415, '415', 'InvalidMimeType')) return new AttachmentError('invalid-type', chineseOr(message, attachmentMessages.unsupportedType(fileName)), extra);
  return new AttachmentError('failed', attachmentMessages.failed(action, fileName), extra);
}

/**
 * What `put` checks before anything is written: the display name (`safeFileName`), the new path
 * (`attachmentPath`, which throws a plain Error for an invalid ref), the size, and the type by
 * extension and content (file-type.ts). The type stored is the one the content proved, not the
 * browser's guess from the name.
 */
export async function preparePut(ref: AttachmentRef, file: Blob, fileName: string): Promise<{ path: string; name: string; bytes: Uint8Array; contentType: string }> {
  let name: string;
  try {
    name = safeFileName(fileName);
  } catch (e) {
    throw new AttachmentError('invalid-name', attachmentMessages.invalidName(fileName), { cause: e });
  }
  const path = attachmentPath(ref, name);
  if (file.size > attachmentMaxBytes) throw new AttachmentError('too-large', attachmentMessages.tooLarge(name));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = assertFileType(name, bytes);
  return { path, name, bytes, contentType: type.mimeType };
}

/** The type of a file by extension and content (file-type.ts), or an `invalid-type` refusal naming it. */
export function assertFileType(name: string, bytes: Uint8Array): AttachmentFileType {
  const checked = checkFileType(name, bytes);
  if (checked.ok) return checked.type;
  const message = checked.problem === 'extension' ? attachmentMessages.unsupportedType(name) : checked.problem === 'empty' ? attachmentMessages.emptyFile(name) : attachmentMessages.wrongContent(name, checked.type!.label);
  throw new AttachmentError('invalid-type', message);
}

/** Whether `path` could be an attachment's (`parseAttachmentPath`): others are not looked up. */
export const isAttachmentPath = (path: string): boolean => parseAttachmentPath(path) !== null;

/** `URL.createObjectURL` where there is one (browsers, Node), else a `data:` URL. */
export function bytesUrl(bytes: Uint8Array, contentType: string): string {
  if (typeof URL.createObjectURL === 'function') return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }));
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${contentType};base64,${btoa(binary)}`;
}
