import { createRegistry, RecordKindRegistry } from '@fazhi/domain';
import { builtInCatalog } from '@fazhi/metrics';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateModelMigration, modelSnapshotFile } from './generate-model-migration.js';
import { ModelMigrationRefused } from './generate/model-migration.js';
import { modelSnapshot, snapshotHash, snapshotJson } from './generate/model-snapshot.js';
import { migrate } from './migrate.js';
import { migrateModel, recordedModelSnapshot } from './migrate-model.js';
import { modelTables, tableChecksums, tableColumns, withoutTables } from './model-upgrade.test-helper.js';
import { defaultMigrationsDir } from './package-paths.js';
import { openSeeded, type SeededDatabase } from './seed-databases.test-helper.js';
import { testDatabases, testTmpDir } from './testing/index.js';
import { correctionCases, upgradedModel } from './testing/upgrade-model.js';

/** A copy of the repository's supabase folder (its migrations; no snapshot file yet). */
async function supabaseCopy(): Promise<string> {
  const dir = await mkdtemp(join(testTmpDir(), 'supabase-'));
  await cp(defaultMigrationsDir(), join(dir, 'migrations'), { recursive: true });
  return dir;
}

const sqlFiles = async (dir: string) => (await readdir(join(dir, 'migrations'))).filter((f) => f.endsWith('.sql')).sort();

describe('generateModelMigration (the files driver)', () => {
  it('writes the migration after every existing one, and the snapshot; then nothing when unchanged', async () => {
    const dir = await supabaseCopy();
    const before = await sqlFiles(dir);
    // A clock behind the newest migration still gives a name that sorts after it.
    const result = await generateModelMigration({ dir, model: upgradedModel(), now: new Date('2020-01-01T00:00:00Z') });
    expect(result.file).toBe(`migrations/${String(BigInt(before.at(-1)!.split('_')[0]!) + 1n)}_model_add_correction_cases_change_mediation_cases_catalog.sql`);
    expect(result.changes).toHaveLength(3);
    const after = await sqlFiles(dir);
    expect(after).toEqual([...before, result.file!.slice('migrations/'.length)]);
    expect(after.at(-1)).toBe(result.file!.slice('migrations/'.length));
    expect(await readFile(join(dir, modelSnapshotFile), 'utf8')).toBe(snapshotJson(modelSnapshot(upgradedModel())));
    expect(result.hash).toBe(snapshotHash(modelSnapshot(upgradedModel())));

    const again = await generateModelMigration({ dir, model: upgradedModel(), now: new Date('2030-01-01T00:00:00Z') });
    expect(again).toEqual({ file: null, changes: [], hash: result.hash });
    expect(await sqlFiles(dir)).toEqual(after);
  });

  it('names the file by the UTC clock when that is later than every migration', async () => {
    const dir = await supabaseCopy();
    const result = await generateModelMigration({ dir, model: upgradedModel(), now: new Date('2031-02-03T04:05:06Z') });
    expect(result.file).toMatch(/^migrations\/20310203040506_model_add_correction_cases_/);
  });

  it('writes nothing for the built-in model, or when a change is refused', async () => {
    const dir = await supabaseCopy();
    const files = await sqlFiles(dir);
    expect(await generateModelMigration({ dir, model: { registry: createRegistry(), catalog: builtInCatalog } })).toMatchObject({ file: null });
    const shrunk = { registry: new RecordKindRegistry(createRegistry().list().slice(1)), catalog: { measures: [], indicators: [] } };
    await expect(generateModelMigration({ dir, model: shrunk })).rejects.toBeInstanceOf(ModelMigrationRefused);
    expect(await sqlFiles(dir)).toEqual(files);
    expect(await readdir(dir)).toEqual(['migrations']);
  });

  it('refuses a damaged snapshot file, naming it', async () => {
    const dir = await supabaseCopy();
    await writeFile(join(dir, modelSnapshotFile), '{"version": 1}');
    await expect(generateModelMigration({ dir, model: upgradedModel() })).rejects.toThrow(`模型快照“${join(dir, modelSnapshotFile)}”的 kinds 应为记录类型的数组`);
  });
});

describe.each(testDatabases())('a generated migration file applied by migrate() on $name', (backend) => {
  let seeded: SeededDatabase;
  let dir: string;
  beforeAll(async () => {
    seeded = await openSeeded(backend);
    dir = await supabaseCopy();
    await generateModelMigration({ dir, model: upgradedModel() });
  }, 180_000);
  afterAll(() => seeded?.close());

  it('upgrades a seeded database, loses nothing, and leaves the direct driver nothing to do', async () => {
    const columns = await tableColumns(seeded.db);
    const before = await tableChecksums(seeded.db, columns);
    const result = await migrate(seeded.db, { migrationsDir: join(dir, 'migrations') });
    expect(result.applied.map((m) => m.name)).toEqual(['model_add_correction_cases_change_mediation_cases_catalog']);
    // The upgrade writes to the kinds list, the snapshot and the migration history; nothing else changes.
    const written = [...modelTables, 'supabase_migrations.schema_migrations'];
    expect(withoutTables(await tableChecksums(seeded.db, columns), written)).toEqual(withoutTables(before, written));
    expect(snapshotHash(await recordedModelSnapshot(seeded.db))).toBe(snapshotHash(modelSnapshot(upgradedModel())));
    expect((await migrateModel(seeded.db, upgradedModel())).changed).toBe(false);
    const table = await seeded.db.query(`select to_regclass('public.${correctionCases.id}_view') is not null as ok`);
    expect(table.rows).toEqual([{ ok: true }]);
  });
});
