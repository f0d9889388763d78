import { createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { sqlReportStore } from '../report-stores.js';
import type { ComparisonRow, ReportContent } from '../report-store.js';
import { asUser } from '../session.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, insertSamples, org, outcome, seedFixture, user } from './fixture.test-helper.js';

/**
 * Annual reports in SQL (migration 20261205040400_annual_reports.sql) through the SQL ReportStore:
 * drafts with versions, 草稿 → 审核 → 定稿 by street admins only, figures frozen at sign-off, the
 * year's records locked (封账) for every kind until an admin reopens it with a reason, templates.
 */
const clerk = clerkA('mediation');
const content = (text: string): ReportContent => ({ narrative: { summary: text }, wording: { 'mediation.accepted_cases': 'hedged' } });

/** The error (code, message) a call fails with. */
async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: err.code ?? '', message: err.message };
  }
  throw new Error('the call succeeded');
}

let n = 0;
/** A mediation case accepted on `acceptedOn` in `orgId` (committed as service_role); its id. */
async function insertCase(db: Database, orgId: string, acceptedOn: string, succeeded = false): Promise<string> {
  n += 1;
  const closing = succeeded ? { status: 'closed', result: 'success', closed_on: acceptedOn, agreement_form: 'oral' } : { status: 'accepted' };
  const columns = ['org_id', 'case_no', 'source', 'dispute_type', 'parties_count', 'accepted_on', ...Object.keys(closing)];
  const values = [orgId, `(报告)调字第${n}号`, 'proactive', 'neighbourhood', 2, acceptedOn, ...Object.values(closing)];
  const r = await committedAs(db, 'service_role', (tx) =>
    tx.query<{ id: string }>(`insert into public.mediation_cases (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`, values),
  );
  return r.rows[0]!.id;
}

