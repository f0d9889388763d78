// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { Evaluator, formatIndicator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, expectIndicatorCard, renderPlugin, setDate, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import adminDisputes from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(adminDisputes);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const live = (kind: string) => database.liveRecords(kind);
const cases = '/admin-disputes/admin-disputes';
const hearings = '/admin-disputes/court-hearings';
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });
const streetOrg = () => uuidFor(String(live('admin_disputes')[0]!.orgId));
const newCase = { caseNo: '（2025）粤7101行初测试1号', kind: 'litigation', cause: '不服责令限期拆除决定', ourRole: 'respondent', filedOn: '2025-02-10', stage: 'filed' };

describe('administrative disputes', () => {
  test('the clerk sees the street’s hearings; 只看负责人未出庭 keeps those that needed the head and went without', async () => {
    const r = await renderPlugin(adminDisputes, { user: 'admin-disputes', database, route: hearings });
    await total(live('court_hearings').length);
    // One more hearing the head should have attended and did not, written as the clerk.
    await r.dataProvider.create({
      resource: 'court_hearings',
      variables: { orgId: streetOrg(), caseNo: newCase.caseNo, court: '广州铁路运输法院', heldOn: '2025-03-04', headAppearanceRequired: true, headAppeared: false },
    });
    fireEvent.click(screen.getByLabelText('只看负责人未出庭'));
    await clickButton('查询');
    const absent = live('court_hearings').filter((h) => h.headAppearanceRequired === true && h.headAppeared === false).length + 1;
    await total(absent);
    expect(screen.getAllByText('负责人未出庭')).toHaveLength(absent); // each row's tag (the filter reads 只看负责人未出庭)
    await database.db.query(`delete from public.court_hearings where case_no = $1`, [newCase.caseNo]);
  }, 60_000);

  test('a case goes 开始审理 → 结案 on its page; 结案 asks for the result and its date', async () => {
    const r = await renderPlugin(adminDisputes, { user: 'admin-disputes', database, route: cases });
    await total(live('admin_disputes').length);
    const { data } = await r.dataProvider.create({ resource: 'admin_disputes', variables: { ...newCase, orgId: streetOrg() } });
    cleanup();
    await renderPlugin(adminDisputes, { user: 'admin-disputes', database, route: `${cases}/show/${String(data.id)}` });
    await screen.findByText('当前状态：已立案', {}, { timeout: 20_000 });
    await clickButton('开始审理');
    await screen.findByText('当前状态：审理中', {}, { timeout: 15_000 });
    await clickButton('结案');
    const dialog = (await screen.findByRole('dialog')) as HTMLElement;
    await chooseOption('结果', '撤回/撤诉', { container: dialog });
    await setDate('决定/判决日期', '2025-04-01', { container: dialog });
    await clickButton('确定', { container: dialog });
    await screen.findByText('当前状态：已结案', {}, { timeout: 15_000 });
    const { rows } = await database.db.query<{ stage: string; result: string; steps: string }>(
      `select d.stage, d.result, (select string_agg(s.label, '、' order by s.id) from public.record_steps s where s.record_id = d.id) as steps from public.admin_disputes d where d.id = $1`,
      [data.id],
    );
    expect(rows).toEqual([{ stage: 'closed', result: 'withdrawn', steps: '开始审理、结案' }]);
    await database.db.query(`delete from public.admin_disputes where id = $1`, [data.id]);
  }, 60_000);

  test('the dashboard shows the 2024 出庭应诉率 with 同比 and the monthly trend, computed in the database', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(adminDisputes, { user: 'admin-disputes', database, route: '/admin-disputes', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    const rate = ev.compare('admin_disputes.head_appearance_rate', root, { kind: 'year', year: 2024 });
    expect(rate.current.value).toBe(100); // the 2024 report's figure
    await expectIndicatorCard(rate);
    const reconsiderations = ev.compare('admin_disputes.reconsiderations', root, { kind: 'year', year: 2024 });
    expect(reconsiderations.current.value).toBe(6);
    expect(screen.getAllByText(formatIndicator(reconsiderations.current.indicator, 6)).length).toBeGreaterThan(0);
    expect(await screen.findByRole('img', { name: /^每月涉诉案件：1月/ })).toBeTruthy();
  }, 60_000);

  test('a clerk of another area can neither create nor change a case', async () => {
    const r = await renderPlugin(adminDisputes, { user: 'mediation', database, route: cases });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const refused = await r.dataProvider.create({ resource: 'admin_disputes', variables: { ...newCase, orgId: streetOrg() } }).then(() => 'written', (e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    const target = live('admin_disputes')[0]!;
    const changed = await r.dataProvider.update({ resource: 'admin_disputes', id: String(target.id), variables: { cause: '改写' } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
    const { rows } = await database.db.query(`select cause from public.admin_disputes where case_no = $1 or id = $2`, [newCase.caseNo, uuidFor(String(target.id))]);
    expect(rows).toEqual([{ cause: target.cause }]);
  }, 60_000);
});
