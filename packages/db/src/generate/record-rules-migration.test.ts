import {
  createRegistry,
  defineRecordKind,
  RecordKindRegistry,
  getField,
  idNumberCheckChar,
  idNumberProblem,
  idNumberReasons,
  isPhoneNumber,
  legalAidApplications,
  mediationCases,
  messages,
  textFormatProblem,
  todayInShanghai,
} from '@fazhi/domain';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { applyMigrations } from '../migrate.js';
import { openDatabase } from '../open-database.js';
import { defaultMigrationsDir, defaultShimFile } from '../package-paths.js';
import { as, committedAs, org, seedFixture, user } from '../rls/fixture.test-helper.js';
import { postgresBackend, testDatabases } from '../testing/index.js';
import { recordRulesMigrationFile, releasedGeneratedMigrations } from './index.js';
import { recordsMigrationSql } from './records-migration.js';
import { kindRulesSql, recordRulesMigrationSql } from './record-rules-migration.js';

const migrationsDir = defaultMigrationsDir();
const migration = (file: string) => readFileSync(join(migrationsDir, file), 'utf8');

describe('recordRulesMigrationSql', () => {
  it('matches the committed migration, generated from the frozen release snapshot', () => {
    expect(migration(recordRulesMigrationFile)).toBe(releasedGeneratedMigrations().find((m) => m.file === recordRulesMigrationFile)!.sql);
  });

  it('is deterministic, says it is generated, and is a migration of its own after the older generated ones', () => {
    const sql = recordRulesMigrationSql(createRegistry());
    expect(recordRulesMigrationSql(createRegistry())).toBe(sql);
    expect(sql.startsWith('-- generated — do not edit.')).toBe(true);
    expect(recordRulesMigrationFile.startsWith('20261204000200_')).toBe(true);
  });

  it('writes one check trigger per kind with rules, one uniqueness trigger per business key', () => {
    const sql = recordRulesMigrationSql(createRegistry());
    const kinds = createRegistry().list();
    for (const k of kinds) {
      const hasChecks = k.fields.some((f) => ((f.type === 'date' || f.type === 'datetime') && f.notFuture) || (f.type === 'text' && f.format));
      expect(sql.includes(`create trigger ${k.id}_validate_values `), k.id).toBe(hasChecks);
      expect(sql.includes(`create trigger ${k.id}_unique_`), k.id).toBe(k.businessKey !== undefined);
    }
    // Messages are the domain's, as format() templates.
    expect(sql).toContain(`format('「受理日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD'))`);
    expect(sql).toContain(`format('案件编号“%1$s”在本街道已存在（人民调解案件，受理日期 %2$s）'`);
  });

  it('escapes % in labels of third-party kinds', () => {
    const odd = defineRecordKind({
      id: 'odd_things',
      label: '百分%之百',
      area: 'custom',
      measureWord: '件',
      periodField: 'on',
      titleField: 'no',
      businessKey: 'no',
      fields: [
        { key: 'no', label: '编号%s', type: 'text', required: true },
        { key: 'on', label: '日期', type: 'date', notFuture: true },
      ],
    });
    const sql = recordRulesMigrationSql(createRegistry([odd]));
    expect(sql).toContain(`'「日期」不能晚于今天（%1$s）'`);
    expect(sql).toContain(`'编号%%s“%1$s”在本街道已存在（百分%%之百，日期 %2$s）'`);
  });
});

const today = todayInShanghai();
const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const validId = (first17: string) => first17 + idNumberCheckChar(first17);
const goodId = validId('44011519850612123');

interface Failure {
  code?: string;
  message?: string;
  column?: string;
  constraint?: string;
}

/** Runs `fn` as the database owner in a transaction that is rolled back. */
const rolledBack = <T>(db: Database, fn: (tx: SqlExecutor) => Promise<T>) => as(db, 'owner', fn);