describe.each(testDatabases())('annual reports on $name', (backend) => {
  let db: Database;
  const store = (who: string) => sqlReportStore((fn) => asUser(db, { userId: who }, fn));
  const kinds = createRegistry().list();
  let samples: Map<string, { A: string; B: string }>;
  let caseA2023: string;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    samples = await insertSamples(db, kinds);
    for (const day of ['2024-02-01', '2024-06-01', '2024-11-30']) await insertCase(db, org.communityA1, day);
    caseA2023 = await insertCase(db, org.communityA1, '2023-12-31');
    await insertCase(db, org.communityB1, '2024-05-05');
  }, 180_000);
  afterAll(() => db?.close());

  it('saves drafts as new versions for those who may draft, readable by the unit’s members and supervisors', async () => {
    const v1 = await store(clerk).save(org.streetA, 2024, content('第一稿'));
    const v2 = await store(user.adminA).save(org.streetA, 2024, content('第二稿'));
    expect([v1.version, v1.status, v1.savedBy, v1.frozenFigures, v2.version]).toEqual([1, 'draft', clerk, null, 2]);
    expect(v2.content).toEqual(content('第二稿'));
    expect((await store(user.viewerA).versions(org.streetA, 2024)).map((v) => v.version)).toEqual([2, 1]);
    expect((await store(user.supervisor).versions(org.streetA, 2024)).map((v) => v.version)).toEqual([2, 1]);
    expect(await store(user.adminB).versions(org.streetA, 2024)).toEqual([]);

    expect(await failure(() => store(user.viewerA).save(org.streetA, 2024, content('x')))).toMatchObject({ code: '42501', message: expect.stringContaining('可以保存报告草稿') });
    expect(await failure(() => store(user.adminB).save(org.streetA, 2024, content('x')))).toMatchObject({ code: '42501' });
    const bad = { narrative: { summary: 3 }, wording: {} } as unknown as ReportContent;
    expect(await failure(() => store(user.adminA).save(org.streetA, 2024, bad))).toMatchObject({ code: '22023', message: expect.stringContaining('报告内容格式不正确') });
    expect(await failure(() => store(user.adminA).save(org.streetA, 1999, content('x')))).toMatchObject({ code: '22023', message: expect.stringContaining('报告年度“1999”无效') });
    // A district supervisor drafts the district's own report.
    expect((await store(user.supervisor).save(org.district, 2024, content('全区'))).version).toBe(1);
  });

  it('moves on only by a street admin, the newest version only, back to 草稿 only with a reason', async () => {
    const [v2] = await store(user.adminA).versions(org.streetA, 2024);
    const v1 = (await store(user.adminA).versions(org.streetA, 2024))[1]!;
    expect(await failure(() => store(clerk).move(v2!.id, 'review'))).toMatchObject({ code: '42501', message: '只有该单位所属街道的管理员可以提交审核、退回草稿或定稿' });
    expect(await failure(() => store(user.adminB).move(v2!.id, 'review'))).toMatchObject({ code: 'P0002' });
    expect(await failure(() => store(user.adminA).move(v1.id, 'review'))).toMatchObject({ code: 'FZ001', message: expect.stringContaining('只能办理最新版本（第2版）') });
    expect(await failure(() => store(user.adminA).move(v2!.id, 'final'))).toMatchObject({ code: 'FZ001', message: expect.stringContaining('报告不能从“草稿”改为“定稿”') });
    expect((await store(user.adminA).move(v2!.id, 'review')).status).toBe('review');
    expect(await failure(() => store(user.adminA).move(v2!.id, 'draft', '  '))).toMatchObject({ code: '23514', message: '退回草稿须填写理由' });
    expect((await store(user.adminA).move(v2!.id, 'draft', '数字待核')).status).toBe('draft');
    const changes = await committedAs(db, 'owner', (tx) =>
      tx.query<{ from_status: string; to_status: string; reason: string | null; changed_by: string }>(
        'select from_status, to_status, reason, changed_by from public.report_status_changes where version_id = $1 order by id',
        [v2!.id],
      ),
    );
    expect(changes.rows).toEqual([
      { from_status: 'draft', to_status: 'review', reason: null, changed_by: user.adminA },
      { from_status: 'review', to_status: 'draft', reason: '数字待核', changed_by: user.adminA },
    ]);
  });

  it('freezes the figures at 定稿 and locks the year’s records of the unit’s subtree, every kind', async () => {
    const draft = await store(user.adminA).save(org.streetA, 2024, content('送审稿'));
    await store(user.adminA).move(draft.id, 'review');
    expect(await store(user.adminA).lock(org.streetA, 2024)).toBeNull();
    const final = await store(user.adminA).move(draft.id, 'final');
    expect([final.status, final.signedBy, typeof final.signedAt]).toEqual(['final', user.adminA, 'string']);
    const accepted = final.frozenFigures!.find((f) => f.indicatorId === 'mediation.accepted_cases');
    // The sample record of each kind plus the three cases of 2024 (the 2023 one and B's do not count).
    expect(accepted).toEqual({ indicatorId: 'mediation.accepted_cases', numerator: 4, denominator: null });
    const catalogOrder = await committedAs(db, 'owner', (tx) => tx.query<{ indicator_id: string }>(`select indicator_id from public.indicator_values($1, '2024-01-01', '2025-01-01')`, [org.streetA]));
    expect(final.frozenFigures!.map((f) => f.indicatorId)).toEqual(catalogOrder.rows.map((r) => r.indicator_id));
    expect(await store(user.viewerA).lock(org.streetA, 2024)).toMatchObject({ orgId: org.streetA, year: 2024, lockedBy: user.adminA });

    // Every kind: street A's 2024 record refuses updates, soft and hard deletes; B's does not.
    const refused: string[] = [];
    for (const k of kinds) {
      const { A, B } = samples.get(k.id)!;
      const update = await outcome(() => committedAs(db, 'service_role', (tx) => tx.query(`update public.${k.id} set version = version where id = $1`, [A])));
      const remove = await outcome(() => committedAs(db, 'owner', (tx) => tx.query(`delete from public.${k.id} where id = $1`, [A])));
      const other = await as(db, 'service_role', (tx) => tx.query(`update public.${k.id} set version = version where id = $1`, [B]));
      if (update !== 'FZ423' || remove !== 'FZ423' || other.affectedRows !== 1) refused.push(`${k.id}: ${update} ${remove} ${other.affectedRows}`);
    }
    expect(refused).toEqual([]);
    const message = await failure(() => committedAs(db, clerk, (tx) => tx.query(`update public.mediation_cases set deleted_at = now() where id = $1`, [samples.get('mediation_cases')!.A])));
    expect(message).toEqual({ code: 'FZ423', message: '2024年度已封账（甲街道的年度报告已定稿），该年度的人民调解案件不能新增、修改或删除；如需更正，请街道管理员先重新开启该年度' });
    expect(await outcome(() => insertCase(db, org.communityA1, '2024-12-31'))).toBe('FZ423');
    // Moving a record into the locked year is refused too; other years stay open.
    expect(await outcome(() => committedAs(db, 'service_role', (tx) => tx.query(`update public.mediation_cases set accepted_on = '2024-12-01' where id = $1`, [caseA2023])))).toBe('FZ423');
    expect(await outcome(() => committedAs(db, 'service_role', (tx) => tx.query(`update public.mediation_cases set parties_count = 3 where id = $1`, [caseA2023])))).toBe('ok');
    // A unit above is not locked by its street's sign-off.
    expect(await outcome(() => insertCase(db, org.district, '2024-07-01'))).toBe('ok');

    expect(await failure(() => store(user.adminA).save(org.streetA, 2024, content('再改')))).toMatchObject({ code: 'FZ423', message: expect.stringContaining('2024年度已封账') });
  });

  it('reopens a locked year with a reason (admins only), in the audit trail; the 定稿 stays as signed', async () => {
    expect(await failure(() => store(clerk).reopen(org.streetA, 2024, '补录'))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.adminA).reopen(org.streetA, 2024, ' '))).toMatchObject({ code: '23514', message: '重新开启已封账的年度须填写理由' });
    expect(await failure(() => store(user.adminA).reopen(org.streetA, 2023, '补录'))).toMatchObject({ code: 'FZ001', message: '2023年度没有封账，无需重新开启' });
    await store(user.adminA).reopen(org.streetA, 2024, '补录遗漏的调解案件');
    expect(await store(user.adminA).lock(org.streetA, 2024)).toBeNull();
    const audit = await committedAs(db, 'owner', (tx) =>
      tx.query<{ actor: string; reason: string }>(`select actor, after ->> 'reopen_reason' as reason from public.audit_log where table_name = 'report_year_locks' and operation = 'UPDATE'`),
    );
    expect(audit.rows).toEqual([{ actor: user.adminA, reason: '补录遗漏的调解案件' }]);

    await insertCase(db, org.communityA1, '2024-12-31');
    const versions = await store(user.adminA).versions(org.streetA, 2024);
    const signed = versions.find((v) => v.status === 'final')!;
    expect(signed.frozenFigures!.find((f) => f.indicatorId === 'mediation.accepted_cases')!.numerator).toBe(4);
    const next = await store(user.adminA).save(org.streetA, 2024, content('更正稿'));
    expect([next.version, next.status]).toEqual([versions[0]!.version + 1, 'draft']);
    await store(user.adminA).move(next.id, 'review');
    const refrozen = await store(user.adminA).move(next.id, 'final');
    expect(refrozen.frozenFigures!.find((f) => f.indicatorId === 'mediation.accepted_cases')!.numerator).toBe(5);
    await store(user.adminA).reopen(org.streetA, 2024, '第二次更正');
  });

  it('keeps versions of a unit’s template, saved by street admins, JSON objects only', async () => {
    expect(await store(user.adminA).template(org.streetA)).toBeNull();
    expect(await failure(() => store(clerk).saveTemplate(org.streetA, { title: 'x' }))).toMatchObject({ code: '42501', message: '只有该单位所属街道的管理员可以保存报告模板' });
    expect(await failure(() => store(user.adminA).saveTemplate(org.streetA, ['x']))).toMatchObject({ code: '22023', message: '报告模板应为 JSON 对象' });
    await store(user.adminA).saveTemplate(org.streetA, { title: '第一版' });
    const second = await store(user.adminA).saveTemplate(org.streetA, { title: '第二版', sections: [] });
    expect([second.version, second.savedBy]).toEqual([2, user.adminA]);
    expect(await store(clerk).template(org.streetA)).toMatchObject({ version: 2, template: { title: '第二版', sections: [] } });
    expect(await store(user.adminB).template(org.streetA)).toBeNull();
  });

  it('compares the streets of a district: a row per street, 区直 for records above the streets, and the total', async () => {
    await insertCase(db, org.district, '2024-08-08', true);
    const c = await store(user.supervisor).districtComparison(org.district, 2024);
    expect(c.streets.map((s) => s.name)).toEqual(['乙街道', '甲街道'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    const figure = (row: ComparisonRow, id: string) => row.figures.find((f) => f.indicatorId === id)!;
    const streetA = c.streets.find((s) => s.orgId === org.streetA)!;
    const streetB = c.streets.find((s) => s.orgId === org.streetB)!;
    // A: the sample and four 2024 cases (one added after the reopening); B: its sample and one case;
    // 区直: the two cases held by the district itself, one of them successful.
    expect(figure(streetA, 'mediation.accepted_cases').numerator).toBe(5);
    expect(figure(streetB, 'mediation.accepted_cases').numerator).toBe(2);
    expect(figure(c.direct, 'mediation.accepted_cases')).toEqual({ indicatorId: 'mediation.accepted_cases', value: 2, numerator: 2, denominator: null });
    expect(figure(c.total, 'mediation.accepted_cases').numerator).toBe(9);
    expect(figure(c.direct, 'mediation.success_rate')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(c.total.figures.map((f) => f.indicatorId)).toEqual(streetA.figures.map((f) => f.indicatorId));
    expect(c.direct.name).toBe('区直');
    // Only what the caller may browse: a street admin cannot ask about the district.
    expect(await failure(() => store(user.adminA).districtComparison(org.district, 2024))).toMatchObject({ code: '42501', message: '没有权限查看该单位' });
    // Under RLS: a clerk of one area counts only its own area's records.
    const clerkView = await store(clerk).districtComparison(org.streetA, 2024);
    expect(clerkView.streets).toEqual([]);
    expect(figure(clerkView.total, 'mediation.accepted_cases').numerator).toBe(5);
    expect(figure(clerkView.total, 'legal_aid.applications').numerator).toBe(0);
  });

  it('runs the comparison with the owner’s rights only for a caller who reads everything under the unit, with the same rows', async () => {
    const everything = (who: string, unit: string) =>
      committedAs(db, who, (tx) => tx.query<{ all: boolean }>('select private.reads_everything_under($1) as all', [unit])).then((r) => r.rows[0]!.all);
    expect([await everything(user.supervisor, org.district), await everything(user.adminA, org.streetA), await everything(clerk, org.streetA), await everything(user.adminA, org.district)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    // The supervisor's fast path gives exactly the rows row-level security gives.
    const rows = (sql: string) =>
      committedAs(db, user.supervisor, (tx) => tx.query(`${sql} order by row_kind, org_id, ord`, [org.district, 2024])).then((r) => r.rows);
    const viaRls = await rows('select * from private.district_comparison_rows($1, $2)');
    expect(viaRls.length).toBeGreaterThan(0);
    expect(await rows('select * from public.district_comparison($1, $2)')).toEqual(viaRls);
    // Nobody else reaches the owner's rights: a clerk of one area is refused, and keeps RLS through the public call.
    expect(await outcome(() => committedAs(db, clerk, (tx) => tx.query('select * from private.district_comparison_unrestricted($1, 2024)', [org.streetA])))).toBe('42501');
    const clerkTotal = (await store(clerk).districtComparison(org.streetA, 2024)).total.figures.find((f) => f.indicatorId === 'legal_aid.applications')!;
    expect(clerkTotal.numerator).toBe(0);
  });

  it('compares towns (镇) beside streets', async () => {
    const before = await store(user.supervisor).districtComparison(org.district, 2024);
    const town = '00000000-0000-4000-8000-0000000000c0';
    await committedAs(db, 'owner', (tx) => tx.query(`insert into public.org_units (id, parent_id, kind, name) values ($1, $2, 'town', '丙镇')`, [town, org.district]));
    await insertCase(db, town, '2024-09-09');
    const after = await store(user.supervisor).districtComparison(org.district, 2024);
    const accepted = (row: ComparisonRow) => row.figures.find((f) => f.indicatorId === 'mediation.accepted_cases')!.numerator;
    expect(after.streets.map((s) => s.name)).toEqual([...before.streets.map((s) => s.name), '丙镇'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(accepted(after.streets.find((s) => s.orgId === town)!)).toBe(1);
    expect([accepted(after.direct), accepted(after.total)]).toEqual([accepted(before.direct), accepted(before.total)! + 1]);
  });

  it('gives every record kind the 封账 trigger', async () => {
    const r = await committedAs(db, 'owner', (tx) =>
      tx.query<{ kind_id: string }>(
        `select k.kind_id from private.record_kinds k where not exists (
           select 1 from pg_trigger t where t.tgrelid = ('public.' || k.kind_id)::regclass and t.tgname = k.kind_id || '_year_lock')`,
      ),
    );
    expect(r.rows).toEqual([]);
  });

  it('names who saved, signed off and locked: the profile’s display name, else the e-mail, for readers of the report only', async () => {
    const fallback = clerkA('legal_aid');
    const email = (await committedAs(db, 'owner', (tx) => tx.query<{ email: string }>('select email from auth.users where id = $1', [fallback]))).rows[0]!.email;
    await committedAs(db, 'owner', (tx) => tx.query('update public.profiles set display_name = null where id = $1', [fallback]));
    const unit = org.streetB;
    const byClerk = await store(user.clerkB).save(unit, 2023, content('乙街道草稿'));
    const byAdmin = await store(user.adminB).save(unit, 2023, content('乙街道送审稿'));
    // The rows save_report and move_report return carry the names (written in the same statement).
    expect([byClerk.savedByName, byAdmin.savedByName, byAdmin.signedByName]).toEqual(['用户5', '用户4', null]);
    await store(user.adminB).move(byAdmin.id, 'review');
    const final = await store(user.adminB).move(byAdmin.id, 'final');
    expect([final.savedByName, final.signedByName]).toEqual(['用户4', '用户4']);
    expect((await store(user.supervisor).lock(unit, 2023))?.lockedByName).toBe('用户4');
    expect((await store(user.supervisor).versions(unit, 2023)).map((v) => [v.version, v.savedByName, v.signedByName])).toEqual([
      [2, '用户4', '用户4'],
      [1, '用户5', null],
    ]);
    await store(user.adminB).reopen(unit, 2023, '测试完毕');
    // No display name: the e-mail.
    const other = await store(fallback).save(org.streetA, 2023, content('甲街道草稿'));
    expect(other.savedByName).toBe(email);
    // Someone who may not read the version learns no name, even naming the version's id.
    const forged = (who: string) => committedAs(db, who, (tx) => tx.query<{ name: string | null }>(`select private.report_version_person($1, 'saved') as name`, [byClerk.id]));
    expect((await forged(user.adminA)).rows).toEqual([{ name: null }]);
    expect((await forged(user.viewerA)).rows).toEqual([{ name: null }]);
    expect((await forged(user.clerkB)).rows).toEqual([{ name: '用户5' }]);
    expect(await outcome(() => committedAs(db, user.adminA, (tx) => tx.query('select private.person_name($1)', [user.adminB])))).toBe('42501');
  });
});
