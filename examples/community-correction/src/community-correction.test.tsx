// @vitest-environment jsdom
import { Evaluator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, expectIndicatorCard, findIndicatorCard, renderPlugin, setDate, setText, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import communityCorrection from './index.js';

// The plugin's own dataset (orgs + its two kinds), not the repository's seed: a third-party
// plugin brings the data its tests and figures need. (A path, not `new URL(…)`: under jsdom `URL`
// is jsdom's, which does not make file URLs.)
const seedDir = resolve(dirname(fileURLToPath(String(import.meta.url))), '../dataset');

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(communityCorrection, { seedDir });
});
afterAll(() => database?.close());
afterEach(() => cleanup());

const list = '/community-correction/community-correction-subjects';
const live = () => (database.dataset.records.get('community_correction_subjects') ?? []).filter((r) => !r.deletedAt);
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 15_000 });

describe('社区矫正对象 list', () => {
  test('a street admin with the personal-data right sees every live person with real names', async () => {
    await renderPlugin(communityCorrection, { user: 'admin', database, route: list });
    await total(live().length);
    const page = document.body.textContent ?? '';
    expect(page).not.toContain('已脱敏');
    expect(live().some((r) => page.includes(String(r.name)))).toBe(true);
  });

  test('a viewer without the right gets the names masked by the database', async () => {
    await renderPlugin(communityCorrection, { user: 'viewer', database, route: list });
    await total(live().length);
    expect((await screen.findAllByText('已脱敏')).length).toBeGreaterThan(0);
    const page = document.body.textContent ?? '';
    const shown = live().filter((r) => page.includes(String(r.caseNo)));
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) expect(page).not.toContain(String(r.name));
  });

  test('a clerk of another area (人民调解) reads none of it: the grant is by the plugin’s own area', async () => {
    const r = await renderPlugin(communityCorrection, { user: 'mediation', database, route: list });
    expect(await screen.findAllByText('暂无数据', {}, { timeout: 15_000 })).not.toHaveLength(0);
    expect((await r.dataProvider.getList({ resource: 'community_correction_subjects' })).total).toBe(0);
    expect(screen.queryByText(String(live()[0]!.caseNo))).toBeNull();
  });

  test('filtering by 矫正类别 narrows the list', async () => {
    await renderPlugin(communityCorrection, { user: 'admin', database, route: list });
    await total(live().length);
    await chooseOption('矫正类别', '假释');
    await clickButton('查询');
    const parole = live().filter((r) => r.category === 'parole');
    expect(parole.length).toBeGreaterThan(0);
    await total(parole.length);
  });
});

describe('社区矫正对象 form and workflow', () => {
  test('registering a person through the form, then 解除矫正 asks for the date and the way it ended', async () => {
    const r = await renderPlugin(communityCorrection, { user: 'admin', database, route: `${list}/create` });
    await screen.findByText('矫正情况', {}, { timeout: 15_000 });
    setText('矫正编号', '南沙矫〔2025〕901号');
    setText('姓名', '测试对象');
    await chooseOption('矫正类别', '缓刑');
    await setDate('入矫日期', '2025-03-05');
    await setDate('矫正期满日期', '2025-09-04');
    await chooseOption('风险等级', '低风险');
    await clickButton('保存');
    await waitFor(() => expect(r.location()).toMatch(/\/show\//), { timeout: 15_000 });
    const saved = await r.dataProvider.getList({ resource: 'community_correction_subjects', filters: [{ field: 'caseNo', operator: 'eq', value: '南沙矫〔2025〕901号' }] });
    expect(saved.total).toBe(1);
    expect(saved.data[0]).toMatchObject({ category: 'probation', enteredOn: '2025-03-05', riskLevel: 'low', status: 'in_correction', version: 1 });

    await screen.findByText('当前状态：在矫', {}, { timeout: 15_000 });
    await clickButton('解除矫正');
    const dialog = (await screen.findByRole('dialog')) as HTMLElement;
    await setDate('解矫日期', '2025-03-01', { container: dialog });
    await chooseOption('解矫方式', '期满解除', { container: dialog });
    await clickButton('确定', { container: dialog });
    expect(await screen.findByText('「解矫日期」不能早于「入矫日期」')).toBeTruthy();
    await setDate('解矫日期', '2025-09-04', { container: dialog });
    await clickButton('确定', { container: dialog });
    await screen.findByText('当前状态：已解矫', {}, { timeout: 15_000 });
    const after = await r.dataProvider.getOne({ resource: 'community_correction_subjects', id: saved.data[0]!.id! });
    expect(after.data).toMatchObject({ status: 'released', releasedOn: '2025-09-04', releaseReason: 'term_expired', version: 2 });
  });

  test('a 矫正编号 already used in the street is refused by the database, under its field', async () => {
    const taken = live()[0]!;
    await renderPlugin(communityCorrection, { user: 'admin', database, route: `${list}/create` });
    await screen.findByText('矫正情况', {}, { timeout: 15_000 });
    setText('矫正编号', String(taken.caseNo));
    setText('姓名', '测试对象');
    await chooseOption('矫正类别', '管制');
    await setDate('入矫日期', '2024-06-01');
    await setDate('矫正期满日期', '2024-12-01');
    await chooseOption('风险等级', '中风险');
    await clickButton('保存');
    // The database's sentence names the kind and the taken record's period date.
    const text = `矫正编号“${String(taken.caseNo)}”在本街道已存在（社区矫正对象，入矫日期 ${String(taken.enteredOn)}）`;
    await waitFor(() => expect(screen.getAllByText(text).some((m) => m.closest('.ant-form-item')?.querySelector('input')?.id === 'caseNo')).toBe(true), { timeout: 10_000 });
    expect(screen.queryByText('保存失败：记录已被他人修改')).toBeNull();
    const same = await database.db.query<{ n: number }>(`select count(*)::int as n from community_correction_subjects where case_no = $1 and deleted_at is null`, [taken.caseNo]);
    expect(same.rows[0]!.n).toBe(1);
  });

});

describe('社区矫正 dashboard', () => {
  test('the 2024 cards show the figures the database computes as the user, equal to the in-memory ones, with 同比', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(communityCorrection, { user: 'viewer', database, route: '/community-correction', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    for (const id of ['community_correction.active_subjects', 'community_correction.reoffending_rate']) {
      const c = ev.compare(id, root, { kind: 'year', year: 2024 });
      expect(c.current.value).not.toBeNull();
      await expectIndicatorCard(c);
    }
    expect((await findIndicatorCard('community_correction.active_subjects')).textContent).toContain('在册社区矫正对象');
    expect(await screen.findByRole('img', { name: /^每月走访教育：1月/ })).toBeTruthy();
  });
});
