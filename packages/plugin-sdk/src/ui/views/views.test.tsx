// @vitest-environment jsdom
import { demoOrgsOf } from '@fazhi/db';
import { todayInShanghai, type RecordKind } from '@fazhi/domain';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { AttentionCondition, AttentionRule } from '../../plugin.js';
import { clickButton, createPluginDatabase, renderPlugin, type PluginDatabase } from '../../testing/index.js';
import { attentionRulesOf, meetsRule, ruleFilter } from './attention.js';
import { insertRecords, pointStaff, pointTasks, pointTrainings, recordListQueries, viewsPlugin } from './views-kinds.test-helper.js';

// The declared views (attention rules, board, related-sum roster, menu group) on kinds no fazhi
// package ships, through the harness on the embedded database.
const plugin = viewsPlugin;
const tasksList = '/service-points/point-tasks';
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Task = { id: string; taskNo: string; ownerDept: string | null; assignedOn: string; deadline: string | null; stage: string; rating: string | null; urgent: boolean | null };
const taskArb = fc.record({
  ownerDept: fc.constantFrom('城管科', '综治办', null),
  deadlineIn: fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
  stage: fc.constantFrom('open', 'doing', 'done'),
  rating: fc.constantFrom('good', 'bad', null),
  urgent: fc.constantFrom(true, false, null),
});
/** 120 tasks, the same every run; deadlines around today, some missing. */
const tasks: Task[] = fc.sample(taskArb, { seed: 20261205, numRuns: 120 }).map((t, i) => ({
  id: `task-${i}`,
  taskNo: `T${String(i).padStart(3, '0')}`,
  ownerDept: t.ownerDept,
  assignedOn: shift(-60),
  deadline: t.deadlineIn === null ? null : shift(t.deadlineIn),
  stage: t.stage,
  rating: t.rating,
  urgent: t.urgent,
}));

let database: PluginDatabase;
let streetOrg: string;
const insert = (kind: RecordKind, records: readonly Record<string, unknown>[]) => insertRecords(database.db, kind, streetOrg, records);

beforeAll(async () => {
  database = await createPluginDatabase(plugin);
  streetOrg = demoOrgsOf(database.dataset.orgs, database.dataset.manifest.rootOrgId).streetId;
  await insert(pointTasks, tasks);
  await insert(pointStaff, [
    { id: 'staff-a', name: '甲', since: '2020-01-01' },
    { id: 'staff-b', name: '乙', since: '2020-01-01' },
    { id: 'staff-c', name: '丙', since: '2020-01-01' },
  ]);
  await insert(pointTrainings, [
    { id: 'tr-1', staffId: 'staff-a', course: '执法规范', trainedOn: `${year}-01-10`, hours: 40 },
    { id: 'tr-2', staffId: 'staff-a', course: '案例研讨', trainedOn: `${year}-01-20`, hours: 30 },
    { id: 'tr-3', staffId: 'staff-b', course: '执法规范', trainedOn: `${year}-01-10`, hours: 40 },
    // Last year's hours do not count toward this year's line.
    { id: 'tr-4', staffId: 'staff-b', course: '去年培训', trainedOn: `${year - 1}-11-10`, hours: 30 },
  ]);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const [overdue, unrated] = attentionRulesOf(plugin.resources[0]!) as [AttentionRule, AttentionRule];
const expected = (rule: AttentionRule) => tasks.filter((t) => meetsRule(rule, t, today));
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 15_000 });

