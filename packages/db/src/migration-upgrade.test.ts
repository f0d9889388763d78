import { loadDataset } from '@fazhi/dataset';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from './client.js';
import { applyMigrations, type MigrationSource } from './migrate.js';
import { defaultMigrationsDir, defaultShimFile, packageRoot } from './package-paths.js';
import { datasetAsOf } from './dataset-as-of.js';
import { releaseSnapshot } from './generate/release-snapshot.js';
import { insertDataset } from './seed.js';
import { testDatabases } from './testing/test-databases.js';

/**
 * A street that installed fazhi before a schema change keeps every record through the upgrade:
 * the seed is loaded into a database at the last released schema (each table gets the columns it
 * had then), fingerprinted, then every later migration runs, and each table must hold exactly the
 * same rows with the same values in the columns it had. The old data includes what later rules
 * refuse for new writes (a duplicated case number, a value that looks masked), because stored
 * data must never make an upgrade fail.
 */
const dir = defaultMigrationsDir();
const lockFile = join(dir, '../released-migrations.sha256');
const all: MigrationSource[] = readdirSync(dir)
  .filter((f) => /^\d+_.*\.sql$/.test(f))
  .sort()
  .map((file) => ({ file, sql: readFileSync(join(dir, file), 'utf8') }));
/** The schema a street had installed before this change: the files released before it. */
const releasedBase = new Set(['20261128000000_base.sql', '20261128000100_records.sql', '20261128000200_storage.sql', '20261128000300_indicators.sql', '20261128000400_attachment_slots.sql', '20261128000500_list_indexes.sql']);
const shim = async () => ({ file: 'supabase-shim.sql', sql: readFileSync(defaultShimFile(), 'utf8') });
const seedDir = join(packageRoot, '../../seeds/nansha-2024');

async function columnsOf(db: SqlExecutor, table: string): Promise<string[]> {
  const r = await db.query<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`, [table]);
  return r.rows.map((c) => c.column_name);
}

/**
 * Loads the seed with only the columns each table has at this schema; at most `perKind` records of
 * each kind (PGlite, single-threaded, gets a slice so the suite stays quick).
 */
async function loadSeedIntoOldSchema(db: Database, perKind: number): Promise<void> {
  const ds = await loadDataset(seedDir);
  const records = new Map([...ds.records].map(([kind, recs]) => [kind, recs.slice(0, perKind)] as const));
  await insertDataset(db, datasetAsOf({ ...ds, records }, releaseSnapshot), { existingColumnsOnly: true });
  // What later rules refuse for a new write, stored before they existed.
  await db.transaction(async (tx) => {
    const columns = (await columnsOf(tx, 'mediation_cases')).filter((c) => !['id', 'org_id'].includes(c)).join(', ');
    await tx.query(`insert into public.mediation_cases (org_id, ${columns}) select org_id, ${columns} from public.mediation_cases where deleted_at is null order by id limit 1`);
    await tx.query(`update public.mediation_cases set party_names = '徐**、严**' where id = (select id from public.mediation_cases where deleted_at is null order by id offset 5 limit 1)`);
  });
}

/** Per table: row count and a digest of every row's values in the columns it had before. */
async function fingerprint(db: Database, columnsBefore: Map<string, string[]>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, columns] of columnsBefore) {
    const values = columns.map((c) => `coalesce(t.${c}::text, '∅')`).join(` || '|' || `);
    const r = await db.query<{ n: number; digest: string | null }>(`select count(*)::int as n, md5(string_agg(${values}, E'\\n' order by t.id)) as digest from public.${table} t`);
    out[table] = `${r.rows[0]!.n} ${r.rows[0]!.digest ?? ''}`;
  }
  return out;
}

describe.each(testDatabases())('upgrading a seeded database on $name', (backend) => {
  it('keeps every row and value through every migration released since', { timeout: 600_000 }, async () => {
    expect(readFileSync(lockFile, 'utf8')).toContain('20261128000500_list_indexes.sql');
    const db = await backend.createEmpty();
    try {
      await applyMigrations(db, { migrations: all.filter((m) => releasedBase.has(m.file)), shim });
      await loadSeedIntoOldSchema(db, backend.name === 'pglite' ? 2000 : Infinity);
      const tables = (await db.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).rows.map((r) => r.table_name);
      const columnsBefore = new Map<string, string[]>();
      for (const t of tables) columnsBefore.set(t, await columnsOf(db, t));
      const before = await fingerprint(db, columnsBefore);
      expect(Number(before.mediation_cases!.split(' ')[0])).toBeGreaterThan(500);

      const upgrade = await applyMigrations(db, { migrations: all, shim });
      expect(upgrade.applied.map((a) => a.file)).toEqual(all.filter((m) => !releasedBase.has(m.file)).map((m) => m.file));
      expect(await fingerprint(db, columnsBefore)).toEqual(before);
    } finally {
      await db.close();
    }
  });
});
