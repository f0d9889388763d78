// @vitest-environment jsdom
import { uuidFor } from '@fazhi/db';
import { Evaluator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, expectIndicatorCard, renderPlugin, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import businessEnv from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(businessEnv);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const live = (kind: string) => database.liveRecords(kind);
const projects = '/business-env/business-env-projects';
const services = '/business-env/foreign-national-services';
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });
const project = { title: '第二网格商铺招牌双语化改造（测试）', category: 'bilingual_signs', outputUnit: 'shops', output: 0, startedOn: '2025-03-01' };

describe('business environment', () => {
  test('the clerk sees the street’s projects; 只看未完成 keeps those without a 完成日期', async () => {
    const r = await renderPlugin(businessEnv, { user: 'business-env', database, route: projects });
    await total(live('business_env_projects').length);
    await r.dataProvider.create({ resource: 'business_env_projects', variables: { ...project, orgId: uuidFor(String(live('business_env_projects')[0]!.orgId)) } });
    fireEvent.click(screen.getByLabelText('只看未完成'));
    await clickButton('查询');
    const unfinished = live('business_env_projects').filter((p) => !p.completedOn).length + 1;
    await total(unfinished);
    expect(screen.getAllByText('未完成')).toHaveLength(unfinished); // each row's tag (the filter reads 只看未完成)
    await database.db.query(`delete from public.business_env_projects where title = $1`, [project.title]);
  }, 60_000);

  test('the clerk filters the services to foreign nationals by type', async () => {
    await renderPlugin(businessEnv, { user: 'business-env', database, route: services });
    await total(live('foreign_national_services').length);
    await chooseOption('服务类型', '居留证件');
    await clickButton('查询');
    await total(live('foreign_national_services').filter((s) => s.serviceType === 'residence').length);
    expect((await screen.findAllByText('居留证件')).length).toBeGreaterThan(1);
  }, 60_000);

  test('the dashboard shows the 2024 figures (65 家 bilingual shop signs, 97 人次 served) with 同比 and the monthly trend', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(businessEnv, { user: 'business-env', database, route: '/business-env', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    for (const [id, reported] of [['business_env.bilingual_signs', 65], ['business_env.foreign_services', 97]] as const) {
      const c = ev.compare(id, root, { kind: 'year', year: 2024 });
      expect(c.current.value).toBe(reported);
      await expectIndicatorCard(c);
    }
    expect(await screen.findByRole('img', { name: /^每月为境外人士提供服务：1月/ })).toBeTruthy();
  }, 60_000);

  test('a clerk of another area can neither create nor change a project', async () => {
    const r = await renderPlugin(businessEnv, { user: 'mediation', database, route: projects });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const target = live('business_env_projects')[0]!;
    const refused = await r.dataProvider.create({ resource: 'business_env_projects', variables: { ...project, orgId: uuidFor(String(target.orgId)) } }).then(() => 'written', (e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    const changed = await r.dataProvider.update({ resource: 'business_env_projects', id: String(target.id), variables: { title: '改写' } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
    const { rows } = await database.db.query(`select title from public.business_env_projects where title in ($1, '改写')`, [project.title]);
    expect(rows).toEqual([]);
  }, 60_000);
});
