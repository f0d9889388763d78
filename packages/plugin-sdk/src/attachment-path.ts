import type { AttachmentRef } from './services.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const kindId = /^[a-z][a-z0-9_]*$/;
const slotId = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A file name safe as one path segment: no slashes or control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/\u0000-\u001f]/g, '_').trim();
  if (!cleaned || cleaned === '.' || cleaned === '..') throw new Error(`文件名“${name}”无效`);
  return cleaned.length > 255 ? cleaned.slice(cleaned.length - 255) : cleaned;
}

/**
 * The storage path of an attachment: `<org_id>/<kind_id>/<record_id>/<slot>/<file>`. The org id
 * comes first because storage policies grant by org; every segment is checked so a crafted name
 * cannot climb into another record's folder.
 */
export function attachmentPath(ref: AttachmentRef, fileName: string): string {
  if (!uuid.test(ref.orgId)) throw new Error(`机构编号“${ref.orgId}”无效`);
  if (!kindId.test(ref.kindId)) throw new Error(`记录类型“${ref.kindId}”无效`);
  if (!uuid.test(ref.recordId)) throw new Error(`记录编号“${ref.recordId}”无效`);
  if (!slotId.test(ref.slot)) throw new Error(`附件类型“${ref.slot}”无效`);
  return `${ref.orgId.toLowerCase()}/${ref.kindId}/${ref.recordId.toLowerCase()}/${ref.slot}/${safeFileName(fileName)}`;
}

/** The parts of a path made by `attachmentPath`, or null for anything else. */
export function parseAttachmentPath(path: string): (AttachmentRef & { fileName: string }) | null {
  const parts = path.split('/');
  if (parts.length !== 5) return null;
  const [orgId, kind, recordId, slot, fileName] = parts as [string, string, string, string, string];
  if (!uuid.test(orgId) || !kindId.test(kind) || !uuid.test(recordId) || !slotId.test(slot) || !fileName) return null;
  return { orgId, kindId: kind, recordId, slot, fileName };
}
