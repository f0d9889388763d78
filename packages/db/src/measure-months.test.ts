import { createRegistry, getField, columnName, type AnyRecord, type RecordKind } from '@fazhi/domain';
import { builtInCatalog } from '@fazhi/metrics';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from './client.js';
import { measureMonthsMigrationFile, measureMonthsMigrationSql } from './generate/measure-months-migration.js';
import { monthlyMeasuresByKind } from './generate/measure-months.js';
import { parseModelSnapshot } from './generate/model-snapshot.js';
import { importRecords } from './import-records.js';
import { seededDatabases, type SeededDatabase } from './seed-databases.test-helper.js';
import { asUser } from './session.js';

/**
 * The pre-aggregated figures per unit and month must equal the direct computation from the
 * records: every monthly measure of every unit, for whole-month periods of one month, a quarter,
 * a year and several years, after the seed load (rebuilt after triggers-off loading) and after
 * every kind of write the triggers must follow.
 */
const registry = createRegistry();
const monthly = monthlyMeasuresByKind(builtInCatalog);
const kinds = [...monthly.keys()].map((id) => registry.get(id));

const periods = [
  ['2024-03-01', '2024-04-01'],
  ['2024-04-01', '2024-07-01'],
  ['2023-01-01', '2024-01-01'],
  ['2024-01-01', '2025-01-01'],
  ['2020-01-01', '2027-01-01'],
] as const;

interface Mismatch {
  org_id: string;
  p_start: string;
  measure_id: string;
  by_month: string | null;
  direct: string | null;
}

/** Every (unit, period, measure) whose month sum differs from the records' figure; [] when all agree. */
async function mismatches(db: SqlExecutor): Promise<Mismatch[]> {
  const r = await db.query<Mismatch>(
    `select u.id as org_id, p.s::text as p_start, a.measure_id, a.value::text as by_month, d.value::text as direct
     from public.org_units u
     cross join unnest($1::date[], $2::date[]) as p (s, e)
     cross join lateral private.measure_values_by_month(u.id, p.s, p.e) a
     left join lateral public.measure_values(u.id, p.s, p.e) d on d.measure_id = a.measure_id
     where a.value is distinct from d.value
     order by 1, 2, 3`,
    [periods.map((p) => p[0]), periods.map((p) => p[1])],
  );
  return r.rows;
}

/** How many (unit, period, monthly measure) figures are non-zero: the comparison compares something. */
async function nonZeroFigures(db: SqlExecutor): Promise<number> {
  const r = await db.query<{ n: number }>(
    `select count(*)::int as n from public.org_units u
     cross join unnest($1::date[], $2::date[]) as p (s, e)
     cross join lateral private.measure_values_by_month(u.id, p.s, p.e) a
     where a.value <> 0`,
    [periods.map((p) => p[0]), periods.map((p) => p[1])],
  );
  return r.rows[0]!.n;
}

const table = (k: RecordKind) => `public.${k.id}`;
const temporalColumns = (k: RecordKind) => k.fields.filter((f) => f.type === 'date' || f.type === 'datetime').map((f) => columnName(f.key));

/** Runs `sql` for each kind inside a savepoint; a kind whose rules refuse the write is skipped. Returns the kinds written. */
async function forEachKind(tx: SqlExecutor, what: (k: RecordKind) => string | null): Promise<string[]> {
  const done: string[] = [];
  for (const k of kinds) {
    const sql = what(k);
    if (!sql) continue;
    await tx.query('savepoint w');
    try {
      const r = await tx.query(sql);
      await tx.query('release savepoint w');
      if ((r.affectedRows ?? 1) > 0) done.push(k.id);
    } catch {
      await tx.query('rollback to savepoint w');
    }
  }
  return done;
}

/** A few live records of the kind, by id order (deterministic). */
const some = (k: RecordKind, n: number, offset = 0) => `(select id from ${table(k)} where deleted_at is null order by id limit ${n} offset ${offset})`;

/** An enum field one of the kind's monthly measures filters on. */
function filteredEnum(k: RecordKind): { column: string; values: string[] } | null {
  for (const m of monthly.get(k.id) ?? []) {
    for (const f of m.filters) {
      const field = getField(k, f.field);
      if (field.type === 'enum') return { column: columnName(field.key), values: field.options.map((o) => o.value) };
    }
  }
  return null;
}

