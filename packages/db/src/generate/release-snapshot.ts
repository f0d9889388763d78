import released from './release-snapshot.json';
import { parseModelSnapshot, snapshotRegistry, type ModelSnapshot } from './model-snapshot.js';

/**
 * The model the four released generated migrations (records, indicators, personal fields, record
 * rules) were generated from, frozen: those files are applied on streets' databases and never
 * change, whatever the built-in kinds become. A database without a recorded snapshot is at this one.
 */
export const releaseSnapshot: ModelSnapshot = parseModelSnapshot(released, 'packages/db/src/generate/release-snapshot.json');

export const releaseRegistry = () => snapshotRegistry(releaseSnapshot);
