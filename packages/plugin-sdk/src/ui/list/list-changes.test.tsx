// @vitest-environment jsdom
import { demoOrgsOf } from '@fazhi/db';
import { todayInShanghai, type RecordKind } from '@fazhi/domain';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createPluginDatabase, renderPlugin, type PluginDatabase } from '../../testing/index.js';
import { clickButton } from '../../testing/index.js';
import { insertRecords, pointStaff, pointTasks, pointTrainings, viewsPlugin } from '../views/views-kinds.test-helper.js';

// What one page or sort change of a list costs the browser: the data provider's calls, and how many
// components newly resolve the route through Refine (each one matches the URL against every
// resource of the console when it mounts), on a roster with a related-sum column.
const plugin = viewsPlugin;
const year = Number(todayInShanghai().slice(0, 4));
const staff = Array.from({ length: 45 }, (_, i) => ({ id: `staff-${i}`, name: `人员${String(i).padStart(2, '0')}`, since: `2020-01-${String((i % 28) + 1).padStart(2, '0')}` }));
const hours = (i: number) => i * 2;
/** Tasks for the 看板: every third one done without a rating (the 未评价 rule). */
const tasks = Array.from({ length: 30 }, (_, i) => ({ id: `task-${i}`, taskNo: `T${String(i).padStart(3, '0')}`, assignedOn: `${year}-01-05`, stage: i % 3 === 0 ? 'done' : 'open', rating: null }));

let database: PluginDatabase;
let streetOrg: string;
const insert = (kind: RecordKind, records: readonly Record<string, unknown>[]) => insertRecords(database.db, kind, streetOrg, records);

beforeAll(async () => {
  database = await createPluginDatabase(plugin);
  streetOrg = demoOrgsOf(database.dataset.orgs, database.dataset.manifest.rootOrgId).streetId;
  await insert(pointStaff, staff);
  await insert(pointTasks, tasks);
  await insert(pointTrainings, staff.map((s, i) => ({ id: `tr-${i}`, staffId: s.id, course: '执法规范', trainedOn: `${year}-01-10`, hours: hours(i) })));
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

test('a page or sort change asks one list query and one related-sum query, and no row resolves the route', async () => {
  const calls: string[] = [];
  let resolvers = 0;
  await renderPlugin(plugin, {
    user: 'admin',
    database,
    route: '/service-points/point-staff',
    dashboardYear: year,
    wrapDataProvider: (p) => ({
      ...p,
      getList: (params) => {
        calls.push(params.resource);
        return p.getList(params);
      },
    }),
    wrapRouterProvider: (r) => ({
      ...r,
      parse: function useCountedParse() {
        useState(() => resolvers++);
        return r.parse!();
      },
    }),
  });
  await screen.findByText('共 45 条', {}, { timeout: 15_000 });
  const settle = async () => {
    await waitFor(() => expect(document.querySelector('.ant-spin-spinning')).toBeNull(), { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 300));
  };
  const rowsShown = () => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].map((tr) => tr.querySelector('td')?.textContent);
  const sumOf = (name: string) => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].find((tr) => tr.querySelector('td')?.textContent === name)?.textContent ?? '';
  await settle();
  const change = async (act: () => void, firstRow: string) => {
    calls.length = 0;
    resolvers = 0;
    act();
    await waitFor(() => expect(rowsShown()[0]).toBe(firstRow), { timeout: 15_000 });
    await settle();
    // Each row's sum is shown, from the one query for the page's records.
    const i = staff.findIndex((s) => s.name === firstRow);
    await waitFor(() => expect(sumOf(firstRow)).toContain(String(hours(i))), { timeout: 15_000 });
    expect(calls.sort()).toEqual(['point_staff', 'point_trainings']);
    // The 20 new rows: before, each row's actions and title link resolved the route (≥ 20 × 5).
    expect(resolvers).toBeLessThan(10);
  };
  await change(() => fireEvent.click(screen.getByTitle('下一页')), '人员20');
  await change(() => fireEvent.click(screen.getByTitle('下一页')), '人员40');
  await change(() => fireEvent.click(screen.getAllByText('姓名', { selector: 'th *' })[0]!), staff.map((s) => s.name).sort().reverse()[40]!);
}, 90_000);

test('in the 看板 view a filter asks the board its records once, and the hidden table nothing', async () => {
  const calls: string[] = [];
  await renderPlugin(plugin, {
    user: 'admin',
    database,
    route: '/service-points/point-tasks',
    wrapDataProvider: (p) => ({
      ...p,
      getList: (params) => {
        calls.push(`${params.resource} ${params.pagination?.pageSize}`);
        return p.getList(params);
      },
    }),
  });
  await screen.findByText(`共 ${tasks.length} 条`, {}, { timeout: 15_000 });
  fireEvent.click(screen.getByText('看板'));
  const done = async () => (await screen.findByRole('region', { name: '已办结' }, { timeout: 15_000 })) as HTMLElement;
  await waitFor(async () => expect((await done()).querySelectorAll('.ant-card')).toHaveLength(tasks.filter((t) => t.stage === 'done').length), { timeout: 15_000 });
  calls.length = 0;
  fireEvent.click(screen.getByLabelText('只看未评价'));
  await clickButton('查询');
  // Only unrated done tasks are left: the open ones leave their column.
  await waitFor(async () => expect((await screen.findByRole('region', { name: '待办' })).querySelectorAll('.ant-card')).toHaveLength(0), { timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 300));
  expect(calls).toEqual(['point_tasks 200']);
  // Back to the list: the table reads with the filter then.
  fireEvent.click(screen.getByText('列表'));
  await screen.findByText(`共 ${tasks.filter((t) => t.stage === 'done').length} 条`, {}, { timeout: 15_000 });
}, 90_000);
