import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelSnapshot, snapshotHash } from './generate/model-snapshot.js';
import { applyMigrations } from './migrations-core.js';
import { modelTables, tableChecksums, tableColumns, withoutTables, type TableChecksums } from './model-upgrade.test-helper.js';
import { defaultMigrationsDir, defaultShimFile } from './package-paths.js';
import { openPglite } from './pglite-database.js';
import { seedDir } from './seed-databases.test-helper.js';
import { loadDataset } from '@fazhi/dataset';
import { datasetAsOf } from './dataset-as-of.js';
import { releaseSnapshot } from './generate/release-snapshot.js';
import { insertDataset } from './seed.js';
import { testTmpDir } from './testing/index.js';
import { correctionCases, upgradedModel } from './testing/upgrade-model.js';
import { upgradeDatabase, type LazyMigration } from './upgrade-database.js';

/**
 * The console's embedded profile: a file-backed PGlite data directory made by an older build (the
 * migrations before this release's, seeded with the demo data), reopened by a newer build with a
 * configured plugin and upgraded by `upgradeDatabase`, the function the console's
 * `upgradeEmbeddedDatabase` calls with its lazily bundled migration files.
 */
const firstNewVersion = '20261205000100';
const shim = async () => ({ file: 'supabase-shim.sql', sql: await readFile(defaultShimFile(), 'utf8') });

describe('upgrading an embedded profile (file-backed PGlite)', () => {
  const dataDir = join(testTmpDir(), `profile-${process.pid}-${Date.now().toString(36)}`);
  const loaded: string[] = [];
  let migrations: LazyMigration[];
  let columns: Map<string, string[]>;
  let before: TableChecksums;

  beforeAll(async () => {
    const files = (await readdir(defaultMigrationsDir())).filter((f) => f.endsWith('.sql')).sort();
    migrations = files.map((file) => ({
      file,
      load: async () => {
        loaded.push(file);
        return readFile(join(defaultMigrationsDir(), file), 'utf8');
      },
    }));
    const older = await openPglite({ dataDir });
    try {
      const old = files.filter((f) => f < firstNewVersion);
      await applyMigrations(older, { migrations: await Promise.all(old.map(async (file) => ({ file, sql: await readFile(join(defaultMigrationsDir(), file), 'utf8') }))), shim });
      // Today's seed as that schema could hold it (the kinds, fields and options it had).
      await insertDataset(older, datasetAsOf(await loadDataset(seedDir), releaseSnapshot), { existingColumnsOnly: true });
      columns = await tableColumns(older);
      before = await tableChecksums(older, columns);
    } finally {
      await older.close();
    }
  }, 180_000);

  it('gains the new migrations and the plugin’s kind, loads only the files it lacks, and loses nothing', async () => {
    const db = await openPglite({ dataDir });
    try {
      const result = await upgradeDatabase(db, { migrations, shim, model: upgradedModel() });
      expect(result.applied.map((m) => m.file)).toEqual(migrations.map((m) => m.file).filter((f) => f >= firstNewVersion));
      expect(loaded).toEqual(result.applied.map((m) => m.file));
      expect(result.model).toMatchObject({ changed: true, hash: snapshotHash(modelSnapshot(upgradedModel())) });
      const written = [...modelTables, 'supabase_migrations.schema_migrations'];
      expect(withoutTables(await tableChecksums(db, columns), written)).toEqual(withoutTables(before, written));
      expect(before['public.mediation_cases']!.rows).toBeGreaterThan(100);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('reopened again, has nothing to do, and keeps the new kind', async () => {
    loaded.length = 0;
    const db = await openPglite({ dataDir });
    try {
      const result = await upgradeDatabase(db, { migrations, shim, model: upgradedModel() });
      expect([result.applied, result.model?.changed, loaded]).toEqual([[], false, []]);
      const r = await db.query<{ n: number }>(`select count(*)::int as n from public.${correctionCases.id}_view`);
      expect(r.rows).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
