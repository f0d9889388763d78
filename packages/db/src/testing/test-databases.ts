/// <reference path="./global-setup.ts" />
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Database } from '../client.js';
import { migrate, type MigrateOptions } from '../migrate.js';
import { defaultMigrationsDir, defaultShimFile, packageRoot } from '../package-paths.js';
import { openPglite } from '../pglite-database.js';
import { openPostgres } from '../postgres-database.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL 15 cluster; '' when it could not start. */
    fazhiPgUrl: string;
    /** Why the cluster could not start (then every PostgreSQL test fails with it). */
    fazhiPgError: string;
    /** A folder for this run's shared test artefacts (PGlite snapshots). */
    fazhiTestTmp: string;
  }
}

/** One backend a test suite runs against. */
export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /** A new database of its own with the shim and every migration applied. */
  create(): Promise<Database>;
  /** A new, empty database (nothing applied), for tests of the migration runner itself. */
  createEmpty(): Promise<Database>;
  /** URL of a new migrated database (PostgreSQL: a `postgres://` URL; PGlite: a `pglite:` folder). */
  createUrl(): Promise<string>;
  /** URL of a new, empty database. */
  createEmptyUrl(): Promise<string>;
}

const migrationOptions = (): Required<MigrateOptions> => ({ migrationsDir: defaultMigrationsDir(), shimFile: defaultShimFile() });

/** Changes when the schema does (or PGlite's version): templates and snapshots are keyed by it. */
function schemaKey(): string {
  const { migrationsDir, shimFile } = migrationOptions();
  const h = createHash('sha256');
  const pglite = join(packageRoot, 'node_modules/@electric-sql/pglite/package.json');
  if (existsSync(pglite)) h.update(readFileSync(pglite));
  h.update(readFileSync(shimFile));
  for (const f of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) h.update(f).update(readFileSync(join(migrationsDir, f)));
  return h.digest('hex').slice(0, 16);
}

const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

function provided<K extends 'fazhiPgUrl' | 'fazhiPgError' | 'fazhiTestTmp'>(key: K): string | undefined {
  try {
    return inject(key) || undefined;
  } catch {
    return undefined;
  }
}

/** The run's scratch folder (removed by globalSetup's teardown), else the system temp folder. */
export function testTmpDir(): string {
  return provided('fazhiTestTmp') ?? tmpdir();
}

// --- PostgreSQL -------------------------------------------------------------------------------

let ownCluster: Promise<PgCluster> | undefined;

/** The run's cluster (from globalSetup), or one of this worker's own when run without it. */
async function clusterUrl(): Promise<string> {
  const error = provided('fazhiPgError');
  if (error) throw new Error(error);
  const url = provided('fazhiPgUrl');
  if (url) return url;
  ownCluster ??= startPgCluster();
  return (await ownCluster).url;
}

const urlOf = (clusterUrl: string, name: string) => clusterUrl.replace(/\/[^/]*$/, `/${name}`);

