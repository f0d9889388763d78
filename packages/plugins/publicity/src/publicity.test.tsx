// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { Evaluator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, expectIndicatorCard, renderPlugin, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import publicity from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(publicity);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const live = (kind: string) => database.liveRecords(kind);
const events = '/publicity/publicity-events';
const event = { title: '测试：民法典进社区', heldOn: '2025-03-15', format: 'community', laws: ['civil_code'] };
const streetOrg = () => uuidFor(String(live('publicity_events')[0]!.orgId));
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });

describe('publicity', () => {
  test('the clerk sees the street’s events and filters them by 活动形式', async () => {
    await renderPlugin(publicity, { user: 'publicity', database, route: events });
    await total(live('publicity_events').length);
    await chooseOption('活动形式', '法治讲座');
    await clickButton('查询');
    await total(live('publicity_events').filter((e) => e.format === 'lecture').length);
  }, 60_000);

  test('只看未填参与人数 keeps the events whose audience the clerk has not entered yet', async () => {
    const r = await renderPlugin(publicity, { user: 'publicity', database, route: events });
    await total(live('publicity_events').length);
    await r.dataProvider.create({ resource: 'publicity_events', variables: { ...event, orgId: streetOrg() } });
    fireEvent.click(screen.getByLabelText('只看未填参与人数'));
    await clickButton('查询');
    const missing = live('publicity_events').filter((e) => e.audience === null || e.audience === undefined).length + 1;
    await total(missing);
    expect(screen.getAllByText('未填参与人数')).toHaveLength(missing);
    await database.db.query('delete from public.publicity_events where title = $1', [event.title]);
  }, 60_000);

  test('只看未填阅读/播放量 keeps the online publications without their reach (a notice board has none)', async () => {
    const r = await renderPlugin(publicity, { user: 'publicity', database, route: '/publicity/publicity-publications' });
    const all = live('publicity_publications');
    await total(all.length);
    const post = { title: '测试：以案说法', mediaType: 'article', channel: 'wechat_account', publishedOn: '2025-03-16', orgId: streetOrg() };
    await r.dataProvider.create({ resource: 'publicity_publications', variables: post });
    await r.dataProvider.create({ resource: 'publicity_publications', variables: { ...post, title: '测试：宣传栏海报', mediaType: 'poster', channel: 'noticeboard' } });
    fireEvent.click(screen.getByLabelText('只看未填阅读/播放量'));
    await clickButton('查询');
    const missing = all.filter((p) => p.channel !== 'noticeboard' && (p.views === null || p.views === undefined)).length + 1;
    await total(missing);
    expect(screen.getAllByText('未填阅读/播放量')).toHaveLength(missing);
    expect(screen.queryByText('测试：宣传栏海报')).toBeNull();
    await database.db.query("delete from public.publicity_publications where title like '测试：%'");
  }, 60_000);

  test('the dashboard shows the 2024 events and audience with 同比 and the monthly trend, computed in the database', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(publicity, { user: 'publicity', database, route: '/publicity', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    for (const id of ['publicity.events', 'publicity.audience', 'publicity.videos']) {
      const c = ev.compare(id, root, { kind: 'year', year: 2024 });
      expect(c.current.value, id).toBeGreaterThan(0);
      await expectIndicatorCard(c);
    }
    expect(await screen.findByRole('img', { name: /^每月法治宣传活动：1月/ })).toBeTruthy();
  }, 60_000);

  test('a clerk of another area can neither create nor change an event', async () => {
    const r = await renderPlugin(publicity, { user: 'mediation', database, route: events });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const refused = await r.dataProvider.create({ resource: 'publicity_events', variables: { ...event, orgId: streetOrg() } }).then(() => 'written', (e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    const { rows } = await database.db.query('select 1 from public.publicity_events where title = $1', [event.title]);
    expect(rows).toEqual([]);
    const target = live('publicity_events')[0]!;
    const changed = await r.dataProvider.update({ resource: 'publicity_events', id: String(target.id), variables: { title: '改写' } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
    const { rows: kept } = await database.db.query('select title from public.publicity_events where id = $1', [uuidFor(String(target.id))]);
    expect(kept).toEqual([{ title: target.title }]);
  }, 60_000);
});
