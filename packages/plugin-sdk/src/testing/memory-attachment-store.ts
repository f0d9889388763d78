import { assertFileType } from '@fazhi/db/browser';
import { attachmentFolder, attachmentPath, safeFileName } from '../attachment-path.js';
import { shanghaiOffset, shanghaiWallClock } from '../ui/fields/shanghai-time.js';
import type { AttachmentStore, StoredAttachment } from '../services.js';

/**
 * An `AttachmentStore` in memory, for tests and demos: the same generated paths, the same check of
 * the file type by extension and content, and the same refusal of a second listed file of one name
 * in a slot as the real stores, nothing persisted.
 */
export function memoryAttachmentStore(): AttachmentStore & { files: Map<string, { info: StoredAttachment; blob: Blob }> } {
  const files = new Map<string, { info: StoredAttachment; blob: Blob }>();
  return {
    files,
    async put(ref, blob, fileName) {
      const path = attachmentPath(ref, fileName);
      const name = safeFileName(fileName);
      const folder = attachmentFolder(ref);
      const type = assertFileType(name, new Uint8Array(await blob.arrayBuffer()));
      if ([...files.values()].some((f) => f.info.path.startsWith(folder) && f.info.fileName === name)) throw new Error(`附件“${name}”已存在`);
      const info: StoredAttachment = { path, slot: ref.slot, fileName: name, size: blob.size, contentType: type.mimeType, uploadedAt: `${shanghaiWallClock(new Date().toISOString())}${shanghaiOffset}` };
      files.set(path, { info, blob });
      return info;
    },
    async list(ref) {
      const prefix = attachmentFolder(ref);
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
