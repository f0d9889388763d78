// The path rules live in @fazhi/domain so that @fazhi/db's attachment stores build the same paths
// without depending on the SDK; re-exported here, where plugins have always found them.
export {
  attachmentFolder,
  attachmentKeyName,
  attachmentKeyPattern,
  attachmentPath,
  attachmentSlotPattern,
  parseAttachmentPath,
  safeFileName,
} from '@fazhi/domain';
