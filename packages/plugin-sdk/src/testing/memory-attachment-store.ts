import { attachmentPath } from '../attachment-path.js';
import type { AttachmentStore, StoredAttachment } from '../services.js';

/**
 * An `AttachmentStore` in memory, for tests and demos: same paths and the same refusal to
 * overwrite as the real stores, nothing persisted.
 */
export function memoryAttachmentStore(): AttachmentStore & { files: Map<string, { info: StoredAttachment; blob: Blob }> } {
  const files = new Map<string, { info: StoredAttachment; blob: Blob }>();
  return {
    files,
    async put(ref, blob, fileName) {
      const path = attachmentPath(ref, fileName);
      if (files.has(path)) throw new Error(`附件“${fileName}”已存在`);
      const info: StoredAttachment = { path, slot: ref.slot, fileName: path.split('/').pop()!, size: blob.size, contentType: blob.type || 'application/octet-stream', uploadedAt: new Date().toISOString() };
      files.set(path, { info, blob });
      return info;
    },
    async list(ref) {
      const prefix = `${ref.orgId.toLowerCase()}/${ref.kindId}/${ref.recordId.toLowerCase()}/${ref.slot ? `${ref.slot}/` : ''}`;
      return [...files.values()].filter((f) => f.info.path.startsWith(prefix)).map((f) => f.info);
    },
    async remove(path) {
      files.delete(path);
    },
    async url(path) {
      return `memory:${path}`;
    },
  };
}
