import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { migrateModel } from '../migrate-model.js';
import { workflowSql } from './workflow-sql.js';
import { yearLockSql } from './year-lock-sql.js';
import { applyMigrations } from '../migrations-core.js';
import { defaultMigrationsDir, defaultShimFile } from '../package-paths.js';
import { testDatabases } from '../testing/index.js';
import { createRegistry, defineRecordKind, RecordKindRegistry } from '@fazhi/domain';
import { builtInCatalog, mergeCatalogs } from '@fazhi/metrics';
import { correctionCases, correctionCatalog, extendedMediationCases, upgradedModel } from '../testing/upgrade-model.js';
import { generatedMigrations } from './index.js';
import { businessKeyCheckSql } from './record-rules-migration.js';
import { evaluatorFunctionsSql } from './indicators-migration.js';
import { measureMonthsSql } from './measure-months.js';

/**
 * "A new kind gets exactly what a built-in kind gets", checked in the catalogs of two databases:
 * one upgraded by the generated model migration, one where the kind had been built in from the
 * start (the released generated files generated with it, every other file as released). Every
 * object of the kind must be the same: columns, constraints, indexes, triggers, policies, the view
 * and its options, privileges, its private functions, its `record_kinds` row; and so must the
 * functions that list every kind (the SQL evaluator, `duplicate_business_keys`).
 */
async function fingerprint(db: SqlExecutor, kind: string): Promise<Record<string, unknown>> {
  const q = async (sql: string, params: unknown[] = [kind]) => (await db.query(sql.replaceAll('$1', '$1::text'), params)).rows;
  return {
    columns: await q(`select column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`),
    constraints: await q(`select conname, pg_get_constraintdef(c.oid) as def from pg_constraint c where conrelid = ('public.' || $1)::regclass order by 1`),
    indexes: await q(`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = $1 order by 1`),
    triggers: await q(`select tgname, pg_get_triggerdef(t.oid) as def from pg_trigger t where tgrelid = ('public.' || $1)::regclass and not tgisinternal order by 1`),
    policies: await q(`select policyname, cmd, roles::text, qual, with_check from pg_policies where schemaname = 'public' and tablename = $1 order by 1`),
    security: await q(`select relname, relrowsecurity, reloptions from pg_class where relnamespace = 'public'::regnamespace and relname in ($1, $1 || '_view') order by 1`),
    view: await q(`select pg_get_viewdef(('public.' || $1 || '_view')::regclass) as def`),
    tablePrivileges: await q(`select table_name, grantee, privilege_type from information_schema.table_privileges where table_schema = 'public' and table_name in ($1, $1 || '_view') order by 1, 2, 3`),
    columnPrivileges: await q(`select table_name, grantee, privilege_type, column_name from information_schema.column_privileges where table_schema = 'public' and table_name in ($1, $1 || '_view') order by 1, 2, 3, 4`),
    functions: await q(
      `select proname, prosrc, prosecdef, proconfig::text, proacl::text from pg_proc where pronamespace = 'private'::regnamespace and proname like $1 || '\\_%' order by 1`,
    ),
    recordKinds: await q(`select * from private.record_kinds where kind_id = $1`),
    everyKind: await q(
      `select proname, prosrc from pg_proc where pronamespace = 'public'::regnamespace and proname in ('measure_values', 'indicator_values', 'duplicate_business_keys') order by 1`,
      [],
    ),
  };
}

