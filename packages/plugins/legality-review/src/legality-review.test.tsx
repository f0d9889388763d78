// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { Evaluator, formatIndicator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, expectIndicatorCard, renderPlugin, todoCounts, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import legalityReview from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(legalityReview);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const live = (kind: string) => database.liveRecords(kind);
const list = '/legality-review/major-decisions';
const draft = { title: '测试：街道综合文化站改造方案', department: '公共服务办公室', stage: 'drafting' };
const streetOrg = () => uuidFor(String(live('major_decisions')[0]!.orgId));
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });
const removeDraft = () => database.db.query(`delete from public.major_decisions where title = $1`, [draft.title]);

describe('legality review', () => {
  test('a draft without 决策日期 is listed with the decisions of the chosen year; 只看待法制审核 keeps the drafts', async () => {
    const decided = live('major_decisions').length;
    await database.db.query(`insert into public.major_decisions (org_id, title, department, stage) values ($1, $2, $3, 'drafting')`, [streetOrg(), draft.title, draft.department]);
    try {
      await renderPlugin(legalityReview, { user: 'legality-review', database, route: list });
      await total(decided + 1);
      await chooseOption('期间', '2024');
      await clickButton('查询');
      const decidedIn2024 = live('major_decisions').filter((d) => String(d.decidedOn).startsWith('2024')).length;
      expect(decidedIn2024).toBeLessThan(decided);
      await total(decidedIn2024 + 1);
      fireEvent.click(screen.getByLabelText('只看待法制审核'));
      await clickButton('查询');
      await total(1);
      expect(screen.getByText(draft.title)).toBeTruthy();
    } finally {
      await removeDraft();
    }
  }, 60_000);

  test('the dashboard shows the 2024 figures with 同比 and the monthly contract reviews, computed in the database', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(legalityReview, { user: 'legality-review', database, route: '/legality-review', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    const contracts = ev.compare('legality_review.contract_reviews', root, { kind: 'year', year: 2024 });
    expect(contracts.current.value).toBeGreaterThan(0);
    await expectIndicatorCard(contracts);
    const rate = ev.compare('legality_review.major_decision_review_rate', root, { kind: 'year', year: 2024 });
    expect(screen.getAllByText(formatIndicator(rate.current.indicator, rate.current.value)).length).toBeGreaterThan(0);
    expect(await screen.findByRole('img', { name: /^每月合同审查：1月/ })).toBeTruthy();
  }, 60_000);

  test('意见采纳 is a filter of the contract reviews', async () => {
    const r = await renderPlugin(legalityReview, { user: 'legality-review', database, route: '/legality-review/contract-reviews' });
    await total(live('contract_reviews').length);
    const [target] = live('contract_reviews');
    const { data } = await r.dataProvider.getOne({ resource: 'contract_reviews', id: String(target!.id) });
    await r.dataProvider.update({ resource: 'contract_reviews', id: String(target!.id), variables: { adoption: 'not_adopted', version: data.version } });
    const { total: notAdopted } = await r.dataProvider.getList({ resource: 'contract_reviews', filters: [{ field: 'adoption', operator: 'eq', value: 'not_adopted' }] });
    expect(notAdopted).toBe(live('contract_reviews').filter((c) => c.adoption === 'not_adopted').length + 1);
    await database.db.query(`update public.contract_reviews set adoption = null where id = $1`, [uuidFor(String(target!.id))]);
  }, 60_000);

  test('a clerk of another area can neither create nor change a major decision', async () => {
    const r = await renderPlugin(legalityReview, { user: 'mediation', database, route: list });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const refused = await r.dataProvider.create({ resource: 'major_decisions', variables: { ...draft, orgId: streetOrg() } }).then(() => 'written', (e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    expect((await database.db.query(`select 1 from public.major_decisions where title = $1`, [draft.title])).rows).toEqual([]);
    const target = live('major_decisions')[0]!;
    const changed = await r.dataProvider.update({ resource: 'major_decisions', id: String(target.id), variables: { title: '改写' } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
  }, 60_000);

  test('待办 counts the major decisions awaiting 法制审核 and those returned, for the legality-review clerk', async () => {
    const r = await renderPlugin(legalityReview, { user: 'legality-review', database, route: '/todo' });
    const decisions = live('major_decisions');
    const { data } = await r.dataProvider.create({ resource: 'major_decisions', variables: { ...draft, orgId: uuidFor(String(decisions[0]!.orgId)) } });
    try {
      expect(await todoCounts(legalityReview, database, 'legality-review')).toEqual({
        'major_decisions.awaiting-review': decisions.filter((d) => d.stage === 'drafting').length + 1,
        'major_decisions.returned': decisions.filter((d) => d.stage === 'returned').length,
      });
      // The page lists the draft under its rule, one click from the record.
      const link = await screen.findByRole('link', { name: draft.title }, { timeout: 30_000 });
      expect(link.getAttribute('href')).toBe(`/legality-review/major-decisions/show/${String(data.id)}`);
      expect(link.closest('[data-todo]')?.getAttribute('data-todo')).toBe('legality-review.major_decisions.awaiting-review');
    } finally {
      await database.db.query('delete from public.major_decisions where id = $1', [data.id]);
    }
  }, 60_000);
});
