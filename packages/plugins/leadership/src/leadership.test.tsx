// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { Evaluator, formatChange, formatIndicator, formatPercent } from '@fazhi/metrics';
import { clickButton, createPluginDatabase, renderPlugin, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import leadership from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(leadership);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const live = (kind: string) => database.liveRecords(kind);
const streetOrg = () => uuidFor(String(live('study_sessions')[0]!.orgId));
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });
const rows = () => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')];
const isEmpty = (v: unknown) => v === null || v === undefined;
const exam = { title: '测试：学法考试', heldOn: '2025-06-01', eligible: 40, participants: 38, passed: 36 };

describe('leadership', () => {
  test('the clerk sees the street’s study sessions; 只看未填通报案例数 finds a 警示教育 without its cases', async () => {
    const r = await renderPlugin(leadership, { user: 'leadership', database, route: '/leadership/study-sessions' });
    await total(live('study_sessions').length);
    const session = { format: 'warning_education', topic: '测试：警示教育', heldOn: '2025-04-02', attendees: 30 };
    await r.dataProvider.create({ resource: 'study_sessions', variables: { ...session, orgId: streetOrg() } });
    fireEvent.click(screen.getByLabelText('只看未填通报案例数'));
    await clickButton('查询');
    const missing = live('study_sessions').filter((s) => s.format === 'warning_education' && isEmpty(s.casesCount)).length + 1;
    await total(missing);
    expect(screen.getAllByText('未填通报案例数')).toHaveLength(missing);
    await database.db.query('delete from public.study_sessions where topic = $1', [session.topic]);
  }, 60_000);

  test('each law exam shows its 参考率 and 合格率 from its own counts', async () => {
    await renderPlugin(leadership, { user: 'leadership', database, route: '/leadership/law-exams' });
    const exams = live('law_exams');
    await total(exams.length);
    expect(screen.getByText('参考率')).toBeTruthy();
    expect(screen.getByText('合格率')).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(exams.length), { timeout: 20_000 });
    for (const e of exams) {
      const tr = rows().find((x) => x.textContent?.includes(String(e.title)))!;
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent);
      const rate = (n: unknown, d: unknown) => formatPercent((Number(n) / Number(d)) * 100);
      expect(cells.slice(6, 8), String(e.title)).toEqual([rate(e.participants, e.eligible), rate(e.passed, e.participants)]);
    }
  }, 60_000);

  test('只看待反馈采纳情况 keeps the draft-law comments whose adoption is not known, and their 采纳率 stays empty', async () => {
    await renderPlugin(leadership, { user: 'leadership', database, route: '/leadership/legislative-feedback' });
    const all = live('legislative_feedback');
    await total(all.length);
    fireEvent.click(screen.getByLabelText('只看待反馈采纳情况'));
    await clickButton('查询');
    const unknown = all.filter((f) => isEmpty(f.adoptedCount));
    expect(unknown.length).toBeGreaterThan(0);
    await total(unknown.length);
    await waitFor(() => expect(rows()).toHaveLength(unknown.length), { timeout: 20_000 });
    for (const tr of rows()) expect(tr.querySelectorAll('td')[5]!.textContent).toBe('—');
  }, 60_000);

  test('the dashboard shows the 2024 study sessions and exam pass rate with 同比 and the monthly trend, computed in the database', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(leadership, { user: 'leadership', database, route: '/leadership', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    for (const id of ['leadership.study_sessions', 'leadership.exam_pass_rate', 'leadership.honours']) {
      const c = ev.compare(id, root, { kind: 'year', year: 2024 });
      expect(c.current.value, id).toBeGreaterThan(0);
      expect((await screen.findAllByText(formatIndicator(c.current.indicator, c.current.value), {}, { timeout: 20_000 })).length, id).toBeGreaterThan(0);
      expect(screen.getAllByText(formatChange(c)).length, id).toBeGreaterThan(0);
    }
    expect(await screen.findByRole('img', { name: /^每月领导干部学法：1月/ })).toBeTruthy();
  }, 60_000);

  test('a clerk of another area can neither create nor change a law exam', async () => {
    const r = await renderPlugin(leadership, { user: 'publicity', database, route: '/leadership/law-exams' });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const refused = await r.dataProvider.create({ resource: 'law_exams', variables: { ...exam, orgId: streetOrg() } }).then(() => 'written', (e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    const { rows: created } = await database.db.query('select 1 from public.law_exams where title = $1', [exam.title]);
    expect(created).toEqual([]);
    const target = live('law_exams')[0]!;
    const changed = await r.dataProvider.update({ resource: 'law_exams', id: String(target.id), variables: { passed: 0 } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
    const { rows: kept } = await database.db.query('select passed from public.law_exams where id = $1', [uuidFor(String(target.id))]);
    expect(kept).toEqual([{ passed: target.passed }]);
  }, 60_000);
});