describe.each(testDatabases())('a kind added by a model migration equals a built-in one on $name', (backend) => {
  let upgraded: Database;
  let builtIn: Database;

  beforeAll(async () => {
    upgraded = await backend.create();
    await migrateModel(upgraded, upgradedModel());
    builtIn = await backend.createEmpty();
    const model = upgradedModel();
    const generated = new Map(generatedMigrations(model.registry, model.catalog).map((m) => [m.file, m.sql]));
    const dir = defaultMigrationsDir();
    // Generated model migrations are left out: the four files generated here from the whole model
    // already hold what they add.
    const files = (await readdir(dir)).filter((f) => f.endsWith('.sql') && !/^\d+_model_/.test(f));
    const migrations = await Promise.all(files.map(async (file) => ({ file, sql: generated.get(file) ?? (await readFile(join(dir, file), 'utf8')) })));
    await applyMigrations(builtIn, { migrations, shim: async () => ({ file: 'shim.sql', sql: await readFile(defaultShimFile(), 'utf8') }) });
    // The released generators predate workflows and 封账: a kind's workflow and year-lock trigger
    // come from the same generators the model migration uses.
    await builtIn.exec(model.registry.list().map(workflowSql).filter(Boolean).join('\n'));
    await builtIn.exec(model.registry.list().map(yearLockSql).join('\n'));
    // Nor do they check business keys per statement: the migration that switched the built-in kinds
    // over (20261205040800) did it with the generator the model migration uses.
    await builtIn.exec(model.registry.list().filter((k) => k.businessKey).map(businessKeyCheckSql).join('\n'));
    // Nor the figures per unit and month, which 20261206000100 adds for the shipped model only.
    await builtIn.exec(`${measureMonthsSql(model.catalog, model.registry)}\n${evaluatorFunctionsSql(model.catalog, model.registry)}`);
  }, 180_000);
  afterAll(async () => {
    await upgraded?.close();
    await builtIn?.close();
  });

  it('every object of the new kind is the same', async () => {
    const fromUpgrade = await fingerprint(upgraded, correctionCases.id);
    expect((fromUpgrade.triggers as unknown[]).length).toBeGreaterThanOrEqual(6);
    expect((fromUpgrade.policies as unknown[]).length).toBe(4);
    expect(fromUpgrade).toEqual(await fingerprint(builtIn, correctionCases.id));
  });

  it('and so is every object of the extended built-in kind, except where its new column sits', async () => {
    const a = await fingerprint(upgraded, 'mediation_cases');
    const b = await fingerprint(builtIn, 'mediation_cases');
    // A column added to a table with rows goes last; built in, it sits before the tracking columns.
    const byName = (rows: unknown) => [...(rows as { column_name: string }[])].sort((x, y) => x.column_name.localeCompare(y.column_name));
    expect(byName(a.columns)).toEqual(byName(b.columns));
    expect({ ...a, columns: null }).toEqual({ ...b, columns: null });
  });
});

/** One more step after `upgradedModel()`: another field and option on both kinds, and the catalog as it was. */
function furtherModel() {
  const correction = defineRecordKind({
    ...correctionCases,
    fields: [
      ...correctionCases.fields.map((f) => (f.key === 'category' && f.type === 'enum' ? { ...f, options: [...f.options, { value: 'parole_abroad', label: '暂予监外执行' }] } : f)),
      { key: 'officer', label: '矫正小组负责人', type: 'text' as const, personal: true },
    ],
  });
  const mediation = defineRecordKind({
    ...extendedMediationCases,
    fields: [...extendedMediationCases.fields.map((f) => (f.key === 'disputeType' && f.type === 'enum' ? { ...f, options: [...f.options, { value: 'parking', label: '停车纠纷' }] } : f)), { key: 'onlineRoom', label: '线上调解室', type: 'text' as const }],
  });
  const kinds = createRegistry()
    .list()
    .map((k) => (k.id === mediation.id ? mediation : k));
  return { registry: new RecordKindRegistry([...kinds, correction]), catalog: mergeCatalogs(builtInCatalog, correctionCatalog) };
}

describe.each(testDatabases())('upgrades in steps equal one upgrade on $name', (backend) => {
  let stepwise: Database;
  let direct: Database;

  beforeAll(async () => {
    stepwise = await backend.create();
    const onlyPlugin = { registry: createRegistry([correctionCases]), catalog: mergeCatalogs(builtInCatalog, correctionCatalog) };
    for (const model of [onlyPlugin, upgradedModel(), furtherModel()]) expect((await migrateModel(stepwise, model)).changed).toBe(true);
    direct = await backend.create();
    await migrateModel(direct, furtherModel());
  }, 180_000);
  afterAll(async () => {
    await stepwise?.close();
    await direct?.close();
  });

  it.each([
    [correctionCases.id, 'parole_abroad'],
    ['mediation_cases', 'parking'],
  ])('%s', async (kind, lastOption) => {
    const a = await fingerprint(stepwise, kind);
    const b = await fingerprint(direct, kind);
    expect(b.constraints).toContainEqual(expect.objectContaining({ def: expect.stringContaining(`'${lastOption}'::text`) }));
    expect({ ...a, columns: null }).toEqual({ ...b, columns: null });
    const names = (rows: unknown) => (rows as { column_name: string }[]).map((r) => r.column_name).sort();
    expect(names(a.columns)).toEqual(names(b.columns));
  });
});