describe('attention rules', () => {
  test('the database filter and the browser test agree on every rule, for random rules over the fields', async () => {
    const r = await renderPlugin(plugin, { user: 'admin', database, route: tasksList });
    await total(tasks.length);
    const provider = r.dataProvider;
    const condition: fc.Arbitrary<AttentionCondition> = fc.oneof(
      fc.constantFrom('ownerDept', 'rating', 'deadline', 'urgent').map((field) => ({ field, empty: true as const })),
      fc.constantFrom('ownerDept', 'rating', 'deadline', 'urgent').map((field) => ({ field, filled: true as const })),
      fc.boolean().map((is) => ({ field: 'urgent', is })),
      fc.subarray(['open', 'doing', 'done']).map((v) => ({ field: 'stage', in: v })),
      fc.subarray(['good', 'bad']).map((v) => ({ field: 'rating', notIn: v })),
      fc.subarray(['open', 'doing', 'done']).map((v) => ({ field: 'stage', notIn: v })),
      fc.constant({ field: 'deadline', before: 'today' as const }),
      fc.integer({ min: 0, max: 45 }).map((withinDays) => ({ field: 'deadline', withinDays })),
    );
    const rules = fc.array(condition, { minLength: 1, maxLength: 3 }).map((when): AttentionRule => ({ id: 'random', label: '随机', when }));
    const dbIds = async (rule: AttentionRule) => {
      const { data } = await provider.getList({ resource: 'point_tasks', filters: [ruleFilter(rule, today, true)], pagination: { mode: 'off' } });
      return data.map((d) => String(d.taskNo)).sort();
    };
    for (const rule of [overdue, unrated]) expect(await dbIds(rule)).toEqual(expected(rule).map((t) => t.taskNo).sort());
    expect(expected(overdue).length).toBeGreaterThan(5);
    expect(expected(unrated).length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(rules, async (rule) => {
        expect(await dbIds(rule)).toEqual(expected(rule).map((t) => t.taskNo).sort());
      }),
      { numRuns: 300, seed: 7 },
    );
    // Switched off, a rule filters nothing.
    const all = await provider.getList({ resource: 'point_tasks', filters: [ruleFilter(overdue, today, false)], pagination: { mode: 'off' } });
    expect(all.total).toBe(tasks.length);
  }, 120_000);

  test('the list tags overdue and unrated rows, and 只看已逾期 narrows it to them', async () => {
    await renderPlugin(plugin, { user: 'admin', database, route: tasksList });
    await total(tasks.length);
    const firstPage = tasks.slice(0, 20);
    const rows = [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')];
    expect(rows).toHaveLength(20);
    const tagged = rows.filter((tr) => tr.classList.contains('fazhi-row-attention')).map((tr) => tr.querySelector('td')?.textContent?.slice(0, 4));
    expect(tagged).toEqual(firstPage.filter((t) => meetsRule(overdue, t, today) || meetsRule(unrated, t, today)).map((t) => t.taskNo));
    expect(screen.queryAllByText('已逾期')).toHaveLength(firstPage.filter((t) => meetsRule(overdue, t, today)).length);

    fireEvent.click(screen.getByLabelText('只看已逾期'));
    await clickButton('查询');
    await total(expected(overdue).length);
    fireEvent.click(screen.getByLabelText('只看已逾期'));
    fireEvent.click(screen.getByLabelText('只看未评价'));
    await clickButton('查询');
    await total(expected(unrated).length);
  }, 60_000);
});

test('speaks English when asked: the default overdue label and the filter through the i18n layer', async () => {
  await renderPlugin(plugin, { user: 'admin', database, route: tasksList, locale: 'en' });
  expect(await screen.findByText(`${tasks.length} in total`, {}, { timeout: 15_000 })).toBeTruthy();
  expect(screen.getByLabelText('Only Overdue')).toBeTruthy();
  expect(screen.queryAllByText('Overdue')).toHaveLength(tasks.slice(0, 20).filter((t) => meetsRule(overdue, t, today)).length);
  // A declared rule without labelEn keeps its Chinese label.
  expect(screen.getByLabelText('Only 未评价')).toBeTruthy();
}, 60_000);

describe('board', () => {
  test('groups the tasks by stage with owner department and deadline, overdue cards highlighted', async () => {
    await renderPlugin(plugin, { user: 'admin', database, route: tasksList });
    await total(tasks.length);
    fireEvent.click(screen.getByText('看板'));
    const column = async (label: string) => (await screen.findByRole('region', { name: label }, { timeout: 15_000 })) as HTMLElement;
    for (const [value, label] of [['open', '待办'], ['doing', '办理中'], ['done', '已办结']] as const) {
      const el = await column(label);
      const mine = tasks.filter((t) => t.stage === value);
      await waitFor(() => expect(el.querySelectorAll('.ant-card')).toHaveLength(mine.length), { timeout: 15_000 });
      expect(el.querySelectorAll('.fazhi-card-attention')).toHaveLength(mine.filter((t) => meetsRule(overdue, t, today) || meetsRule(unrated, t, today)).length);
      const sample = mine.find((t) => t.ownerDept && t.deadline)!;
      const card = [...el.querySelectorAll('.ant-card')].find((c) => c.textContent?.startsWith(sample.taskNo))!;
      expect(card.textContent).toContain(`责任部门：${sample.ownerDept}`);
      expect(card.textContent).toContain(`完成期限：${sample.deadline}`);
    }
    // Done tasks are never overdue, whatever their deadline.
    expect((await column('已办结')).textContent).not.toContain('已逾期');
  }, 60_000);
});

describe('roster with a threshold line', () => {
  test("sums each person's training hours of the chosen year and marks those below the line", async () => {
    await renderPlugin(plugin, { user: 'admin', database, route: '/service-points/point-staff', dashboardYear: year });
    await total(3);
    expect(await screen.findByText('年度培训学时（60学时线）')).toBeTruthy();
    const row = (name: string) => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].find((tr) => tr.querySelector('td')?.textContent === name)!;
    await waitFor(() => expect(row('甲').textContent).toContain('70'), { timeout: 15_000 });
    expect(row('甲').textContent).not.toContain('未达');
    expect(row('甲').classList.contains('fazhi-row-attention')).toBe(false);
    expect(row('乙').textContent).toContain('40未达60学时');
    expect(row('乙').classList.contains('fazhi-row-attention')).toBe(true);
    expect(row('丙').textContent).toContain('0未达60学时');
  }, 60_000);

  test('another year sums that year only', async () => {
    await renderPlugin(plugin, { user: 'admin', database, route: '/service-points/point-staff', dashboardYear: year - 1 });
    await total(3);
    const row = (name: string) => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].find((tr) => tr.querySelector('td')?.textContent === name)!;
    await waitFor(() => expect(row('乙').textContent).toContain('30未达60学时'), { timeout: 15_000 });
    expect(row('甲').textContent).toContain('0未达60学时');
  }, 60_000);
});

