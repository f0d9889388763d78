import { createRegistry, mediationCases, RecordKindRegistry, type AnyRecord } from '@fazhi/domain';
import { builtInCatalog } from '@fazhi/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { modelMigrationPlan, ModelMigrationRefused } from './generate/model-migration.js';
import { modelSnapshot, snapshotHash } from './generate/model-snapshot.js';
import { compareEvaluators, equalityPeriods, subtreeEvaluators } from './indicator-equality.test-helper.js';
import { migrateModel, recordedModelSnapshot } from './migrate-model.js';
import { migrationLock } from './migrations-core.js';
import { modelTables, tableChecksums, tableColumns, withoutTables, type TableChecksums } from './model-upgrade.test-helper.js';
import { recordColumns, recordRow } from './record-rows.js';
import { insertSamples, seedFixture } from './rls/fixture.test-helper.js';
import { openSeeded, type SeededDatabase } from './seed-databases.test-helper.js';
import { insertRows } from './seed.js';
import { sqlEvaluator } from './sql-evaluator.js';
import { testDatabases } from './testing/index.js';
import { correctionCases, correctionRecords, extraDisputeType, upgradedModel } from './testing/upgrade-model.js';

/** Tables the upgrade itself writes to: the kinds list of the storage policies, and the recorded snapshot. */
const written = modelTables;
const without = (c: TableChecksums) => withoutTables(c, written);

/** `ok`, or the SQLSTATE and constraint a statement failed with. */
const failure = (run: () => Promise<unknown>) => run().then(() => 'ok', (e: { code?: string; constraint?: string }) => `${e.code}${e.constraint ? ` ${e.constraint}` : ''}`);

describe.each(testDatabases())('migrateModel on a seeded database ($name)', (backend) => {
  let seeded: SeededDatabase;
  let columns: Map<string, string[]>;
  let before: TableChecksums;
  let firstRun: Awaited<ReturnType<typeof migrateModel>>;

  beforeAll(async () => {
    seeded = await openSeeded(backend);
    columns = await tableColumns(seeded.db);
    before = await tableChecksums(seeded.db, columns);
    firstRun = await migrateModel(seeded.db, upgradedModel());
  }, 180_000);
  afterAll(() => seeded?.close());

  it('applies the upgrade once and records it; a second run has nothing to do', async () => {
    expect(firstRun.changed).toBe(true);
    expect(firstRun.changes).toHaveLength(3);
    expect(firstRun.hash).toBe(snapshotHash(modelSnapshot(upgradedModel())));
    expect(snapshotHash(await recordedModelSnapshot(seeded.db))).toBe(firstRun.hash);
    expect(await migrateModel(seeded.db, upgradedModel())).toEqual({ changed: false, changes: [], hash: firstRun.hash });
  });

  it.runIf(backend.name === 'postgres')('a database already at the model answers without waiting for the migration lock', async () => {
    // Another session holds the lock (an upgrade elsewhere, a stuck one): the usual start, with
    // nothing to do, must not queue behind it. Only PostgreSQL has a second session to hold it.
    let release!: () => void;
    let held!: () => void;
    const lockHeld = new Promise<void>((r) => (held = r));
    const holder = seeded.db.transaction(async (tx) => {
      await tx.query(migrationLock);
      held();
      await new Promise<void>((r) => (release = r));
    });
    await lockHeld;
    try {
      const answer = await Promise.race([migrateModel(seeded.db, upgradedModel()), new Promise((r) => setTimeout(() => r('waited for the lock'), 10_000))]);
      expect(answer).toEqual({ changed: false, changes: [], hash: firstRun.hash });
    } finally {
      release();
      await holder;
    }
  });

  it('loses nothing: every table keeps its rows, over the columns it had', async () => {
    const after = await tableChecksums(seeded.db, columns);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before['public.mediation_cases']!.rows).toBeGreaterThan(100);
    expect(without(after)).toEqual(without(before));
    expect(after['private.record_kinds']!.rows).toBe(before['private.record_kinds']!.rows + 1);
    // One row, recorded by the repository's generated model migration and then replaced.
    expect([before['private.model_snapshot']!.rows, after['private.model_snapshot']!.rows]).toEqual([1, 1]);
    const nulls = await seeded.db.query<{ n: number; total: number }>('select count(*) filter (where held_online is null)::int as n, count(*)::int as total from public.mediation_cases');
    expect(nulls.rows[0]!.n).toBe(nulls.rows[0]!.total);
  });

  it('the extended built-in kind takes its new option and field, and still refuses unknown options', async () => {
    const row = recordRow(mediationCases, seeded.dataset.records.get('mediation_cases')![0]!);
    const update = (disputeType: string) =>
      seeded.db.query(`update public.mediation_cases set dispute_type = $2, held_online = true where id = $1 returning held_online`, [row.id, disputeType]);
    expect(await failure(() => update(extraDisputeType.value))).toBe('ok');
    const updated = await seeded.db.query<{ dispute_type: string; held_online: boolean }>('select dispute_type, held_online from public.mediation_cases where id = $1', [row.id]);
    expect(updated.rows).toEqual([{ dispute_type: extraDisputeType.value, held_online: true }]);
    expect(await failure(() => update('no_such_type'))).toBe('23514 mediation_cases_dispute_type_options');
    const view = await seeded.db.query<{ held_online: boolean | null }>('select held_online from public.mediation_cases_view where id <> $1 limit 1', [row.id]);
    expect(view.rows).toEqual([{ held_online: null }]);
  });

  it('the new kind keeps the rules built-in kinds have: business key, dates, checks, versions and audit', async () => {
    const org = seeded.dataset.manifest.rootOrgId;
    const insert = (caseNo: string, receivedOn: string, endedOn: string | null = null, idNumber: string | null = null) =>
      seeded.db.query<{ id: string }>(
        `insert into public.correction_cases (org_id, case_no, received_on, person_name, person_id_number, category, ended_on) values ($1, $2, $3, '张三', $4, 'parole', $5) returning id`,
        [org, caseNo, receivedOn, idNumber, endedOn],
      );
    const id = (await insert('规则测试-1', '2024-01-02')).rows[0]!.id;
    expect(await failure(() => insert('规则测试-1', '2024-01-03'))).toBe('23505 correction_cases_case_no_unique');
    expect(await failure(() => insert('规则测试-2', '2999-01-01'))).toBe('23514 correction_cases_received_on_not_future');
    expect(await failure(() => insert('规则测试-3', '2024-01-02', '2023-01-01'))).toBe('23514 correction_cases_ended_on_not_before_received_on');
    expect(await failure(() => insert('规则测试-4', '2024-01-02', null, '440115199001011232'))).toBe('23514 correction_cases_person_id_number_format');
    await seeded.db.query(`update public.correction_cases set category = 'probation' where id = $1`, [id]);
    const version = await seeded.db.query<{ version: number }>('select version from public.correction_cases where id = $1', [id]);
    expect(version.rows[0]!.version).toBe(2);
    const audit = await seeded.db.query<{ operation: string }>(`select operation from public.audit_log where table_name = 'correction_cases' and record_id = $1 order by id`, [id]);
    expect(audit.rows.map((r) => r.operation)).toEqual(['INSERT', 'UPDATE']);
    await seeded.db.query('delete from public.correction_cases where id = $1', [id]);
  });

  it('the new indicators equal the in-memory evaluator, like every built-in one', async () => {
    const { orgs, manifest } = seeded.dataset;
    const orgIds = [manifest.rootOrgId, ...orgs.childrenOf(manifest.rootOrgId).slice(0, 3).map((o) => o.id)];
    const added = correctionRecords(orgIds.slice(1));
    await seeded.db.transaction((tx) => insertRows(tx, correctionCases.id, recordColumns(correctionCases), added.map((r) => recordRow(correctionCases, r))));
    const model = upgradedModel();
    const records = new Map<string, readonly AnyRecord[]>([...seeded.dataset.records, [correctionCases.id, added]]);
    const sql = sqlEvaluator(seeded.db, { catalog: model.catalog });
    const { compared, mismatches } = await compareEvaluators(subtreeEvaluators(orgs, records, model.catalog), sql, orgIds, equalityPeriods);
    expect(mismatches).toEqual([]);
    expect(compared).toBe(orgIds.length * equalityPeriods.length * model.catalog.indicators.length);
    const year = (await sql.evaluatePeriods(manifest.rootOrgId, [{ kind: 'year', year: 2024 }]))[0]!;
    const received = year.find((r) => r.indicator.id === 'community_correction.received')!;
    const rate = year.find((r) => r.indicator.id === 'community_correction.probation_end_rate')!;
    expect(received.value).toBe(added.filter((r) => r.deletedAt === null && String(r.receivedOn).startsWith('2024')).length);
    expect(received.value).toBeGreaterThan(10);
    expect(rate.value).toBeGreaterThan(0);
  });
});

