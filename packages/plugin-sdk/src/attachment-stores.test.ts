import { sqlAttachmentStore, supabaseAttachmentStore, type AttachmentStore as DbAttachmentStore, type StoredAttachment as DbStoredAttachment } from '@fazhi/db/browser';
import { expectTypeOf, test } from 'vitest';
import type { AttachmentStore, StoredAttachment } from './services.js';
import { memoryAttachmentStore } from './testing/memory-attachment-store.js';

// @fazhi/db must not import the SDK, so it restates the contract; these checks (run by `tsc`,
// vitest does not type-check) keep the two the same shape both ways.
test('the attachment stores of @fazhi/db are AttachmentStores, and the contracts agree', () => {
  expectTypeOf(sqlAttachmentStore).returns.toExtend<AttachmentStore>();
  expectTypeOf(supabaseAttachmentStore).returns.toExtend<AttachmentStore>();
  expectTypeOf(memoryAttachmentStore).returns.toExtend<DbAttachmentStore>();
  expectTypeOf<AttachmentStore>().toEqualTypeOf<DbAttachmentStore>();
  expectTypeOf<StoredAttachment>().toEqualTypeOf<DbStoredAttachment>();
});