describe.each(seededDatabases)('figures per unit and month ($name)', ({ open }) => {
  let seeded: SeededDatabase;
  let db: Database;
  beforeAll(async () => {
    seeded = await open();
    db = seeded.db;
  }, 240_000);
  afterAll(() => seeded?.close());

  it('equal the records after the seed load (rebuilt after loading with triggers off)', async () => {
    expect(await nonZeroFigures(db)).toBeGreaterThan(500);
    expect(await mismatches(db)).toEqual([]);
  }, 240_000);

  it('follow inserts, updates (unit, date, status), soft and hard deletes, an import and a year lock', async () => {
    await db.transaction(async (tx) => {
      const before = await nonZeroFigures(tx);
      // Another unit already holding records of the kind (so the kind's unit rules accept it).
      const moved = await forEachKind(
        tx,
        (k) => `update ${table(k)} set org_id = (select org_id from ${table(k)} o where o.org_id <> ${table(k)}.org_id order by o.id limit 1) where id in ${some(k, 3)}`,
      );
      const shifted = await forEachKind(tx, (k) => {
        const cols = temporalColumns(k);
        const by = (c: string) => `${c} = ${c} - interval '45 days'`;
        return cols.length ? `update ${table(k)} set ${cols.map(by).join(', ')} where id in ${some(k, 5, 3)}` : null;
      });
      const restated = await forEachKind(tx, (k) => {
        const e = filteredEnum(k);
        if (!e) return null;
        return `update ${table(k)} set ${e.column} = case when ${e.column} = ${sqlText(e.values[0]!)} then ${sqlText(e.values[1] ?? e.values[0]!)} else ${sqlText(e.values[0]!)} end where id in ${some(k, 6, 8)}`;
      });
      const softDeleted = await forEachKind(tx, (k) => `update ${table(k)} set deleted_at = now() where id in ${some(k, 4, 14)}`);
      const restored = await forEachKind(tx, (k) => `update ${table(k)} set deleted_at = null where id in (select id from ${table(k)} where deleted_at is not null order by id limit 2)`);
      // Hard delete, then the same rows inserted again (every constraint held for them before).
      await tx.query(`create temp table gone on commit drop as select * from ${table(kinds[0]!)} where id in ${some(kinds[0]!, 5, 20)}`);
      const deleted = await forEachKind(tx, (k) => `delete from ${table(k)} where id in ${some(k, 2, 30)}`);
      await tx.query(`delete from ${table(kinds[0]!)} where id in (select id from gone)`);
      expect(await mismatches(tx)).toEqual([]);
      await tx.query(`insert into ${table(kinds[0]!)} select * from gone`);

      for (const [what, written] of Object.entries({ moved, shifted, restated, softDeleted, restored, deleted })) {
        expect(written.length, `${what}: ${written.join(', ')}`).toBeGreaterThanOrEqual(what === 'restated' ? 3 : 10);
      }
      expect(await nonZeroFigures(tx)).not.toBe(before);
      expect(await mismatches(tx)).toEqual([]);
      throw new RolledBack();
    }).catch(keepRolledBack);
  }, 240_000);

  it('follow a ledger import (new records and updated ones) and a year lock', async () => {
    const hotline = registry.get('hotline_tickets');
    const street = seeded.dataset.manifest.rootOrgId;
    const existing = (seeded.dataset.records.get(hotline.id) ?? []).filter((r) => !r.deletedAt).slice(0, 40) as AnyRecord[];
    expect(existing.length).toBe(40);
    const key = hotline.businessKey!;
    const fresh = existing.map((r, i) => ({ ...r, id: randomUUID(), [key]: `${String(r[key])}-m${i}` }));
    // Updated through the business key: moved 35 days later, which changes their month.
    const temporal = hotline.fields.filter((f) => f.type === 'date' || f.type === 'datetime').map((f) => f.key);
    const changed = existing.map((r) => ({ ...r, ...Object.fromEntries(temporal.filter((k) => r[k]).map((k) => [k, shift35Days(String(r[k]))])) }));
    const summary = await db.transaction((tx) => importRecords(tx, hotline, [...fresh, ...changed], 'update'));
    expect(summary).toMatchObject({ inserted: 40, updated: 40, stopped: false });
    expect(await mismatches(db)).toEqual([]);

    // 封账 of 2023 for the street: writes into 2023 are refused, nothing changes.
    await db.transaction(async (tx) => {
      const v = await tx.query<{ id: string }>(`insert into public.report_versions (org_id, year, version, content) values ($1, 2023, 1, '{}'::jsonb) returning id`, [street]);
      await tx.query(`insert into public.report_year_locks (org_id, year, version_id) values ($1, 2023, $2)`, [street, v.rows[0]!.id]);
    });
    const in2023 = `(select id from public.${hotline.id} where ${columnName(hotline.periodField)} >= '2023-01-01' and ${columnName(hotline.periodField)} < '2024-01-01' and deleted_at is null order by id limit 3)`;
    await expect(db.query(`update public.${hotline.id} set deleted_at = now() where id in ${in2023}`)).rejects.toThrow();
    expect(await mismatches(db)).toEqual([]);
    await db.query(`update public.report_year_locks set reopened_at = now(), reopen_reason = '测试' where reopened_at is null`);
  }, 240_000);

  it('follow a random sequence of writes (seeded, so a failure repeats)', async () => {
    const random = seededRandom(20261206);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const writes: ((k: RecordKind, rows: string) => string | null)[] = [
      (k, rows) => `update ${table(k)} set org_id = (select org_id from ${table(k)} o where o.org_id <> ${table(k)}.org_id order by o.id offset ${Math.floor(random() * 20)} limit 1) where id in ${rows}`,
      (k, rows) => {
        const cols = temporalColumns(k);
        const days = Math.floor(random() * 120) - 60;
        return cols.length ? `update ${table(k)} set ${cols.map((c) => `${c} = ${c} + interval '${days} days'`).join(', ')} where id in ${rows}` : null;
      },
      (k, rows) => {
        const e = filteredEnum(k);
        return e ? `update ${table(k)} set ${e.column} = ${sqlText(pick(e.values))} where id in ${rows}` : null;
      },
      (k, rows) => `update ${table(k)} set deleted_at = now() where id in ${rows}`,
      (k) => `update ${table(k)} set deleted_at = null where id in (select id from ${table(k)} where deleted_at is not null order by id limit ${1 + Math.floor(random() * 3)})`,
      (k, rows) => `delete from ${table(k)} where id in ${rows}`,
    ];
    const counts = await Promise.all(kinds.map(async (k) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table(k)} where deleted_at is null`)).rows[0]!.n));
    const busy = kinds.filter((_, i) => counts[i]! >= 50);
    expect(busy.length).toBeGreaterThan(10);
    let written = 0;
    for (let round = 0; round < 60; round++) {
      const k = pick(busy);
      const write = pick(writes);
      const rows = some(k, 1 + Math.floor(random() * 5), Math.floor(random() * 40));
      const done = await db.transaction((tx) => forEachKind(tx, (kind) => (kind === k ? write(k, rows) : null)));
      written += done.length;
    }
    expect(written).toBeGreaterThan(30);
    expect(await mismatches(db)).toEqual([]);
  }, 240_000);

  it('are read by indicator_values only for whole months and a caller row-level security does not restrict', async () => {
    const street = seeded.dataset.manifest.rootOrgId;
    const kind = kinds[0]!;
    const measure = monthly.get(kind.id)![0]!;
    const indicator = builtInCatalog.indicators.find((i) => i.numerator === measure.id)!;
    const numerator = async (tx: SqlExecutor, start: string, end: string) =>
      (await tx.query<{ n: string }>(`select numerator::text as n from public.indicator_values($1, $2, $3) where indicator_id = $4`, [street, start, end, indicator.id])).rows[0]!.n;
    const whole = await numerator(db, '2024-01-01', '2025-01-01');
    const partial = await numerator(db, '2024-01-01', '2024-12-31');
    const admin = (await db.query<{ user_id: string }>(`select m.user_id from public.memberships m where m.org_id = $1 and m.role = 'admin' order by m.user_id limit 1`, [street])).rows[0]?.user_id;
    await db.transaction(async (tx) => {
      // A wrong month sum shows exactly where it is read.
      const months = `private."${kind.id}_months"`;
      const hit = await tx.query(
        `update ${months} set "${measure.id}" = "${measure.id}" + 1000 where (org_id, month) = (select org_id, month from ${months} where org_id = any (private.subtree_ids(array[$1::uuid])) and month >= '2024-01-01' and month < '2025-01-01' and "${measure.id}" <> 0 order by org_id, month limit 1)`,
        [street],
      );
      expect(hit.affectedRows).toBe(1);
      expect(Number(await numerator(tx, '2024-01-01', '2025-01-01'))).toBe(Number(whole) + 1000);
      expect(await numerator(tx, '2024-01-01', '2024-12-31')).toBe(partial);
      throw new RolledBack();
    }).catch(keepRolledBack);
    if (admin) {
      const asAdmin = await asUser(db, { userId: admin }, (tx) => numerator(tx, '2024-01-01', '2025-01-01'));
      expect(asAdmin).toBe(whole);
      await expect(asUser(db, { userId: admin }, (tx) => tx.query(`select * from private.measure_values_by_month($1, '2024-01-01', '2025-01-01')`, [street]))).rejects.toThrow();
    }
  }, 240_000);
});

describe('the measure-months migration', () => {
  it('is the one generated from the shipped model snapshot', () => {
    const dir = new URL('../../../supabase/', import.meta.url);
    const snapshot = parseModelSnapshot(readFileSync(new URL('model-snapshot.json', dir), 'utf8'), 'model-snapshot.json');
    expect(readFileSync(new URL(`migrations/${measureMonthsMigrationFile}`, dir), 'utf8')).toBe(measureMonthsMigrationSql(snapshot));
  });
});

/** A small deterministic generator (mulberry32). */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Thrown to leave a transaction rolled back after its checks. */
class RolledBack extends Error {}
function keepRolledBack(e: unknown): void {
  if (!(e instanceof RolledBack)) throw e;
}

const sqlText = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** The same date or date-time 35 days later (the local date moved, the time kept: order between fields holds). */
function shift35Days(value: string): string {
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 35);
  return `${day.toISOString().slice(0, 10)}${value.slice(10)}`;
}
