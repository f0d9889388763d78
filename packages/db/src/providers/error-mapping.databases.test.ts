import { mediationCases } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { toDatabaseError } from '../database-error.js';
import { asUser } from '../session.js';
import { testDatabases } from '../testing/index.js';
import { encodeErrorFields } from '../worker-error-codec.js';
import { queryTimeoutMessage, toHttpError, type ErrorContext } from './error-mapping.js';
import { forbiddenMessage } from './http-error.js';
import { kindTable } from './kind-table.js';
import { fixtureOrg, fixtureUser, insertAsOwner, seedFixture } from './sql-harness.test-helper.js';

/**
 * The mapping against errors the databases really raise (not hand-made objects), each also as it
 * arrives from PGlite in a Web Worker: there only `message` crosses (pglite's worker posts
 * `{ message }`), so the worker encodes the fields into it and the page decodes them.
 */
const table = kindTable(mediationCases);
const ctx: ErrorContext = { table };

interface Case {
  name: string;
  /** Runs as the database owner unless `asUser`. */
  sql: (ids: Record<string, string>) => string;
  asUser?: boolean;
  status: number;
  message: string | RegExp;
  errors?: Record<string, string[]>;
  onlyOn?: 'postgres';
}

const cases: Case[] = [
  { name: 'check 23514 from a trigger keeps its Chinese text', sql: () => `update public.org_units set parent_id = '${fixtureOrg.communityA1}' where id = '${fixtureOrg.streetA}'`, status: 400, message: /上级关系形成了循环/ },
  { name: 'check 23514 of a generated constraint names the field', sql: (ids) => `update public.mediation_cases set parties_count = 0 where id = '${ids.case}'`, status: 400, message: '「涉及人数」不能小于1', errors: { partiesCount: ['「涉及人数」不能小于1'] } },
  { name: 'unique 23505', sql: () => `insert into public.org_units (id, parent_id, kind, name) values ('${fixtureOrg.streetA}', '${fixtureOrg.district}', 'street', '重复')`, status: 409, message: '与已有记录重复' },
  { name: 'unique 23505 raised by a trigger in Chinese', sql: () => `do $$ begin raise exception using errcode = '23505', message = '案件编号“M01”已存在'; end $$`, status: 409, message: '案件编号“M01”已存在' },
  { name: 'foreign key 23503', sql: (ids) => `update public.mediation_cases set org_id = '00000000-0000-4000-8000-0000000000ff' where id = '${ids.case}'`, status: 400, message: '「所属机构」所引用的记录不存在', errors: { orgId: ['「所属机构」所引用的记录不存在'] } },
  { name: 'not null 23502', sql: (ids) => `update public.mediation_cases set case_no = null where id = '${ids.case}'`, status: 400, message: /「案件编号」/ },
  { name: 'row-level security 42501', asUser: true, sql: () => `insert into public.org_units (parent_id, kind, name) values ('${fixtureOrg.district}', 'street', '越权')`, status: 403, message: forbiddenMessage },
  { name: 'stale write PT409', sql: (ids) => `update public.mediation_cases set version = version + 5 where id = '${ids.case}'`, status: 409, message: /^记录已被他人修改（当前版本 \d+），请刷新后重试$/ },
  { name: 'masked overwrite PT422 names the field', sql: () => `do $$ begin raise exception using errcode = 'PT422', message = '「当事人联系电话」显示的是脱敏内容，不能保存', column = 'party_phones'; end $$`, status: 422, message: '「当事人联系电话」显示的是脱敏内容，不能保存', errors: { partyPhones: ['「当事人联系电话」显示的是脱敏内容，不能保存'] } },
  { name: 'statement timeout 57014', onlyOn: 'postgres', asUser: true, sql: () => `set local statement_timeout = '50ms'; select pg_sleep(5)`, status: 504, message: queryTimeoutMessage },
  { name: 'invalid text 22P02', sql: () => `select 'abc'::integer`, status: 400, message: '输入的数据格式不正确' },
  { name: 'invalid date 22007', sql: () => `select 'not a date'::date`, status: 400, message: '输入的数据格式不正确' },
  { name: 'date out of range 22008', sql: () => `select '2024-02-30'::date`, status: 400, message: '输入的数据格式不正确' },
  { name: 'missing table 42P01 (schema not migrated)', sql: () => `select * from public.no_such_table`, status: 503, message: /迁移尚未完成/ },
  { name: 'anything else: code named, no English internals', sql: () => `rollback to savepoint no_such_savepoint`, status: 500, message: /^数据服务出错（错误代码 3B001），请稍后重试$/ },
];

/** What the page gets from PGliteWorker: a plain Error carrying only the (encoded) message. */
function acrossWorkerBoundary(e: Error): Error {
  const raw = (e.cause ?? e) as Error & Record<string, unknown>;
  const copy = Object.assign(new Error(raw.message), raw);
  const posted = { message: (encodeErrorFields(copy) as Error).message };
  return Object.assign(new Error(posted.message), posted);
}

describe.each(testDatabases())('errors raised by $name', (backend) => {
  let db: Database;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    const [caseId] = await insertAsOwner(db, 'mediation_cases', [
      { values: { caseNo: 'E01', source: 'proactive', disputeType: 'other', partiesCount: 1, acceptedOn: '2024-05-01', status: 'accepted' } },
    ]);
    ids.case = caseId!;
  });
  afterAll(() => db.close());

  for (const c of cases) {
    it.skipIf(c.onlyOn && c.onlyOn !== backend.name)(c.name, async () => {
      const sql = c.sql(ids);
      const run = c.asUser ? asUser(db, { userId: fixtureUser.writer }, (tx) => tx.exec(sql)) : db.transaction((tx) => tx.exec(sql));
      const raised = await run.then(() => undefined, (e: unknown) => e as Error);
      expect(raised, 'the statement should fail').toBeInstanceOf(Error);
      for (const e of [raised!, toDatabaseError(acrossWorkerBoundary(raised!))]) {
        const mapped = toHttpError(e, ctx);
        expect(mapped.statusCode).toBe(c.status);
        if (typeof c.message === 'string') expect(mapped.message).toBe(c.message);
        else expect(mapped.message).toMatch(c.message);
        if (c.errors) expect(mapped.errors).toEqual(c.errors);
      }
    });
  }
});