async function createPgDatabase(name: string, template?: string): Promise<string> {
  const base = await clusterUrl();
  const admin = await openPostgres(base, { max: 1 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.exec(`create database "${name}"${template ? ` template "${template}"` : ''}`);
        return urlOf(base, name);
      } catch (e) {
        // Another worker may be cloning the same template right now (55006): wait and retry.
        if ((e as { code?: string }).code !== '55006' || attempt >= 100) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  } finally {
    await admin.close();
  }
}

const pgTemplates = new Map<string, Promise<string>>();

/**
 * The migrated template database for the current schema, made once per cluster: workers
 * serialise on an advisory lock, and the template gets its final name only once fully migrated.
 */
function pgTemplate(): Promise<string> {
  const name = `fazhi_template_${schemaKey()}`;
  let p = pgTemplates.get(name);
  if (!p) {
    p = (async () => {
      const base = await clusterUrl();
      const admin = await openPostgres(base, { max: 1 });
      try {
        return await admin.transaction(async (tx) => {
          await tx.query('select pg_advisory_xact_lock(hashtext($1))', [name]);
          const found = await tx.query('select 1 from pg_database where datname = $1', [name]);
          if (found.rows.length) return name;
          const building = `${name}_building_${randomBytes(3).toString('hex')}`;
          const db = await openPostgres(await createPgDatabase(building));
          try {
            await migrate(db, migrationOptions());
          } finally {
            await db.close();
          }
          await tx.exec(`alter database "${building}" rename to "${name}"`);
          return name;
        });
      } finally {
        await admin.close();
      }
    })();
    pgTemplates.set(name, p);
  }
  return p;
}

// --- PGlite -----------------------------------------------------------------------------------

const snapshots = new Map<string, Promise<Blob>>();

/**
 * A data-dir snapshot of a migrated PGlite, shared by the run's workers through a file: loading
 * it takes well under a second where migrating takes several.
 */
function pgliteSnapshot(): Promise<Blob> {
  const key = schemaKey();
  let p = snapshots.get(key);
  if (!p) {
    p = (async () => {
      const file = join(provided('fazhiTestTmp') ?? tmpdir(), `fazhi-pglite-${key}.tar`);
      if (existsSync(file)) return new Blob([readFileSync(file)]);
      const db = await openPglite();
      try {
        await migrate(db, migrationOptions());
        const blob = await db.dumpDataDir();
        const tmp = `${file}.${process.pid}.${randomBytes(3).toString('hex')}`;
        writeFileSync(tmp, new Uint8Array(await blob.arrayBuffer()));
        renameSync(tmp, file);
        return blob;
      } finally {
        await db.close();
      }
    })();
    snapshots.set(key, p);
  }
  return p;
}

let blank: Promise<Blob> | undefined;

/** A fresh cluster loads from a snapshot of an empty one: about four times faster than initdb. */
function blankSnapshot(): Promise<Blob> {
  blank ??= (async () => {
    const db = await openPglite();
    try {
      return await db.dumpDataDir();
    } finally {
      await db.close();
    }
  })();
  return blank;
}

// --- The backends -----------------------------------------------------------------------------

export const pgliteBackend: TestBackend = {
  name: 'pglite',
  create: async () => openPglite({ loadDataDir: await pgliteSnapshot() }),
  createEmpty: async () => openPglite({ loadDataDir: await blankSnapshot() }),
  async createUrl() {
    const dir = join(provided('fazhiTestTmp') ?? tmpdir(), uniqueName('pglite'));
    const db = await openPglite({ dataDir: dir, loadDataDir: await pgliteSnapshot() });
    await db.close();
    return `pglite:${dir}`;
  },
  createEmptyUrl: async () => `pglite:${join(provided('fazhiTestTmp') ?? tmpdir(), uniqueName('pglite'))}`,
};

/** Opens a test database that is dropped again when closed, so a long run does not fill the disk. */
async function openDisposable(url: string): Promise<Database> {
  const db = await openPostgres(url);
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    const admin = await openPostgres(await clusterUrl(), { max: 1 });
    try {
      await admin.exec(`drop database if exists "${decodeURIComponent(url.slice(url.lastIndexOf('/') + 1))}" with (force)`);
    } finally {
      await admin.close();
    }
  };
  return db;
}

export const postgresBackend: TestBackend = {
  name: 'postgres',
  create: async () => openDisposable(await postgresBackend.createUrl()),
  createEmpty: async () => openDisposable(await postgresBackend.createEmptyUrl()),
  createEmptyUrl: () => createPgDatabase(uniqueName('fazhi_empty')),
  createUrl: async () => createPgDatabase(uniqueName('fazhi_test'), await pgTemplate()),
};

/**
 * Both backends, for `describe.each(testDatabases())('$name', (backend) => …)`: every suite runs on
 * embedded PGlite and on real PostgreSQL 15, each test file with databases of its own.
 */
export function testDatabases(): TestBackend[] {
  return [pgliteBackend, postgresBackend];
}
