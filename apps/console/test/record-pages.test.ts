// @vitest-environment jsdom
import { formatValue, type Catalog } from '@fazhi/metrics';
import mediation from '@fazhi/plugin-mediation';
import { createPluginDatabase, renderPlugin, sqlIndicatorSource, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

// What every plugin's pages get from the SDK, shown on a built-in plugin in the harness over the
// real embedded database: a dashboard figure opens the records behind it, and a record's page
// carries its 操作日志 with personal values masked for a clerk without the right.

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(mediation);
}, 300_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const wait = { timeout: 30_000 };
const root = () => database.dataset.manifest.rootOrgId;
const indicator = (catalog: Catalog, id: string) => catalog.indicators.find((i) => i.id === id)!;

describe('figure drill-down in the harness', () => {
  test('a card opens its records: the count is the list’s total, a rate shows both sides, a sum its 合计; the banner closes', async () => {
    const r = await renderPlugin(mediation, { user: 'mediation', database, route: '/mediation', dashboardYear: 2024, dashboardOrgId: root() });
    const catalog = database.model.catalog;
    const [cases, amount, rate] = await sqlIndicatorSource(database.db, r.user.id, catalog).compare(
      ['mediation.successful_cases', 'mediation.successful_amount', 'mediation.success_rate'],
      root(),
      { kind: 'year', year: 2024 },
    );
    // The card's link (the group's table links the same figure with the same words).
    const open = async (id: string) => {
      const links = await screen.findAllByLabelText(`查看构成「${indicator(catalog, id).label}」的记录`, {}, wait);
      fireEvent.click(links.find((a) => a.closest(`[data-indicator="${id}"]`))!);
    };

    await open('mediation.successful_cases');
    expect(await screen.findByText(`来自指标：${indicator(catalog, 'mediation.successful_cases').label}`, {}, wait)).toBeTruthy();
    expect(r.location()).toMatch(/^\/mediation\/mediation-cases\?drill=mediation\.successful_cases&part=numerator&org=.+&from=2024-01-01&to=2025-01-01$/);
    await screen.findByText(`共 ${cases!.current.value} 条`, {}, wait);
    expect(screen.getByText(/^口径：/).textContent).toContain(catalog.measures.find((m) => m.id === 'mediation.successful_cases')!.description);

    // A rate: both measures one click away, each with its count.
    r.unmount();
    const r2 = await renderPlugin(mediation, { user: 'mediation', database, route: '/mediation', dashboardYear: 2024, dashboardOrgId: root() });
    await open('mediation.success_rate');
    await waitFor(() => expect(document.querySelector('[data-drill-part="denominator"]')?.textContent).toContain(`${rate!.current.denominator!.value} 条`), wait);
    expect(document.querySelector('[data-drill-part="numerator"]')?.textContent).toContain(`${rate!.current.numerator.value} 条`);
    fireEvent.click(screen.getByText(/^分母：/));
    await screen.findByText(`共 ${rate!.current.denominator!.value} 条`, {}, wait);
    expect(r2.location()).toContain('part=denominator');
    // Closing the banner drops the conditions.
    fireEvent.click(screen.getByLabelText('清除指标条件'));
    await waitFor(() => expect(r2.location()).toBe('/mediation/mediation-cases'), wait);
    expect(screen.queryByText(/^来自指标：/)).toBeNull();

    // A sum: the 合计 row equals the figure.
    r2.unmount();
    await renderPlugin(mediation, { user: 'mediation', database, route: '/mediation', dashboardYear: 2024, dashboardOrgId: root() });
    await open('mediation.successful_amount');
    const i = amount!.current.indicator;
    const total = `合计：${formatValue(amount!.current.value, i.valueType, i.unit, i.decimals)}`;
    await waitFor(() => expect(document.querySelector('[data-drill-total]')?.textContent).toBe(total), wait);
  }, 180_000);
});

describe('操作日志 in the harness', () => {
  test('an edit shows old and new value; the clerk without the personal grant sees them masked, the admin as they were', async () => {
    const street = database.dataset.orgs.subtreeIds(root());
    const target = database.dataset.records.get('mediation_cases')!.find((c) => !c.deletedAt && street.has(c.orgId))!;
    const id = String(target.id);
    const admin = await renderPlugin(mediation, { user: 'admin', database, route: `/mediation/mediation-cases/show/${id}` });
    const edit = async (variables: Record<string, unknown>) => {
      const current = await admin.dataProvider.getOne({ resource: 'mediation_cases', id });
      await admin.dataProvider.update({ resource: 'mediation_cases', id, variables: { ...variables, version: current.data.version } });
    };
    await edit({ partyNames: '张三丰' });
    await edit({ partyNames: '王五六', summary: '操作日志测试' });
    admin.unmount();

    const change = (field: string) => [...document.querySelectorAll(`[data-history-field="${field}"]`)].map((e) => e.textContent);
    await renderPlugin(mediation, { user: 'mediation', database, route: `/mediation/mediation-cases/show/${id}` });
    expect(await screen.findByText('操作日志', {}, wait)).toBeTruthy();
    await waitFor(() => expect(change('summary')).toContainEqual(expect.stringContaining('→ 操作日志测试')), wait);
    expect(change('partyNames')).toContain('当事人姓名：张** → 王**');
    expect(document.body.textContent).not.toMatch(/张三丰|王五六/);
    cleanup();

    await renderPlugin(mediation, { user: 'admin', database, route: `/mediation/mediation-cases/show/${id}` });
    await waitFor(() => expect(change('partyNames')).toContain('当事人姓名：张三丰 → 王五六'), wait);
  }, 180_000);
});
