// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { Evaluator, formatChange, formatIndicator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, renderPlugin, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import organisation from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(organisation);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

/** Live seed attributes of the demo street (what RLS lets its accounts read). */
const live = () => database.liveRecords('org_attributes');
const list = '/organisation/org-attributes';
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });
const root = () => database.dataset.manifest.rootOrgId;
const year2024 = { kind: 'year', year: 2024 } as const;

describe('organisation', () => {
  test('the clerk sees the street’s attributes and filters them to one attribute’s history', async () => {
    await renderPlugin(organisation, { user: 'organisation', database, route: list });
    await total(live().length);
    await chooseOption('属性', '全面依法治街委员会成员人数'); // within the first options antd's virtual list renders
    await clickButton('查询');
    await total(live().filter((a) => a.attribute === 'law_committee_members').length);
  }, 60_000);

  test('the dashboard shows the 2024 法律顾问人数 and 网格数 with 同比 and the month-end trend', async () => {
    await renderPlugin(organisation, { user: 'organisation', database, route: '/organisation', dashboardYear: 2024, dashboardOrgId: root() });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    for (const id of ['organisation.legal_counsel_count', 'organisation.grid_cells', 'organisation.village_counsel_rate']) {
      const c = ev.compare(id, root(), year2024);
      expect(c.current.value).toBeGreaterThan(0);
      expect((await screen.findAllByText(formatIndicator(c.current.indicator, c.current.value), {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
      expect(screen.getAllByText(formatChange(c)).length).toBeGreaterThan(0);
    }
    expect(await screen.findByRole('img', { name: /^各月末网格数：1月/ })).toBeTruthy();
  }, 60_000);

  test('a new 法律顾问人数 taking effect in 2024 is the figure the dashboard shows for that year', async () => {
    const before = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog }).evaluate('organisation.legal_counsel_count', root(), year2024);
    const value = Number(before.value) + 3;
    const dashboard = { user: 'organisation', database, route: '/organisation', dashboardYear: 2024, dashboardOrgId: root() } as const;
    await renderPlugin(organisation, dashboard);
    expect((await screen.findAllByText(formatIndicator(before.indicator, before.value), {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryAllByText(formatIndicator(before.indicator, value))).toEqual([]);
    cleanup();
    const r = await renderPlugin(organisation, { user: 'organisation', database, route: list });
    await total(live().length);
    await r.dataProvider.create({ resource: 'org_attributes', variables: { orgId: uuidFor(root()), attribute: 'legal_counsel_count', value, unit: '人', effectiveOn: '2024-10-01', note: '新聘法律顾问（测试）' } });
    cleanup();
    await renderPlugin(organisation, dashboard);
    expect((await screen.findAllByText(formatIndicator(before.indicator, value), {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    await database.db.query(`delete from public.org_attributes where note = '新聘法律顾问（测试）'`);
  }, 60_000);

  test('a clerk of another area can neither create nor change an attribute', async () => {
    const r = await renderPlugin(organisation, { user: 'mediation', database, route: list });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const refused = await r.dataProvider
      .create({ resource: 'org_attributes', variables: { orgId: uuidFor(root()), attribute: 'grid_cells', value: 999, unit: '个', effectiveOn: '2024-12-01' } })
      .then(() => 'written', (e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    const target = live()[0]!;
    const changed = await r.dataProvider.update({ resource: 'org_attributes', id: String(target.id), variables: { value: 999 } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
    const { rows } = await database.db.query(`select 1 from public.org_attributes where value = 999`);
    expect(rows).toEqual([]);
  }, 60_000);
});
