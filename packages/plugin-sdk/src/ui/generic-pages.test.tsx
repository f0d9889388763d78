// @vitest-environment jsdom
import { formatIndicator } from '@fazhi/metrics';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { patrolPlugin } from '../test-kind.test-helper.js';
import { chooseOption, clickButton, createPluginDatabase, renderPlugin, setDate, setText, type PluginDatabase } from '../testing/index.js';

// The SDK's generic pages on a kind no fazhi package ships (its own area, table, indicator), through
// the harness on the embedded database: what a third-party plugin gets with declarations only.
const plugin = patrolPlugin();
const list = '/legal-points/legal-point-patrols';
let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(plugin);
}, 120_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const created = async (patrolNo: string) => {
  const { data } = await database.db.query<{ id: string; visitors: number | null; finding: string | null; state: string; version: number }>(
    'select id, visitors, finding, state, version from public.legal_point_patrols where patrol_no = $1 and deleted_at is null',
    [patrolNo],
  ).then((r) => ({ data: r.rows }));
  return data;
};

describe('generic pages on a plugin-only kind', () => {
  test('create saves the record and opens it; show and list display it', async () => {
    const r = await renderPlugin(plugin, { database, route: `${list}/create` });
    await screen.findByText('巡查', {}, { timeout: 15_000 });
    setText('巡查编号', '巡〔2025〕1号');
    await setDate('巡查日期', '2025-03-05');
    setText('接待人数', '12');
    await clickButton('保存');
    await waitFor(() => expect(r.location()).toMatch(/\/legal-points\/legal-point-patrols\/show\//), { timeout: 15_000 });
    // The workflow's initial state, set by the form.
    expect(await screen.findByText('当前状态：已安排', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getAllByText('巡〔2025〕1号').length).toBeGreaterThan(0);
    const rows = await created('巡〔2025〕1号');
    expect(rows).toEqual([expect.objectContaining({ visitors: 12, state: 'planned', version: 1 })]);
    cleanup();

    await renderPlugin(plugin, { database });
    await screen.findByText('共 1 条', {}, { timeout: 15_000 });
    const cells = [...document.querySelectorAll('.ant-table-tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(expect.arrayContaining(['巡〔2025〕1号', '2025-03-05', '已安排', '12']));
  });

  test('edit changes a field and keeps the rest', async () => {
    const [row] = await created('巡〔2025〕1号');
    const r = await renderPlugin(plugin, { database, route: `${list}/edit/${row!.id}` });
    await waitFor(() => expect((document.querySelector('textarea') as HTMLTextAreaElement | null)?.disabled).toBe(false), { timeout: 15_000 });
    setText('巡查发现', '宣传资料不足');
    await clickButton('保存');
    await waitFor(() => expect(r.location()).toMatch(/\/show\//), { timeout: 15_000 });
    const [after] = await created('巡〔2025〕1号');
    expect(after).toMatchObject({ finding: '宣传资料不足', visitors: 12, state: 'planned', version: 2 });
  });

  test('a workflow step moves the record to its next state', async () => {
    const [row] = await created('巡〔2025〕1号');
    await renderPlugin(plugin, { database, route: `${list}/show/${row!.id}` });
    await screen.findByText('当前状态：已安排', {}, { timeout: 15_000 });
    await clickButton('完成巡查');
    const dialog = (await screen.findByRole('dialog')) as HTMLElement;
    await clickButton('确定', { container: dialog });
    await screen.findByText('当前状态：已完成', {}, { timeout: 15_000 });
    const [after] = await created('巡〔2025〕1号');
    expect(after!.state).toBe('done');
  });

  test('the show page lists the steps taken; the street admin undoes the last one with a reason', async () => {
    const [row] = await created('巡〔2025〕1号');
    await renderPlugin(plugin, { database, route: `${list}/show/${row!.id}` });
    await screen.findByText('已安排 → 已完成', {}, { timeout: 15_000 });
    await clickButton('撤销“完成巡查”');
    const dialog = (await screen.findByRole('dialog')) as HTMLElement;
    setText('撤销理由（必填，将记入办理记录）', '接待人数待核实', { container: dialog });
    await clickButton('确定', { container: dialog });
    await screen.findByText('当前状态：已安排', {}, { timeout: 15_000 });
    await screen.findByText(/已由.+撤销：接待人数待核实/, {}, { timeout: 15_000 });
    const [after] = await created('巡〔2025〕1号');
    expect(after!.state).toBe('planned');
  });

  test('the dashboard shows the plugin’s own indicator, computed in the database as the user, as a card and in its group’s table', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(plugin, { database, route: '/legal-points', dashboardYear: 2025, dashboardOrgId: root });
    const indicator = database.model.catalog.indicators.find((i) => i.id === 'legal_points.patrols')!;
    await waitFor(() => expect(screen.getAllByText(formatIndicator(indicator, 1))).toHaveLength(2), { timeout: 15_000 });
    const card = document.querySelector('[data-indicator="legal_points.patrols"]')!;
    expect(card.textContent).toContain('法律服务点巡查次数');
    expect(screen.getByRole('row', { name: /法律服务点巡查次数/ })).toBeTruthy();
  });

  test('a ref field offers the records of a plugin kind by their title, from the composed registry', async () => {
    const [patrol] = await created('巡〔2025〕1号');
    const r = await renderPlugin(plugin, { database, route: '/legal-points/legal-point-followups/create' });
    await screen.findAllByLabelText('所属巡查', {}, { timeout: 15_000 });
    // Labelled by the target kind's title field (巡查编号), not by the record's id.
    await chooseOption('所属巡查', '巡〔2025〕1号');
    await setDate('整改日期', '2025-03-20');
    setText('整改说明', '补充宣传资料');
    await clickButton('保存');
    await waitFor(() => expect(r.location()).toMatch(/\/legal-points\/legal-point-followups\/show\//), { timeout: 15_000 });
    const { rows } = await database.db.query<{ patrol: string }>("select patrol from public.legal_point_followups where note = '补充宣传资料'");
    expect(rows).toEqual([{ patrol: patrol!.id }]);
  });
});
