import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { statSync } from 'node:fs';

/** The folder of PGlite's built files (pglite.wasm, pglite.data …), as installed for the console. */
export const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));

/** Bytes of PostgreSQL's wasm and data files: what a first visit downloads besides the snapshot. */
export const pgliteRuntimeBytes = () => ({ wasm: statSync(join(pgliteDist, 'pglite.wasm')).size, data: statSync(join(pgliteDist, 'pglite.data')).size });
