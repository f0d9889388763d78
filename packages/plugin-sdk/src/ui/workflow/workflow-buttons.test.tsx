// @vitest-environment jsdom
import { defineRecordKind, options } from '@fazhi/domain';
import type { DataProvider } from '@refinedev/core';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { samplePlugin } from '../../test-fixtures.test-helper.js';
import { clickButton, createPluginDatabase, demoAccount, field, renderPlugin, setDate, setText, type PluginDatabase } from '../../testing/index.js';

// A plugin's own kind whose step asks for a personal field: the clerk without the right sees it
// masked in the dialog. Its workflow is the kind's, so the database generated its trigger (the
// same generator as the built-in kinds') and checks and records the step.
const visits = defineRecordKind({
  id: 'mediation_home_visits',
  label: '调解入户走访',
  area: 'mediation',
  measureWord: '次',
  periodField: 'visitedOn',
  titleField: 'visitNo',
  fields: [
    { key: 'visitNo', label: '走访编号', type: 'text', required: true, listed: true },
    { key: 'visitedOn', label: '走访日期', type: 'date', required: true, listed: true },
    { key: 'visitorName', label: '被走访人', type: 'text', personal: true },
    { key: 'state', label: '状态', type: 'enum', required: true, options: options(['planned', '已安排'], ['done', '已走访']) },
  ],
  workflow: { field: 'state', initial: 'planned', transitions: [{ from: ['planned'], to: 'done', label: '核对被走访人后完成', asks: ['visitorName'] }] },
});
// Two steps where the second offers again what the first required.
const followUps = defineRecordKind({
  id: 'mediation_follow_ups',
  label: '调解跟进事项',
  area: 'mediation',
  measureWord: '项',
  periodField: 'openedOn',
  titleField: 'itemNo',
  fields: [
    { key: 'itemNo', label: '事项编号', type: 'text', required: true, listed: true },
    { key: 'openedOn', label: '登记日期', type: 'date', required: true, listed: true },
    { key: 'plan', label: '跟进方案', type: 'longtext' },
    { key: 'doneOn', label: '完成日期', type: 'date' },
    { key: 'state', label: '状态', type: 'enum', required: true, options: options(['open', '待跟进'], ['doing', '跟进中'], ['done', '已完成']) },
  ],
  workflow: {
    field: 'state',
    initial: 'open',
    transitions: [
      { from: ['open'], to: 'doing', label: '开始跟进', requires: ['plan'] },
      { from: ['open', 'doing'], to: 'done', label: '完成跟进', requires: ['doneOn'], asks: ['plan'] },
    ],
  },
});
const plugin = samplePlugin({ resources: [{ kind: visits }, { kind: followUps }] });
const id = '00000000-0000-4000-a200-000000000001';
const followUpId = '00000000-0000-4000-a200-000000000002';
let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(plugin);
  await database.db.query(`insert into public.mediation_home_visits (id, org_id, visit_no, visited_on, visitor_name, state) values ($1, $2, '访〔2024〕1号', '2024-05-01', '张三丰', 'planned')`, [
    id,
    database.dataset.manifest.rootOrgId,
  ]);
  await database.db.query(`insert into public.mediation_follow_ups (id, org_id, item_no, opened_on, state) values ($1, $2, '跟〔2024〕1号', '2024-05-01', 'open')`, [
    followUpId,
    database.dataset.manifest.rootOrgId,
  ]);
}, 120_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

test('a workflow dialog shows a masked personal field read-only, does not send it when kept, and the database records the step', async () => {
  const sent: Record<string, unknown>[] = [];
  const recording = (p: Required<DataProvider>): DataProvider => ({ ...p, custom: async (args) => (sent.push({ url: args.url, ...(args.payload as object) }), p.custom(args)) });
  await renderPlugin(plugin, { user: 'mediation', database, route: `/mediation/mediation-home-visits/show/${id}`, wrapDataProvider: recording });
  await clickButton('核对被走访人后完成');
  const dialog = (await screen.findByRole('dialog')) as HTMLElement;
  const name = field('被走访人', { container: dialog });
  expect(name.value).toMatch(/\*/);
  expect(name.readOnly).toBe(true);
  await clickButton('确定', { container: dialog });
  await screen.findByText('当前状态：已走访', {}, { timeout: 15_000 });
  expect(sent.filter((s) => s.url === 'take-step')).toHaveLength(1);
  const step = sent.find((s) => s.url === 'take-step') as { resource: string; id: string; values: Record<string, unknown> };
  expect(step).toMatchObject({ resource: 'mediation_home_visits', id, to: 'done', version: 1 });
  expect(step.values).not.toHaveProperty('visitorName');
  const after = (await database.db.query('select visitor_name, state from public.mediation_home_visits where id = $1', [id])).rows[0];
  expect(after).toEqual({ visitor_name: '张三丰', state: 'done' });
  const steps = (await database.db.query('select label, taken_by from public.record_steps where record_id = $1', [id])).rows;
  expect(steps).toEqual([{ label: '核对被走访人后完成', taken_by: demoAccount('mediation').id }]);
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
});

test('a later step’s dialog shows what an earlier step saved in a field it asks for again, and keeps it', async () => {
  await renderPlugin(plugin, { user: 'mediation', database, route: `/mediation/mediation-follow-ups/show/${followUpId}` });
  await clickButton('开始跟进');
  let dialog = (await screen.findByRole('dialog')) as HTMLElement;
  setText('跟进方案', '每周电话回访一次', { container: dialog });
  await clickButton('确定', { container: dialog });
  await screen.findByText('当前状态：跟进中', {}, { timeout: 15_000 });
  await clickButton('完成跟进');
  // The closed dialog may linger in jsdom (antd's leave animation): take the one of this step.
  dialog = await waitFor(() => screen.getAllByRole('dialog').find((d) => d.textContent?.startsWith('完成跟进'))!, { timeout: 10_000 });
  expect(field('跟进方案', { container: dialog }).value).toBe('每周电话回访一次');
  await setDate('完成日期', '2024-06-01', { container: dialog });
  await clickButton('确定', { container: dialog });
  await screen.findByText('当前状态：已完成', {}, { timeout: 15_000 });
  const after = (await database.db.query('select plan, done_on::text as done_on, state from public.mediation_follow_ups where id = $1', [followUpId])).rows[0];
  expect(after).toEqual({ plan: '每周电话回访一次', done_on: '2024-06-01', state: 'done' });
});