describe('list paging and sorting', () => {
  // jsdom is narrow, so antd shows its simple pager: 上一页, an input with the page, 下一页.
  const pageShown = () => (document.querySelector('.ant-pagination-simple-pager input') as HTMLInputElement | null)?.value;
  test('one list query per page change or sort, and the list is not rebuilt by its own URL write', async () => {
    const { calls: lists, wrapDataProvider } = recordListQueries((params) =>
      params.resource === 'point_tasks' ? JSON.stringify([params.pagination, params.sorters, params.filters, params.meta]) : undefined,
    );
    await renderPlugin(plugin, { user: 'admin', database, route: tasksList, wrapDataProvider });
    await total(tasks.length);
    // Every query the change caused has been asked for (a rebuilt list asks again after its mount).
    const settle = async () => {
      await waitFor(() => expect(document.querySelector('.ant-spin-spinning')).toBeNull(), { timeout: 15_000 });
      await new Promise((r) => setTimeout(r, 300));
    };
    await settle();
    for (const page of ['2', '3']) {
      lists.length = 0;
      fireEvent.click(screen.getByTitle('下一页'));
      await waitFor(() => expect(pageShown()).toBe(page), { timeout: 15_000 });
      await settle();
      expect(lists, lists.join('\n')).toHaveLength(1);
    }
    lists.length = 0;
    fireEvent.click(screen.getAllByText('任务编号', { selector: 'th *' })[0]!);
    await settle();
    expect(lists, lists.join('\n')).toHaveLength(1);
    expect(lists[0]).toContain('"order":"desc"');
    lists.length = 0;
    fireEvent.click(screen.getByLabelText('只看已逾期'));
    await clickButton('查询');
    await total(expected(overdue).length);
    await settle();
    expect(lists, lists.join('\n')).toHaveLength(1);
  }, 60_000);
});
