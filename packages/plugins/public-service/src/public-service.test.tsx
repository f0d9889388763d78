// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { todayInShanghai } from '@fazhi/domain';
import { Evaluator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, expectIndicatorCard, renderPlugin, setText, todoCounts, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import publicService from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(publicService);
}, 300_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const today = todayInShanghai();
const live = (kind: string) => database.liveRecords(kind);
const tickets = () => live('hotline_tickets');
/** Overdue as a clerk reads it: no 办结时间, and the 办理时限's Shanghai day is before today. */
const isOverdue = (t: Record<string, unknown>) => !t.closedAt && String(t.dueAt).slice(0, 10) < today;
const isUnrated = (t: Record<string, unknown>) => Boolean(t.closedAt) && !t.satisfaction;
const list = '/public-service/hotline-tickets';
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 30_000 });
const rows = () => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')];
const shanghaiTime = (daysFromToday: number) => `${new Date(Date.parse(`${today}T00:00:00Z`) + daysFromToday * 86_400_000).toISOString().slice(0, 10)}T09:30:00+08:00`;
const ticket = (ticketNo: string) => ({
  ticketNo,
  channel: 'phone',
  kind: 'complaint',
  topic: 'city_appearance',
  department: '综合行政执法队',
  receivedAt: shanghaiTime(-10),
  dueAt: shanghaiTime(-3),
  orgId: uuidFor(String(tickets()[0]!.orgId)),
});

describe('every kind of the area', () => {
  test('has its list, showing the street’s records to the clerk; 只看未办结 keeps the open service cases', async () => {
    for (const { kind } of publicService.resources) {
      await renderPlugin(publicService, { user: 'public-service', database, route: `/public-service/${kind.id.replace(/_/g, '-')}` });
      expect(live(kind.id).length, kind.id).toBeGreaterThan(0);
      await total(live(kind.id).length);
      cleanup();
    }
    await renderPlugin(publicService, { user: 'public-service', database, route: '/public-service/service-cases' });
    await total(live('service_cases').length);
    fireEvent.click(screen.getByLabelText('只看未办结'));
    await clickButton('查询');
    const open = live('service_cases').filter((c) => !c.closedOn);
    expect(open.length).toBeGreaterThan(0);
    await total(open.length);
  }, 180_000);
});

