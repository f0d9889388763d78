import type { DataProvider } from '@refinedev/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldComparisonCases, filterCases, hotlineSeed, liveCases, mediationSeed, publicitySeed, sortCases, typedFilterCases, type SeedRecord } from './contract-cases.js';

/**
 * The one contract every fazhi data provider keeps, whatever is behind it. A factory boots a
 * provider over a database holding the fixture's users:
 * - `writer`: street admin of street A with the personal-data right (the main `provider`),
 * - `reader`: viewer of street A without the personal-data right,
 * - `clerk`: clerk of street A for the mediation area, without the personal-data right,
 * - `outsider`: clerk of street A for another area only (no rights on mediation cases).
 * Street B's records exist but none of these users may see them.
 */
export type ContractRole = 'writer' | 'reader' | 'clerk' | 'outsider';

export interface ContractHarness {
  /** Signed in as `writer`. */
  provider: DataProvider;
  providerAs(role: ContractRole): DataProvider;
  /** Inserts records past RLS (camelCase values, in street A's community unless `street: 'B'`); returns their ids. */
  seed(resource: string, rows: readonly SeedRecord[]): Promise<string[]>;
  cleanup(): Promise<void>;
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/;

type Row = Record<string, unknown>;

/** Calls `fn` expecting a Refine HttpError; returns it. */
async function httpError(fn: () => Promise<unknown>): Promise<{ statusCode: number; message: string; errors?: Record<string, unknown> }> {
  try {
    await fn();
  } catch (e) {
    const err = e as { statusCode?: unknown; message?: unknown };
    expect(typeof err.statusCode, `not an HttpError: ${String(e)}`).toBe('number');
    return e as never;
  }
  throw new Error('expected the call to fail');
}

const titles = (rows: readonly Row[], key = 'caseNo') => rows.map((r) => r[key] as string);
const titleKey: Record<string, string> = { mediation_cases: 'caseNo', publicity_events: 'title', hotline_tickets: 'ticketNo' };

export function dataProviderContract(name: string, factory: () => Promise<ContractHarness>): void {
  describe(`data provider contract: ${name}`, () => {
    let h: ContractHarness;
    let ids: Record<string, string>;
    const list = (resource: string, params: Omit<Parameters<DataProvider['getList']>[0], 'resource'> = {}, p: DataProvider = h.provider) =>
      p.getList({ resource, pagination: { mode: 'off' }, ...params });

    const newCase = (caseNo: string, extra: Row = {}): Row => ({
      caseNo, source: 'proactive', disputeType: 'other', partiesCount: 1, acceptedOn: '2024-05-01', status: 'accepted', orgId: ids.orgA!, ...extra,
    });

    beforeAll(async () => {
      h = await factory();
      const caseIds = await h.seed('mediation_cases', mediationSeed);
      ids = Object.fromEntries(mediationSeed.map((s, i) => [s.values.caseNo as string, caseIds[i]!]));
      await h.seed('publicity_events', publicitySeed);
      await h.seed('hotline_tickets', hotlineSeed);
      // The community of street A, as the seeded rows know it.
      ids.orgA = ((await h.provider.getOne({ resource: 'mediation_cases', id: ids.M01! })).data.orgId as string);
    }, 180_000);
    afterAll(async () => {
      await h?.cleanup();
    });

    describe('getList filters', () => {
      for (const c of [...filterCases, ...typedFilterCases, ...fieldComparisonCases]) {
        it(`${c.resource}: ${c.name}`, async () => {
          const r = await list(c.resource, { filters: c.filters });
          expect(titles(r.data, titleKey[c.resource]).sort()).toEqual([...c.expect].sort());
          expect(r.total).toBe(c.expect.length);
        });
      }

      it('refuses unknown fields, unknown operators and badly typed values with 400', async () => {
        const unknownField = await httpError(() => list('mediation_cases', { filters: [{ field: 'nope', operator: 'eq', value: 1 }] }));
        expect(unknownField.statusCode).toBe(400);
        const unknownOp = await httpError(() => list('mediation_cases', { filters: [{ field: 'caseNo', operator: 'regex' as never, value: 'x' }] }));
        expect(unknownOp.statusCode).toBe(400);
        const badValue = await httpError(() => list('mediation_cases', { filters: [{ field: 'partiesCount', operator: 'gt', value: 'abc' }] }));
        expect(badValue.statusCode).toBe(400);
        expect(badValue.errors?.partiesCount).toEqual(['「涉及人数」应为整数']);
        const injection = await httpError(() => list('mediation_cases', { filters: [{ field: 'case_no = case_no or true --', operator: 'eq', value: 1 }] }));
        expect(injection.statusCode).toBe(400);
      });

      it('hides soft-deleted records unless meta.withDeleted, and lists only them with meta.onlyDeleted', async () => {
        expect(titles((await list('mediation_cases')).data).sort()).toEqual([...liveCases].sort());
        expect(titles((await list('mediation_cases', { meta: { withDeleted: true } })).data)).toContain('M06-deleted');
        expect(titles((await list('mediation_cases', { meta: { onlyDeleted: true } })).data)).toEqual(['M06-deleted']);
      });

      it("never shows another street's records (RLS)", async () => {
        const all = await list('mediation_cases', { meta: { withDeleted: true } });
        expect(titles(all.data)).not.toContain('B01');
      });
    });

    describe('getList sorting and pagination', () => {
      for (const c of sortCases) {
        it(`sorts: ${c.name}`, async () => {
          const r = await list('mediation_cases', { sorters: c.sorters });
          expect(titles(r.data)).toEqual(c.expect);
        });
      }

      it('refuses sorting by a related column instead of sorting the wrong rows', async () => {
        const e = await httpError(() => list('mediation_cases', { sorters: [{ field: 'org.name', order: 'asc' }] }));
        expect(e.statusCode).toBe(400);
      });

      it('pages on the server with the total of all matching rows', async () => {
        const sorters = [{ field: 'caseNo', order: 'asc' as const }];
        const page = (currentPage: number) => h.provider.getList({ resource: 'mediation_cases', sorters, pagination: { currentPage, pageSize: 2, mode: 'server' } });
        const [p1, p2, p3, p9] = await Promise.all([page(1), page(2), page(3), page(9)]);
        expect(titles(p1.data)).toEqual(['100%_done', 'A1000-xdone']);
        expect(titles(p2.data)).toEqual(['M01', 'M02']);
        expect(titles(p3.data)).toEqual(['M04']);
        expect(p9.data).toEqual([]);
        for (const p of [p1, p2, p3, p9]) expect(p.total).toBe(5);
      });

      it('defaults to page 1 of 10 and returns everything with mode off', async () => {
        const def = await h.provider.getList({ resource: 'mediation_cases' });
        expect(def.data).toHaveLength(5);
        const off = await list('mediation_cases', { filters: [{ field: 'status', operator: 'ne', value: 'closed' }] });
        expect(off.data).toHaveLength(4);
        expect(off.total).toBe(4);
      });
    });

    describe('values', () => {
      it('returns camelCase keys and canonical values: integer fen, ISO dates, +08:00 date-times, booleans', async () => {
        const { data } = await h.provider.getOne({ resource: 'mediation_cases', id: ids.M01! });
        expect(data).toMatchObject({
          id: ids.M01, caseNo: 'M01', disputeType: 'neighbourhood', amount: 150000, partiesCount: 2, acceptedOn: '2024-01-05', closedOn: '2024-01-20',
          preventedCriminal: true, preventedPetition: null, version: 1, deletedAt: null, partyNames: '张三、李四',
        });
        expect(data.createdAt).toMatch(isoDateTime);
        expect(Object.keys(data).filter((k) => k.includes('_'))).toEqual([]);
        const big = await h.provider.getOne({ resource: 'mediation_cases', id: ids['100%_done']! });
        expect(big.data.amount).toBe(9007199254740991);
      });

      it('returns enum-sets as arrays and date-times in China Standard Time', async () => {
        const events = await list('publicity_events', { sorters: [{ field: 'title', order: 'asc' }] });
        expect(events.data.map((r) => r.laws)).toEqual([['civil_code', 'constitution'], ['civil_code'], ['anti_fraud_law']]);
        const tickets = await list('hotline_tickets', { sorters: [{ field: 'ticketNo', order: 'asc' }] });
        expect(tickets.data.map((r) => [r.receivedAt, r.closedAt])).toEqual([
          ['2024-03-05T09:30:00+08:00', null],
          ['2024-03-05T09:29:59+08:00', '2024-03-05T18:00:00+08:00'],
        ]);
      });

      it('masks personal fields for readers without the personal-data right', async () => {
        const r = await h.providerAs('reader').getOne({ resource: 'mediation_cases', id: ids.M01! });
        expect(r.data.partyNames).toBe('张*、李*');
        expect(r.data.partyPhones).toBe('138****8000');
        const t = await list('hotline_tickets', { filters: [{ field: 'ticketNo', operator: 'eq', value: 'T1' }] }, h.providerAs('reader'));
        expect(t.data[0]!.callerName).toBe('赵*');
      });
    });

    describe('getOne and getMany', () => {
      it('getOne finds a record, soft-deleted ones too; 404 for a record the user cannot see; 400 for a malformed id', async () => {
        expect((await h.provider.getOne({ resource: 'mediation_cases', id: ids['M06-deleted']! })).data.deletedAt).toMatch(isoDateTime);
        expect((await httpError(() => h.provider.getOne({ resource: 'mediation_cases', id: ids.B01! }))).statusCode).toBe(404);
        expect((await httpError(() => h.provider.getOne({ resource: 'mediation_cases', id: '00000000-0000-4000-8000-00000000dead' }))).statusCode).toBe(404);
        expect((await httpError(() => h.provider.getOne({ resource: 'mediation_cases', id: 'x; drop table x' }))).statusCode).toBe(400);
        expect((await httpError(() => h.provider.getOne({ resource: 'no_such_kind', id: ids.M01! }))).statusCode).toBe(400);
      });

      it('getMany returns the visible records in the order asked', async () => {
        const r = await h.provider.getMany!({ resource: 'mediation_cases', ids: [ids.M02!, ids.B01!, ids.M01!] });
        expect(titles(r.data)).toEqual(['M02', 'M01']);
      });
    });

    describe('create', () => {
      it('creates a record and returns it re-read from the view (version 1, stamped)', async () => {
        const r = await h.provider.create({ resource: 'mediation_cases', variables: newCase('C-NEW', { amount: '12345', partyNames: ' 孙七 ' }) });
        expect(r.data).toMatchObject({ caseNo: 'C-NEW', amount: 12345, partyNames: '孙七', version: 1, deletedAt: null, orgId: ids.orgA });
        expect(r.data.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.data.createdBy).toMatch(/^[0-9a-f-]{36}$/);
        expect((await h.provider.getOne({ resource: 'mediation_cases', id: r.data.id! })).data.caseNo).toBe('C-NEW');
      });

      it('answers 403 「没有权限」 to users without the right to write', async () => {
        for (const role of ['reader', 'outsider'] as const) {
          const e = await httpError(() => h.providerAs(role).create({ resource: 'mediation_cases', variables: newCase(`C-${role}`) }));
          expect([e.statusCode, e.message]).toEqual([403, '没有权限']);
        }
      });

      it('answers 400 with the field and a Chinese message for CHECK, rule and NOT NULL violations', async () => {
        const check = await httpError(() => h.provider.create({ resource: 'mediation_cases', variables: newCase('C-BAD', { partiesCount: 0 }) }));
        expect([check.statusCode, check.errors]).toEqual([400, { partiesCount: ['「涉及人数」不能小于1'] }]);
        const rule = await httpError(() => h.provider.create({ resource: 'mediation_cases', variables: newCase('C-BAD', { closedOn: '2024-04-01' }) }));
        expect([rule.statusCode, rule.errors]).toEqual([400, { closedOn: ['「结案日期」不能早于「受理日期」'] }]);
        const option = await httpError(() => h.provider.create({ resource: 'mediation_cases', variables: newCase('C-BAD', { source: 'rumour' }) }));
        expect(option.statusCode).toBe(400);
        expect(option.errors?.source?.toString()).toContain('「案件来源」的值“rumour”无效');
        const { caseNo: _omit, ...noCaseNo } = newCase('x');
        const required = await httpError(() => h.provider.create({ resource: 'mediation_cases', variables: noCaseNo }));
        expect([required.statusCode, required.errors]).toEqual([400, { caseNo: ['「案件编号」为必填项'] }]);
        const typed = await httpError(() => h.provider.create({ resource: 'mediation_cases', variables: newCase('C-BAD', { partiesCount: 'many', acceptedOn: '2024-02-30' }) }));
        expect([typed.statusCode, Object.keys(typed.errors ?? {}).sort()]).toEqual([400, ['acceptedOn', 'partiesCount']]);
        const unknown = await httpError(() => h.provider.create({ resource: 'mediation_cases', variables: newCase('C-BAD', { nope: 1 }) }));
        expect(Object.keys(unknown.errors ?? {})).toEqual(['nope']);
      });

      it('createMany writes all or nothing and names the failing row', async () => {
        const before = (await list('mediation_cases')).total;
        const e = await httpError(() => h.provider.createMany!({ resource: 'mediation_cases', variables: [newCase('CM-1'), newCase('CM-2', { partiesCount: 0 })] }));
        expect(e.statusCode).toBe(400);
        expect(e.message).toMatch(/^第2条：/);
        expect((await list('mediation_cases')).total).toBe(before);
        const ok = await h.provider.createMany!({ resource: 'mediation_cases', variables: [newCase('CM-1'), newCase('CM-2')] });
        expect(titles(ok.data)).toEqual(['CM-1', 'CM-2']);
      });
    });

    describe('update', () => {
      it('updates with the version read and bumps it; a stale version is 409 with the database message', async () => {
        const { data: created } = await h.provider.create({ resource: 'mediation_cases', variables: newCase('U-1') });
        const r = await h.provider.update({ resource: 'mediation_cases', id: created.id!, variables: { summary: '已更新', version: 1 } });
        expect(r.data).toMatchObject({ summary: '已更新', version: 2 });
        const stale = await httpError(() => h.provider.update({ resource: 'mediation_cases', id: created.id!, variables: { summary: '覆盖', version: 1 } }));
        expect([stale.statusCode, stale.message]).toEqual([409, '记录已被他人修改（当前版本 2），请刷新后重试']);
        const viaMeta = await h.provider.update({ resource: 'mediation_cases', id: created.id!, variables: { summary: '再次' }, meta: { version: 2 } });
        expect(viaMeta.data.version).toBe(3);
      });

      it('requires a version (400), refuses readers (403) and unseen records (404)', async () => {
        const missing = await httpError(() => h.provider.update({ resource: 'mediation_cases', id: ids.M02!, variables: { summary: 'x' } }));
        expect([missing.statusCode, Object.keys(missing.errors ?? {})]).toEqual([400, ['version']]);
        const reader = await httpError(() => h.providerAs('reader').update({ resource: 'mediation_cases', id: ids.M02!, variables: { summary: 'x', version: 1 } }));
        expect([reader.statusCode, reader.message]).toEqual([403, '没有权限']);
        const unseen = await httpError(() => h.provider.update({ resource: 'mediation_cases', id: ids.B01!, variables: { summary: 'x', version: 1 } }));
        expect(unseen.statusCode).toBe(404);
        const check = await httpError(() => h.provider.update({ resource: 'mediation_cases', id: ids.M02!, variables: { partiesCount: -1, version: 1 } }));
        expect([check.statusCode, check.errors]).toEqual([400, { partiesCount: ['「涉及人数」不能小于1'] }]);
      });

      it('does not overwrite a personal field with the mask a clerk without the right was shown', async () => {
        const { data: created } = await h.provider.create({ resource: 'mediation_cases', variables: newCase('U-MASK', { partyNames: '周八' }) });
        const clerk = h.providerAs('clerk');
        const shown = (await clerk.getOne({ resource: 'mediation_cases', id: created.id! })).data;
        expect(shown.partyNames).toBe('周*');
        await clerk.update({ resource: 'mediation_cases', id: created.id!, variables: { ...shown, summary: '经办人修改' } });
        const real = (await h.provider.getOne({ resource: 'mediation_cases', id: created.id! })).data;
        expect([real.partyNames, real.summary, real.version]).toEqual(['周八', '经办人修改', 2]);
      });

      it('updateMany updates each record with its own version', async () => {
        const made = await h.provider.createMany!({ resource: 'mediation_cases', variables: [newCase('UM-1'), newCase('UM-2')] });
        const versions = Object.fromEntries(made.data.map((r) => [r.id as string, 1]));
        const r = await h.provider.updateMany!({ resource: 'mediation_cases', ids: made.data.map((x) => x.id!), variables: { status: 'mediating' }, meta: { versions } });
        expect(r.data.map((x) => [x.status, x.version])).toEqual([['mediating', 2], ['mediating', 2]]);
      });
    });

    describe('delete and restore', () => {
      it('deleteOne soft-deletes (hidden from lists, still found by id) and restore undoes it', async () => {
        const { data: created } = await h.provider.create({ resource: 'mediation_cases', variables: newCase('D-1') });
        const del = await h.provider.deleteOne({ resource: 'mediation_cases', id: created.id!, variables: { version: 1 } });
        expect(del.data.deletedAt).toMatch(isoDateTime);
        expect(del.data.version).toBe(2);
        expect(titles((await list('mediation_cases')).data)).not.toContain('D-1');
        expect(titles((await list('mediation_cases', { meta: { onlyDeleted: true } })).data)).toContain('D-1');
        const restored = await h.provider.custom!({ url: 'restore', method: 'post', payload: { resource: 'mediation_cases', id: created.id, version: 2 } });
        expect((restored.data as Row).deletedAt).toBeNull();
        expect(titles((await list('mediation_cases')).data)).toContain('D-1');
      });

      it('update with meta.restore saves and restores; editing a deleted record otherwise is 409', async () => {
        const { data: created } = await h.provider.create({ resource: 'mediation_cases', variables: newCase('D-2') });
        await h.provider.deleteOne({ resource: 'mediation_cases', id: created.id! });
        const blocked = await httpError(() => h.provider.update({ resource: 'mediation_cases', id: created.id!, variables: { summary: 'x', version: 2 } }));
        expect(blocked.statusCode).toBe(409);
        const r = await h.provider.update({ resource: 'mediation_cases', id: created.id!, variables: { summary: '恢复并修改', version: 2 }, meta: { restore: true } });
        expect([r.data.deletedAt, r.data.summary, r.data.version]).toEqual([null, '恢复并修改', 3]);
      });

      it('delete checks the version, rights and visibility', async () => {
        const { data: created } = await h.provider.create({ resource: 'mediation_cases', variables: newCase('D-3') });
        await h.provider.update({ resource: 'mediation_cases', id: created.id!, variables: { version: 1, summary: 'v2' } });
        const stale = await httpError(() => h.provider.deleteOne({ resource: 'mediation_cases', id: created.id!, variables: { version: 1 } }));
        expect([stale.statusCode, stale.message]).toEqual([409, '记录已被他人修改（当前版本 2），请刷新后重试']);
        const reader = await httpError(() => h.providerAs('reader').deleteOne({ resource: 'mediation_cases', id: created.id! }));
        expect(reader.statusCode).toBe(403);
        const unseen = await httpError(() => h.provider.deleteOne({ resource: 'mediation_cases', id: ids.B01! }));
        expect(unseen.statusCode).toBe(404);
        const many = await h.provider.deleteMany!({ resource: 'mediation_cases', ids: [created.id!], meta: { versions: { [created.id!]: 2 } } });
        expect(many.data[0]!.deletedAt).toMatch(isoDateTime);
      });
    });
  });
}
