// @vitest-environment jsdom
import { demoOrgsOf } from '@fazhi/db';
import { todayInShanghai, type RecordKind } from '@fazhi/domain';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createPluginDatabase, renderPlugin, type PluginDatabase } from '../../testing/index.js';
import { chooseOption, clickButton } from '../../testing/index.js';
import { insertRecords, pointStaff, pointTasks, pointTrainings, recordListQueries, viewsPlugin } from '../views/views-kinds.test-helper.js';

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

/** Until nothing loads and every query a change caused has been asked for (a rebuilt list asks again after its mount). */
const settle = async () => {
  await waitFor(() => expect(document.querySelector('.ant-spin-spinning')).toBeNull(), { timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 300));
};
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 15_000 });

test('a page or sort change asks one list query and one related-sum query, and no row resolves the route', async () => {
  const { calls, wrapDataProvider } = recordListQueries();
  let resolvers = 0;
  await renderPlugin(plugin, {
    user: 'admin',
    database,
    route: '/service-points/point-staff',
    dashboardYear: year,
    wrapDataProvider,
    wrapRouterProvider: (r) => ({
      ...r,
      parse: function useCountedParse() {
        useState(() => resolvers++);
        return r.parse!();
      },
    }),
  });
  await total(staff.length);
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
  const { calls, wrapDataProvider } = recordListQueries((params) => `${params.resource} ${params.pagination?.pageSize}`);
  await renderPlugin(plugin, {
    user: 'admin',
    database,
    route: '/service-points/point-tasks',
    wrapDataProvider,
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

test('a filter or page change renders each row of the new page once, not the old rows again for the spinner, the form or the address', async () => {
  // Each render of a row's actions asks for the word 查看 once: the count of row renders.
  let rowRenders = 0;
  await renderPlugin(plugin, {
    user: 'admin',
    database,
    route: '/service-points/point-tasks',
    wrapI18nProvider: (p) => ({
      ...p,
      translate: (key, ...rest) => {
        if (key === 'buttons.show') rowRenders++;
        return p.translate(key, ...rest);
      },
    }),
  });
  await total(tasks.length);
  await settle();
  const rowsShown = () => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length;
  // The next page: the last 10 of 30 tasks.
  rowRenders = 0;
  fireEvent.click(screen.getByTitle('下一页'));
  await waitFor(() => expect(rowsShown()).toBe(tasks.length - 20), { timeout: 15_000 });
  await settle();
  expect(rowRenders).toBe(tasks.length - 20);
  // A filter: the done tasks, on the first page.
  const done = tasks.filter((t) => t.stage === 'done').length;
  await chooseOption('进度', '已办结');
  rowRenders = 0;
  await clickButton('查询');
  await total(done);
  await settle();
  expect(rowsShown()).toBe(done);
  expect(rowRenders).toBe(done);
}, 90_000);

test('on a list that follows the header year, the first filter asks for the records once (the list is not rebuilt when its URL gains the filter)', async () => {
  const { calls, wrapDataProvider } = recordListQueries();
  await renderPlugin(plugin, {
    user: 'admin',
    database,
    route: '/service-points/point-trainings',
    dashboardYear: year,
    wrapDataProvider,
  });
  await total(staff.length);
  await screen.findByText(`按页头所选年份（${year}年）显示；在「期间」中可改选其他年份或全部`);
  await settle();
  calls.length = 0;
  // February of the header's year: the trainings were all in January.
  await chooseOption('期间类型', '2月');
  await clickButton('查询');
  await screen.findAllByText('暂无数据', {}, { timeout: 15_000 });
  await settle();
  expect(calls).toEqual(['point_trainings']);
  // The form keeps what was chosen.
  expect(document.querySelector('[aria-label="期间类型"]')?.closest('.ant-select')?.textContent).toBe('2月');
}, 90_000);