async function failure(run: () => Promise<unknown>): Promise<Failure | 'ok'> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    const { code, message, column, constraint } = e as Failure;
    return { code, message, column, constraint };
  }
}

/** The smallest valid mediation case, with overrides (snake_case columns). */
function insertCase(tx: SqlExecutor, orgId: string, values: Record<string, unknown> = {}) {
  const row: Record<string, unknown> = {
    org_id: orgId,
    case_no: `NS-${Math.random().toString(36).slice(2, 10)}`,
    source: 'party_application',
    dispute_type: 'neighbourhood',
    parties_count: 2,
    accepted_on: '2024-03-05',
    status: 'accepted',
    ...values,
  };
  const cols = Object.keys(row);
  return tx.query<{ id: string }>(
    `insert into public.mediation_cases (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    Object.values(row),
  );
}

describe.each(testDatabases())('record rules on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  const owner = <T>(fn: (tx: SqlExecutor) => Promise<T>) => as(db, 'owner', fn);

  it('refuses dates after today (Shanghai) with the zod message, naming column and rule', async () => {
    const accepted = getField(mediationCases, 'acceptedOn');
    expect(await owner((tx) => failure(() => insertCase(tx, org.communityA1, { accepted_on: today })))).toBe('ok');
    expect(await owner((tx) => failure(() => insertCase(tx, org.communityA1, { accepted_on: tomorrow })))).toEqual({
      code: '23514',
      message: messages.inFuture(accepted, today),
      column: 'accepted_on',
      constraint: 'mediation_cases_accepted_on_not_future',
    });
    // Date-times by their Shanghai date: 23:59 tonight is today, midnight is tomorrow.
    const ticket = (closedAt: string) =>
      owner((tx) =>
        failure(() =>
          tx.query(
            `insert into public.hotline_tickets (org_id, ticket_no, channel, kind, topic, received_at, due_at, closed_at) values ($1, $2, 'phone', 'help', 'housing', '2024-01-01T09:00:00+08:00', '2099-01-01T00:00:00+08:00', $3)`,
            [org.communityA1, `T-${closedAt}`, closedAt],
          ),
        ),
      );
    expect(await ticket(`${today}T23:59:00+08:00`)).toBe('ok');
    expect(await ticket(`${tomorrow}T00:00:00+08:00`)).toMatchObject({ code: '23514', message: `「办结时间」不能晚于今天（${today}）` });
  });

  it('checks a date only when it is written, so a stored one never blocks other changes', async () => {
    await owner(async (tx) => {
      const id = (await insertCase(tx, org.communityA1)).rows[0]!.id;
      await tx.exec(`alter table public.mediation_cases disable trigger mediation_cases_validate_values`);
      await tx.query(`update public.mediation_cases set accepted_on = $2 where id = $1`, [id, tomorrow]);
      await tx.exec(`alter table public.mediation_cases enable trigger mediation_cases_validate_values`);
      await tx.query(`update public.mediation_cases set mediator = '王五', version = version where id = $1`, [id]);
      expect(await failure(() => tx.query(`update public.mediation_cases set accepted_on = '2099-01-01' where id = $1`, [id]))).toMatchObject({ code: '23514' });
    });
  });

  it('refuses bad ID and phone numbers piece by piece with the zod message', async () => {
    const ids = getField(mediationCases, 'partyIdNumbers');
    const phones = getField(mediationCases, 'partyPhones');
    const applicant = getField(legalAidApplications, 'applicantIdNumber');
    const tryCase = (values: Record<string, unknown>) => owner((tx) => failure(() => insertCase(tx, org.communityA1, values)));
    expect(await tryCase({ party_id_numbers: `${goodId}、440115850612123`, party_phones: '13812345678、020-84981234-12' })).toBe('ok');
    for (const value of [`${goodId}、440115198506121230`, `${goodId}、`, '44011519850612123x', '99011519850612123X', `${'1'.repeat(300)}`]) {
      expect(await tryCase({ party_id_numbers: value }), value).toEqual({
        code: '23514',
        message: textFormatProblem(ids, value, today),
        column: 'party_id_numbers',
        constraint: 'mediation_cases_party_id_numbers_format',
      });
    }
    expect(await tryCase({ party_phones: '13812345678、8498123' })).toMatchObject({ message: textFormatProblem(phones, '13812345678、8498123', today) });
    const legacyForApplicant = await owner((tx) =>
      failure(() =>
        tx.query(
          `insert into public.legal_aid_applications (org_id, application_no, applicant_name, applicant_id_number, applicant_category, channel, case_kind, applied_on, decision) values ($1, 'LA-1', '张三', '440115850612123', 'other', 'walk_in', 'civil', '2024-01-02', 'pending')`,
          [org.communityA1],
        ),
      ),
    );
    expect(legacyForApplicant).toMatchObject({ code: '23514', message: textFormatProblem(applicant, '440115850612123', today) });
  });

  it('agrees with idNumberProblem and isPhoneNumber on 3,000 generated values', async () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const near = fc.tuple(fc.constantFrom('44', '11', '83', '99', '00'), digits(4), fc.integer({ min: 1890, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 31 }), digits(3), fc.boolean()).map(
      ([p, r, y, m, d, s, right]) => {
        const body = `${p}${r}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${s}`;
        return right ? validId(body) : `${body}${s[0]}`;
      },
    );
    const pieces = fc.sample(fc.oneof(near, digits(15), fc.string({ maxLength: 20 }), fc.string({ unit: fc.constantFrom(...'0123456789-+ '), maxLength: 16 })), { numRuns: 3000, seed: 20261204 });
    const legacy = pieces.map((_, i) => i % 2 === 0);
    const rows = await owner(
      async (tx) =>
        (
          await tx.query<{ id_problem: string | null; phone: boolean }>(
            `select private.id_number_problem(p, l, $3::date) id_problem, private.is_phone_number(p) phone from unnest($1::text[], $2::boolean[]) with ordinality as x (p, l, n) order by n`,
            [pieces, legacy, today],
          )
        ).rows,
    );
    const mismatches = pieces.flatMap((p, i) => {
      const problem = idNumberProblem(p, today, legacy[i]);
      const expected = problem ? idNumberReasons[problem] : null;
      return rows[i]!.id_problem === expected && rows[i]!.phone === isPhoneNumber(p) ? [] : [{ p, sql: rows[i], expected }];
    });
    expect(mismatches).toEqual([]);
  });

  describe('business keys', () => {
    const dupMessage = (no: string, on: string) => messages.duplicateKey(getField(mediationCases, 'caseNo'), no, mediationCases.label, getField(mediationCases, 'acceptedOn'), on);

    it('are unique among the live records of a street, communities included', async () => {
      await owner(async (tx) => {
        await insertCase(tx, org.streetA, { case_no: 'NS-2024-0001' });
        expect(await failure(() => insertCase(tx, org.communityA1, { case_no: 'NS-2024-0001' }))).toEqual({
          code: '23505',
          message: dupMessage('NS-2024-0001', '2024-03-05'),
          column: 'case_no',
          constraint: 'mediation_cases_case_no_unique',
        });
      });
      // Another street may use the same number.
      expect(await owner((tx) => failure(async () => (await insertCase(tx, org.streetA, { case_no: 'X-1' }), await insertCase(tx, org.communityB1, { case_no: 'X-1' }))))).toBe('ok');
    });

    it('are checked when the key, the org or the deletion changes', async () => {
      await owner(async (tx) => {
        const first = (await insertCase(tx, org.communityA1, { case_no: 'K-1', accepted_on: '2024-01-02' })).rows[0]!.id;
        const second = (await insertCase(tx, org.communityB1, { case_no: 'K-1' })).rows[0]!.id;
        const third = (await insertCase(tx, org.communityA1, { case_no: 'K-3' })).rows[0]!.id;
        const step = async (sql: string, id: string) => failure(() => tx.query(`${sql} where id = $1`, [id]));
        // Savepoints keep the transaction usable after each expected failure.
        const attempt = async (sql: string, id: string) => {
          await tx.exec('savepoint s');
          const r = await step(sql, id);
          await tx.exec(r === 'ok' ? 'release savepoint s' : 'rollback to savepoint s');
          return r;
        };
        expect(await attempt(`update public.mediation_cases set case_no = 'K-1'`, third)).toMatchObject({ code: '23505', message: dupMessage('K-1', '2024-01-02') });
        expect(await attempt(`update public.mediation_cases set org_id = '${org.communityA1}'`, second)).toMatchObject({ code: '23505' });
        expect(await attempt(`update public.mediation_cases set deleted_at = now()`, first)).toBe('ok');
        expect(await attempt(`update public.mediation_cases set org_id = '${org.communityA1}'`, second)).toBe('ok');
        expect(await attempt(`update public.mediation_cases set deleted_at = null`, first)).toMatchObject({ code: '23505' });
        // Writing other columns of a record never trips over the key.
        expect(await attempt(`update public.mediation_cases set mediator = '李四'`, second)).toBe('ok');
      });
    });

    it('are unique even where the writer cannot read the other record', async () => {
      await committedAs(db, 'owner', (tx) => insertCase(tx, org.communityA1, { case_no: 'HIDDEN-1' }));
      // clerk B writes street B only; the number is free there.
      const r = await as(db, user.clerkB, (tx) => failure(() => insertCase(tx, org.communityB1, { case_no: 'HIDDEN-1' })));
      expect(r).toBe('ok');
      const mine = await as(db, user.adminA, (tx) => failure(() => insertCase(tx, org.communityA1, { case_no: 'HIDDEN-1' })));
      expect(mine).toMatchObject({ code: '23505' });
    });
  });
});

describe.each(testDatabases())('records stored before the rules, on $name', (backend) => {
  it('do not stop the migration; duplicates are listed for readers of the street', async () => {
    const db = await backend.createEmpty();
    try {
      const files = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();
      const load = (names: string[]) => names.map((file) => ({ file, sql: migration(file) }));
      const shim = async () => ({ file: 'supabase-shim.sql', sql: readFileSync(defaultShimFile(), 'utf8') });
      await applyMigrations(db, { migrations: load(files.filter((f) => f < recordRulesMigrationFile)), shim });
      await seedFixture(db);
      const ids = await committedAs(db, 'owner', async (tx) => {
        const a = (await insertCase(tx, org.streetA, { case_no: 'OLD-1', party_id_numbers: '123', accepted_on: '2099-01-01' })).rows[0]!.id;
        const b = (await insertCase(tx, org.communityA1, { case_no: 'OLD-1' })).rows[0]!.id;
        await insertCase(tx, org.communityB1, { case_no: 'OLD-1' });
        return [a, b];
      });
      const result = await applyMigrations(db, { migrations: load(files), shim });
      expect(result.applied.map((m) => m.file)).toContain(recordRulesMigrationFile);

      const list = (who: string, orgId: string) => as(db, who, async (tx) => (await tx.query(`select * from public.duplicate_business_keys($1)`, [orgId])).rows);
      const expected = { kind_id: 'mediation_cases', kind_label: '人民调解案件', key_label: '案件编号', business_key: 'OLD-1', street_id: org.streetA };
      const adminA = await list(user.adminA, org.streetA);
      expect(adminA).toHaveLength(1);
      expect(adminA[0]).toMatchObject(expected);
      expect([...(adminA[0] as { record_ids: string[] }).record_ids].sort()).toEqual([...ids].sort());
      // The district supervisor sees it too (per street: B's single OLD-1 is no duplicate); B's admin and strangers do not.
      expect(await list(user.supervisor, org.district)).toEqual([expect.objectContaining(expected)]);
      expect(await list(user.adminB, org.streetA)).toEqual([]);
      expect(await list(user.stranger, org.streetA)).toEqual([]);
      // The stored rows stay editable in their other columns.
      expect(await committedAs(db, 'owner', (tx) => failure(() => tx.query(`update public.mediation_cases set mediator = '王五' where id = $1`, [ids[0]])))).toBe('ok');
    } finally {
      await db.close();
    }
  });
});

describe.each(testDatabases())('a third-party kind’s record rules on $name', (backend) => {
  it('apply on top of the schema (as the plugin test harness adds them) and hold', async () => {
    const gadgets = defineRecordKind({
      id: 'gadget_checks',
      label: '器具检查',
      area: 'custom_area',
      measureWord: '次',
      periodField: 'checkedOn',
      titleField: 'serialNo',
      businessKey: 'serialNo',
      fields: [
        { key: 'serialNo', label: '检查编号', type: 'text', required: true },
        { key: 'checkedOn', label: '检查日期', type: 'date', required: true, notFuture: true },
        { key: 'ownerPhone', label: '联系电话', type: 'text', format: 'phone' },
      ],
    });
    const db = await backend.create();
    try {
      await db.exec(`${recordsMigrationSql(new RecordKindRegistry([gadgets]))}\n${kindRulesSql([gadgets])}`);
      await seedFixture(db);
      const insert = (serialNo: string, checkedOn: string, phone: string | null = null) =>
        rolledBack(db, (tx) => failure(() => tx.query(`insert into public.gadget_checks (org_id, serial_no, checked_on, owner_phone) values ($1, $2, $3, $4)`, [org.communityA1, serialNo, checkedOn, phone])));
      expect(await committedAs(db, 'owner', (tx) => failure(() => tx.query(`insert into public.gadget_checks (org_id, serial_no, checked_on) values ($1, 'G-1', '2024-01-01')`, [org.streetA])))).toBe('ok');
      expect(await insert('G-1', '2024-01-02')).toMatchObject({ code: '23505', message: '检查编号“G-1”在本街道已存在（器具检查，检查日期 2024-01-01）' });
      expect(await insert('G-2', tomorrow)).toMatchObject({ code: '23514', constraint: 'gadget_checks_checked_on_not_future' });
      expect(await insert('G-3', today, '12345')).toMatchObject({ code: '23514', constraint: 'gadget_checks_owner_phone_format' });
    } finally {
      await db.close();
    }
  });
});

// PGlite has one connection, so concurrent writers exist only on PostgreSQL.
describe('concurrent writers of one business key on postgres', () => {
  it('take turns: the second waits for the first to commit, then is refused', async () => {
    const url = await postgresBackend.createUrl();
    const [a, b] = [await openDatabase(url), await openDatabase(url)];
    let releaseFirst = () => {};
    try {
      await seedFixture(a);
      const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
      let firstInserted!: () => void;
      const firstHasInserted = new Promise<void>((r) => (firstInserted = r));
      const first = a.transaction(async (tx) => {
        await insertCase(tx, org.communityA1, { case_no: 'RACE-1' });
        firstInserted();
        await firstMayCommit;
      });
      await firstHasInserted;
      let secondDone = false;
      const second = b.transaction((tx) => insertCase(tx, org.streetA, { case_no: 'RACE-1' })).then(
        () => 'ok',
        (e: Failure) => e.code,
      ).finally(() => (secondDone = true));
      // The second writer is blocked on the advisory lock while the first is open.
      await new Promise((r) => setTimeout(r, 300));
      expect(secondDone).toBe(false);
      releaseFirst();
      await first;
      expect(await second).toBe('23505');
      expect((await a.query(`select count(*)::int n from public.mediation_cases where case_no = 'RACE-1'`)).rows).toEqual([{ n: 1 }]);
    } finally {
      releaseFirst(); // a failed expectation must not leave the first transaction open
      await Promise.all([a.close(), b.close()]);
    }
  });
});