describe.each(testDatabases())('migrateModel refusals leave the database untouched ($name)', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await insertSamples(db, createRegistry().list());
  }, 120_000);
  afterAll(() => db?.close());

  it('a database without the migration files is told to migrate first', async () => {
    const empty = await backend.createEmpty();
    try {
      await expect(migrateModel(empty, upgradedModel())).rejects.toThrow('数据库中没有 private.model_snapshot 表：请先应用 supabase/migrations 中的全部迁移（fazhi db migrate）');
    } finally {
      await empty.close();
    }
  });

  it('a removal is refused before anything is written', async () => {
    const columns = await tableColumns(db);
    const before = await tableChecksums(db, columns);
    const model = upgradedModel();
    const kinds = model.registry.list().filter((k) => k.id !== 'hotline_tickets');
    const error = await migrateModel(db, { registry: new RecordKindRegistry(kinds), catalog: model.catalog }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelMigrationRefused);
    expect((error as ModelMigrationRefused).changes).toEqual([`删除或改名了记录类型“${createRegistry().get('hotline_tickets').label}”（hotline_tickets）`]);
    expect(await tableChecksums(db, columns)).toEqual(before);
    expect(await tableColumns(db)).toEqual(columns);
  });

  it('a migration generated from another snapshot refuses to run, and rolls back', async () => {
    const columns = await tableColumns(db);
    const before = await tableChecksums(db, columns);
    // Generated for a database that already has the plugin's kind (and its indicators).
    const model = upgradedModel();
    const withPlugin = modelSnapshot({ registry: createRegistry([correctionCases]), catalog: model.catalog });
    const plan = modelMigrationPlan(withPlugin, model);
    expect(plan.changes).toEqual([expect.stringContaining('mediation_cases')]);
    const error = await db.transaction((tx) => tx.exec(plan.sql)).catch((e: { code?: string; message: string }) => e);
    expect(error).toMatchObject({ code: '55000', message: expect.stringContaining('数据库当前的模型快照不是本迁移生成时的快照') });
    expect(await tableChecksums(db, columns)).toEqual(before);
    // Untouched: still the model the repository's migrations gave it.
    expect(snapshotHash(await recordedModelSnapshot(db))).toBe(snapshotHash(modelSnapshot({ registry: createRegistry(), catalog: builtInCatalog })));
  });
});
