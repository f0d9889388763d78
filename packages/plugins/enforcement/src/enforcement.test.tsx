// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { Evaluator, formatChange, formatIndicator } from '@fazhi/metrics';
import { createPluginDatabase, findIndicatorCard, renderPlugin, todoCounts, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import enforcement from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(enforcement);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const live = (kind: string) => database.liveRecords(kind);
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });

describe('enforcement', () => {
  test("the officers' roster shows each officer's 2024 training hours from the training records, those under 60 marked", async () => {
    await renderPlugin(enforcement, { user: 'enforcement', database, route: '/enforcement/enforcement-officers', dashboardYear: 2024 });
    const officers = live('enforcement_officers');
    await total(officers.length);
    expect(screen.getByText('年度培训学时（60学时线）')).toBeTruthy();
    const hours = new Map<string, number>();
    for (const t of live('officer_trainings')) if (String(t.trainedOn).startsWith('2024')) hours.set(String(t.officerId), (hours.get(String(t.officerId)) ?? 0) + Number(t.hours));
    const rows = () => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')];
    await waitFor(() => expect(rows().some((tr) => tr.textContent?.includes('学时'))).toBe(true), { timeout: 20_000 });
    const shown = officers.filter((o) => rows().some((tr) => tr.textContent?.includes(String(o.certificateNo))));
    expect(shown.length).toBeGreaterThan(0);
    let below = 0;
    for (const o of shown) {
      const tr = rows().find((x) => x.textContent?.includes(String(o.certificateNo)))!;
      const sum = hours.get(String(o.id)) ?? 0;
      const cell = tr.querySelectorAll('td')[5]!.textContent;
      expect(cell, String(o.certificateNo)).toBe(sum < 60 ? `${sum}未达60学时` : String(sum));
      expect(tr.classList.contains('fazhi-row-attention')).toBe(sum < 60);
      if (sum < 60) below++;
    }
    // The seed has officers on both sides of the line.
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(shown.length);
  }, 60_000);

  test('the dashboard shows the 2024 actions with 同比 and the monthly trend, computed in the database', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(enforcement, { user: 'enforcement', database, route: '/enforcement', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    const c = ev.compare('enforcement.actions', root, { kind: 'year', year: 2024 });
    expect(c.current.value).toBeGreaterThan(0);
    const card = await findIndicatorCard(c.current.indicator.id);
    expect(card.textContent).toContain(formatIndicator(c.current.indicator, c.current.value));
    expect(card.textContent).toContain(formatChange(c));
    expect(await screen.findByRole('img', { name: /^每月行政执法行为：1月/ })).toBeTruthy();
  }, 60_000);

  test('a clerk of another area reads nothing here and cannot write an action', async () => {
    const r = await renderPlugin(enforcement, { user: 'mediation', database, route: '/enforcement/enforcement-actions' });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const [a, b] = live('enforcement_officers');
    const variables = { actionNo: '执〔2025〕测试', kind: 'inspection', actedOn: '2025-01-02', targetType: 'enterprise', targetName: '某公司', officer1Id: uuidFor(String(a!.id)), officer2Id: uuidFor(String(b!.id)), orgId: uuidFor(String(a!.orgId)) };
    await expect(r.dataProvider.create({ resource: 'enforcement_actions', variables })).rejects.toMatchObject({ statusCode: 403 });
    cleanup();
    // The area's own clerk can.
    const own = await renderPlugin(enforcement, { user: 'enforcement', database, route: '/enforcement/enforcement-actions' });
    const { data } = await own.dataProvider.create({ resource: 'enforcement_actions', variables });
    expect(data.id).toBeTruthy();
    await database.db.query('delete from public.enforcement_actions where id = $1', [data.id]);
  }, 60_000);

  test('待办 counts the licence applications awaiting a decision, for the enforcement clerk', async () => {
    expect(await todoCounts(enforcement, database, 'enforcement')).toEqual({ 'licences.undecided': live('licences').filter((l) => !l.result).length });
  }, 60_000);
});
