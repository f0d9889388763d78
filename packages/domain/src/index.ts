export * from './areas.js';
export * from './attachment-path.js';
export * from './coerce.js';
export * from './fields.js';
export * from './file-size.js';
export * from './id-number.js';
export * from './ledger-span.js';
export * from './messages.js';
export * from './org.js';
export * from './period.js';
export * from './phone.js';
export * from './record-kind.js';
export * from './workflow.js';
export * from './registry.js';
export * from './schema.js';
export * from './text-format.js';
export * from './today.js';
export * from './kinds/index.js';

import { builtInRecordKinds } from './kinds/index.js';
import { RecordKindRegistry } from './registry.js';
import type { RecordKind } from './record-kind.js';

/** A registry with every built-in kind plus any extra (third-party) kinds. */
export function createRegistry(extra: Iterable<RecordKind> = []): RecordKindRegistry {
  return new RecordKindRegistry([...builtInRecordKinds, ...extra]);
}
export { decodeText, encodingProblem, firstReplacement, replacementChar, replacementMessage, utf8Bom, type DecodedText, type TextEncoding } from './text-encoding.js';
