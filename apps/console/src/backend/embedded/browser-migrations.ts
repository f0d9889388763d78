import { upgradeDatabase, type Database, type SchemaModel, type UpgradeDatabaseResult } from '@fazhi/db/browser';
import type { FazhiModel } from '@fazhi/model';

// Every migration and the shim, as lazy text modules: only the ones a database lacks are fetched.
const migrationFiles = import.meta.glob<string>('../../../../../supabase/migrations/*.sql', { query: '?raw', import: 'default' });
const shimFile = import.meta.glob<string>('../../../../../packages/db/sql/supabase-shim.sql', { query: '?raw', import: 'default' });

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Versions (file name prefixes) of every migration this build ships. */
export const shippedMigrationVersions = (): string[] => Object.keys(migrationFiles).map((path) => baseName(path).split('_')[0]!);

/**
 * Brings the browser's database up to the migrations this build ships, and then to `model` (the
 * console's composed model: its plugins' kinds and extensions, see upgradeDatabase in @fazhi/db),
 * so a profile made by an older console version keeps its records and gains the new schema.
 * Usually nothing to do.
 */
export async function upgradeEmbeddedDatabase(db: Database, model?: SchemaModel): Promise<UpgradeDatabaseResult> {
  const [shimPath, loadShim] = Object.entries(shimFile)[0]!;
  return upgradeDatabase(db, {
    migrations: Object.entries(migrationFiles).map(([path, load]) => ({ file: baseName(path), load })),
    shim: async () => ({ file: baseName(shimPath), sql: await loadShim() }),
    ...(model ? { model } : {}),
  });
}

/**
 * SEAM (model migration): after the file migrations, the database must also hold what the composed
 * model adds — the tables, views, RLS and rules of plugin kinds, a street's extra fields, the
 * indicator functions of the composed catalog. That is `migrateModel(db, model)` of @fazhi/db (the
 * schema-evolution work), which replaces the body of this function when it lands. Until then this
 * only checks that every kind of the model has its table, so a plugin kind this profile lacks is
 * named at start-up instead of failing on its first page.
 */
export async function upgradeToModel(db: Database, model: FazhiModel): Promise<void> {
  const ids = model.registry.list().map((k) => k.id);
  const { rows } = await db.query<{ id: string }>(`select id from unnest($1::text[]) as id where to_regclass('public.' || quote_ident(id)) is null`, [ids]);
  if (rows.length) {
    const names = rows.map((r) => `“${model.registry.get(r.id).label}”（${r.id}）`).join('、');
    throw new Error(`本机数据库缺少记录类型${names}的数据表：这个控制台版本还不能给已有的本机数据库添加插件的数据表，请在“本机数据库”菜单中重建演示数据`);
  }
}
