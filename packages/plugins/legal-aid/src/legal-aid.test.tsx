// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { Evaluator, formatChange, formatIndicator } from '@fazhi/metrics';
import { clickButton, createPluginDatabase, findIndicatorCard, renderPlugin, todoCounts, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import legalAid from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(legalAid);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

/** Live seed applications of the demo street (what RLS lets its accounts read). */
const live = () => database.liveRecords('legal_aid_applications');
const list = '/legal-aid/legal-aid-applications';
const application = { applicationNo: '援〔2025〕测试1号', applicantName: '王五', applicantCategory: 'elderly', channel: 'walk_in', caseKind: 'civil', appliedOn: '2025-01-02', decision: 'pending' };
const streetOrg = () => uuidFor(String(live()[0]!.orgId));
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });

describe('legal aid', () => {
  test('the clerk sees the street’s applications; 只看待指派 keeps the accepted ones without a lawyer', async () => {
    const r = await renderPlugin(legalAid, { user: 'legal-aid', database, route: list });
    await total(live().length);
    // One accepted application still waiting for its lawyer, written as the clerk.
    await r.dataProvider.create({ resource: 'legal_aid_applications', variables: { ...application, orgId: streetOrg(), decision: 'accepted', decidedOn: '2025-01-03' } });
    fireEvent.click(screen.getByLabelText('只看待指派'));
    await clickButton('查询');
    const unassigned = live().filter((a) => a.decision === 'accepted' && !a.lawyer).length + 1;
    await total(unassigned);
    expect(screen.getAllByText('待指派')).toHaveLength(unassigned); // each row's tag (the filter reads 只看待指派)
    await database.db.query(`delete from public.legal_aid_applications where application_no = $1`, [application.applicationNo]);
  }, 60_000);

  test('the dashboard shows the 2024 applications with 同比 and the monthly trend, computed in the database', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(legalAid, { user: 'legal-aid', database, route: '/legal-aid', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    const c = ev.compare('legal_aid.applications', root, { kind: 'year', year: 2024 });
    expect(c.current.value).toBeGreaterThan(0);
    const card = await findIndicatorCard(c.current.indicator.id);
    expect(card.textContent).toContain(formatIndicator(c.current.indicator, c.current.value));
    expect(card.textContent).toContain(formatChange(c));
    expect(await screen.findByRole('img', { name: /^每月法律援助申请：1月/ })).toBeTruthy();
  }, 60_000);

  test('a clerk of another area can neither create nor change an application', async () => {
    const r = await renderPlugin(legalAid, { user: 'mediation', database, route: list });
    // A mediation clerk reads only 人民调解: the list is empty and has no 新建.
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const refused = await r.dataProvider.create({ resource: 'legal_aid_applications', variables: { ...application, orgId: streetOrg() } }).then(() => 'written', (e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    const { rows } = await database.db.query(`select 1 from public.legal_aid_applications where application_no = $1`, [application.applicationNo]);
    expect(rows).toEqual([]);
    const target = live()[0]!;
    const changed = await r.dataProvider.update({ resource: 'legal_aid_applications', id: String(target.id), variables: { cause: '改写' } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
  }, 60_000);

  test('待办 counts the applications awaiting 审查 and the accepted ones awaiting a lawyer, for the legal-aid clerk', async () => {
    const pending = live().filter((a) => a.decision === 'pending').length;
    expect(pending).toBeGreaterThan(0);
    expect(await todoCounts(legalAid, database, 'legal-aid')).toEqual({
      'legal_aid_applications.review': pending,
      'legal_aid_applications.assign': live().filter((a) => a.decision === 'accepted' && !a.lawyer).length,
    });
    expect(await todoCounts(legalAid, database, 'mediation')).toEqual({});
  }, 60_000);
});