describe('12345 hotline tickets', () => {
  test('the clerk sees the street’s tickets; overdue ones are tagged, and 只看已逾期 keeps exactly them', async () => {
    await renderPlugin(publicService, { user: 'public-service', database, route: list });
    await total(tickets().length);
    const overdue = tickets().filter(isOverdue);
    expect(overdue.length).toBeGreaterThan(0);
    fireEvent.click(screen.getByLabelText('只看已逾期'));
    await clickButton('查询');
    await total(overdue.length);
    const shown = rows();
    expect(shown).toHaveLength(Math.min(20, overdue.length));
    for (const tr of shown) {
      const no = overdue.find((t) => tr.textContent?.includes(String(t.ticketNo)));
      expect(no, tr.textContent ?? '').toBeTruthy();
      expect(tr.classList.contains('fazhi-row-attention')).toBe(true);
      expect(tr.textContent).toContain('已逾期');
    }
  }, 90_000);

  test('只看未评价 keeps the closed tickets without satisfaction; the satisfaction filter narrows too', async () => {
    await renderPlugin(publicService, { user: 'public-service', database, route: list });
    await total(tickets().length);
    fireEvent.click(screen.getByLabelText('只看未评价'));
    await clickButton('查询');
    await total(tickets().filter(isUnrated).length);
    fireEvent.click(screen.getByLabelText('只看未评价'));
    await chooseOption('满意度评价', '不满意');
    await clickButton('查询');
    const dissatisfied = tickets().filter((t) => t.satisfaction === 'dissatisfied');
    expect(dissatisfied.length).toBeGreaterThan(0);
    await total(dissatisfied.length);
  }, 90_000);

  test('a ticket past its deadline is tagged 已逾期 until 办结, then 未评价 until 回访 with satisfaction', async () => {
    const r = await renderPlugin(publicService, { user: 'public-service', database, route: list });
    const { data } = await r.dataProvider.create({ resource: 'hotline_tickets', variables: ticket('GZ-TEST-0001') });
    const id = String(data.id);
    /** The tags of the ticket's row in the list, as the clerk sees them. */
    const tags = async () => {
      cleanup();
      await renderPlugin(publicService, { user: 'public-service', database, route: list });
      setText('关键词', 'GZ-TEST-0001');
      await clickButton('查询');
      await total(1);
      return ['已逾期', '未评价'].filter((tag) => rows()[0]!.textContent?.includes(tag));
    };
    const step = async (to: string, values: Record<string, unknown>) => {
      const { data: current } = await r.dataProvider.getOne({ resource: 'hotline_tickets', id });
      await r.dataProvider.custom!({ url: 'take-step', method: 'post', payload: { resource: 'hotline_tickets', id, to, values, version: current.version } });
    };
    try {
      expect(await tags()).toEqual(['已逾期']);
      await step('closed', { closedAt: shanghaiTime(-1) });
      expect(await tags()).toEqual(['未评价']);
      await step('followed_up', { satisfaction: 'satisfied' });
      expect(await tags()).toEqual([]);
      expect((await r.dataProvider.getOne({ resource: 'hotline_tickets', id })).data).toMatchObject({ stage: 'followed_up', satisfaction: 'satisfied' });
    } finally {
      await database.db.query('delete from public.hotline_tickets where id = $1', [id]);
    }
  }, 120_000);

  test("the ticket form keeps the caller's name and number in a personal section of their own", async () => {
    await renderPlugin(publicService, { user: 'public-service', database, route: `${list}/create` });
    const notice = await screen.findByText(/^本组为个人信息/, {}, { timeout: 30_000 });
    const section = notice.closest('.ant-card')!;
    expect(section.querySelector('.ant-card-head-title')?.textContent).toBe('来电人');
    const labels = [...section.querySelectorAll('.ant-form-item-label label')].map((l) => l.textContent);
    expect(labels).toEqual(['来电人', '来电号码']);
    expect(screen.getAllByText(/^本组为个人信息/)).toHaveLength(1);
  }, 60_000);

  test('the dashboard shows the 2024 tickets with 同比, the on-time rate and the monthly trend, computed in the database', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(publicService, { user: 'public-service', database, route: '/public-service', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    const received = ev.compare('public_service.tickets_received', root, { kind: 'year', year: 2024 });
    expect(received.current.value).toBeGreaterThan(0);
    await expectIndicatorCard(received);
    const onTime = ev.compare('public_service.ticket_on_time_rate', root, { kind: 'year', year: 2024 });
    const card = await expectIndicatorCard(onTime);
    expect(card.textContent).toContain('工单按时办结率');
    expect(await screen.findByRole('img', { name: /^每月12345热线工单：1月/ })).toBeTruthy();
  }, 90_000);

  test('a clerk of another area can neither create nor change a ticket', async () => {
    const r = await renderPlugin(publicService, { user: 'mediation', database, route: list });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 30_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    await expect(r.dataProvider.create({ resource: 'hotline_tickets', variables: ticket('GZ-TEST-0002') })).rejects.toMatchObject({ statusCode: 403 });
    const { rows: written } = await database.db.query(`select 1 from public.hotline_tickets where ticket_no = 'GZ-TEST-0002'`);
    expect(written).toEqual([]);
    const target = tickets()[0]!;
    const changed = await r.dataProvider.update({ resource: 'hotline_tickets', id: String(target.id), variables: { department: '改写' } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
    const { rows: kept } = await database.db.query<{ department: string }>(`select department from public.hotline_tickets where id = $1`, [uuidFor(String(target.id))]);
    expect(kept[0]!.department).toBe(target.department);
  }, 60_000);

  test('待办: the tickets near (≤ 2 days) or past their 办理时限 without 办结, counted and listed for the clerk, the overdue first', async () => {
    /** The Shanghai day `n` days from today. */
    const dayFromToday = (n: number) => shanghaiTime(n).slice(0, 10);
    const isDue = (t: Record<string, unknown>) => !t.closedAt && String(t.dueAt).slice(0, 10) <= dayFromToday(2);
    const ids: string[] = [];
    try {
      const r = await renderPlugin(publicService, { user: 'public-service', database, route: '/todo' });
      // Due in two days counts, in three does not; a closed one never.
      for (const [no, dueIn, closed] of [['GZ-TODO-IN', 2, false], ['GZ-TODO-OUT', 3, false], ['GZ-TODO-DONE', -2, true]] as const) {
        const { data } = await r.dataProvider.create({ resource: 'hotline_tickets', variables: { ...ticket(no), dueAt: shanghaiTime(dueIn), ...(closed ? { closedAt: shanghaiTime(-1), stage: 'closed' } : {}) } });
        ids.push(String(data.id));
      }
      const expected = tickets().filter(isDue).length + 1;
      expect(tickets().filter(isDue).length).toBeGreaterThan(0);
      expect(await todoCounts(publicService, database, 'public-service')).toEqual({ 'hotline_tickets.due': expected, 'disclosure_requests.unanswered': live('disclosure_requests').filter((d) => !d.answeredOn).length });
      cleanup();
      await renderPlugin(publicService, { user: 'public-service', database, route: '/todo' });
      const group = await waitFor(() => {
        const g = document.querySelector<HTMLElement>('[data-todo="public-service.hotline_tickets.due"]');
        expect(g?.getAttribute('data-todo-total')).toBe(String(expected));
        expect(g!.querySelector('.ant-table-tbody tr.ant-table-row')).not.toBeNull();
        return g!;
      }, { timeout: 30_000 });
      expect(group.textContent).toContain(`共 ${expected} 项`);
      // Earliest 办理时限 first: the oldest seed ticket, overdue by its days; a link to the record.
      const oldest = tickets().filter(isDue).sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)))[0]!;
      const first = group.querySelector('.ant-table-tbody tr.ant-table-row')!;
      expect(first.querySelector('a')?.getAttribute('href')).toBe(`/public-service/hotline-tickets/show/${uuidFor(String(oldest.id))}`);
      expect(first.textContent).toContain(String(oldest.ticketNo));
      const overdueBy = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${String(oldest.dueAt).slice(0, 10)}T00:00:00Z`)) / 86_400_000);
      expect(first.textContent).toContain(`逾期 ${overdueBy} 天`);
    } finally {
      if (ids.length) await database.db.query('delete from public.hotline_tickets where id = any($1::uuid[])', [ids]);
    }
  }, 120_000);

  test('待办 is for those who write the area: a clerk of another area has none of these rules', async () => {
    expect(await todoCounts(publicService, database, 'mediation')).toEqual({});
    expect(await todoCounts(publicService, database, 'viewer')).toEqual({});
  }, 60_000);
});
