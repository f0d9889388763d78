// @vitest-environment jsdom
import { Evaluator, formatChange, formatIndicator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, findIndicatorCard, renderPlugin, setDate, setText, todoCounts, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import mediation from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(mediation);
});
afterAll(() => database?.close());
afterEach(() => cleanup());

/** Live seed cases of the street the demo accounts belong to (what RLS lets them read). */
const live = () => database.liveRecords('mediation_cases');
const list = '/mediation/mediation-cases';
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 15_000 });

describe('mediation list', () => {
  test('shows the seed cases with party names masked for a clerk without the personal-data right', async () => {
    const r = await renderPlugin(mediation, { user: 'mediation', database });
    await total(live().length);
    const hints = await screen.findAllByText('已脱敏');
    expect(hints.length).toBeGreaterThan(0);
    // Every party name on the page is the database's mask (张*、李*), never the real name.
    const page = document.body.textContent ?? '';
    const shown = live().filter((c) => c.partyNames && page.includes(String(c.caseNo)));
    expect(shown.length).toBeGreaterThan(0);
    for (const c of shown) for (const name of String(c.partyNames).split('、')) expect(page).not.toContain(name);
    expect(page).toMatch(/[\u4e00-\u9fff]\*+、[\u4e00-\u9fff]\*+/);
    expect(r.location()).toBe(list);
  });

  test('an admin with the right sees the real names, without the hint', async () => {
    await renderPlugin(mediation, { user: 'admin', database });
    await total(live().length);
    const page = document.body.textContent ?? '';
    expect(page).not.toContain('已脱敏');
    expect(live().some((c) => c.partyNames && page.includes(String(c.partyNames)))).toBe(true);
  });

  test('filtering by result narrows the list', async () => {
    await renderPlugin(mediation, { user: 'mediation', database });
    await total(live().length);
    await chooseOption('调解结果', '调解不成功');
    await clickButton('查询');
    const failed = live().filter((c) => c.result === 'failure');
    expect(failed.length).toBeGreaterThan(0);
    await total(failed.length);
    const cells = [...document.querySelectorAll('.ant-table-tbody td')].map((td) => td.textContent);
    expect(cells).toContain('调解不成功');
    expect(cells).not.toContain('调解成功');
  });

  test('speaks English when asked: SDK strings from the dictionary, labels from the metadata', async () => {
    await renderPlugin(mediation, { user: 'mediation', database, locale: 'en' });
    expect(await screen.findByText(`${live().length} in total`, {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('Mediation cases')).toBeTruthy();
    expect(screen.getAllByText('Masked').length).toBeGreaterThan(0);
    expect(screen.getByText('Show deleted')).toBeTruthy();
  });

  test('a viewer gets no create, edit or delete buttons', async () => {
    await renderPlugin(mediation, { user: 'viewer', database });
    await total(live().length);
    await screen.findAllByText(/^查\s?看$/);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    expect(screen.queryByText(/^编\s?辑$/)).toBeNull();
    expect(screen.queryByText(/^删\s?除$/)).toBeNull();
  });
});

describe('mediation list actions', () => {
  test('soft delete with confirm, then 显示已删除 and restore', async () => {
    const target = live().find((c) => c.status === 'accepted')!;
    const r = await renderPlugin(mediation, { user: 'mediation', database });
    await total(live().length);
    setText('关键词', String(target.caseNo));
    await clickButton('查询');
    await total(1);
    await clickButton('删除');
    await clickButton('删除', { container: (await screen.findByRole('tooltip')) as HTMLElement });
    await waitFor(async () => expect((await r.dataProvider.getOne({ resource: 'mediation_cases', id: target.id })).data.deletedAt).not.toBeNull(), { timeout: 10_000 });
    await screen.findAllByText('暂无数据', {}, { timeout: 10_000 });

    fireEvent.click(screen.getByRole('switch', { name: '显示已删除' }));
    expect(await screen.findByText('已删除', {}, { timeout: 10_000 })).toBeTruthy();
    await clickButton('恢复');
    await clickButton('恢复', { container: (await screen.findAllByRole('tooltip')).at(-1) as HTMLElement });
    await waitFor(async () => expect((await r.dataProvider.getOne({ resource: 'mediation_cases', id: target.id })).data.deletedAt).toBeNull(), { timeout: 10_000 });
  });

  test('the column chooser is remembered per resource', async () => {
    localStorage.removeItem('fazhi.columns.mediation_cases');
    await renderPlugin(mediation, { user: 'mediation', database });
    await total(live().length);
    const header = () => [...document.querySelectorAll('.ant-table-thead th')].map((th) => th.textContent);
    expect(header()).toContain('当事人姓名');
    await clickButton('列设置');
    fireEvent.click(await screen.findByRole('checkbox', { name: '当事人姓名' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '调解员' }));
    await waitFor(() => expect(header()).not.toContain('当事人姓名'));
    expect(header()).toContain('调解员');
    expect(JSON.parse(localStorage.getItem('fazhi.columns.mediation_cases')!)).toContain('mediator');
    cleanup();
    await renderPlugin(mediation, { user: 'mediation', database });
    await total(live().length);
    expect(header()).toContain('调解员');
    expect(header()).not.toContain('当事人姓名');
    localStorage.removeItem('fazhi.columns.mediation_cases');
  });
});

describe('mediation form', () => {
  test('creating a case through the form saves it, and the list shows it', async () => {
    const r = await renderPlugin(mediation, { user: 'mediation', database, route: `${list}/create` });
    await screen.findByText('受理信息', {}, { timeout: 15_000 });
    setText('案件编号', '南沙调〔2025〕第9001号');
    await chooseOption('案件来源', '当事人申请');
    await chooseOption('纠纷类型', '邻里');
    await setDate('受理日期', '2025-03-05');
    setText('当事人姓名', '测试甲、测试乙');
    setText('涉及人数', '2');
    setText('涉及金额', '1234.56');
    await clickButton('保存');
    await waitFor(() => expect(r.location()).toMatch(/\/show\//), { timeout: 15_000 });
    const saved = await r.dataProvider.getList({ resource: 'mediation_cases', filters: [{ field: 'caseNo', operator: 'eq', value: '南沙调〔2025〕第9001号' }] });
    expect(saved.total).toBe(1);
    expect(saved.data[0]).toMatchObject({ source: 'party_application', disputeType: 'neighbourhood', acceptedOn: '2025-03-05', partiesCount: 2, amount: 123456, status: 'accepted', version: 1 });
    cleanup();

    await renderPlugin(mediation, { user: 'mediation', database });
    await total(live().length + 1);
    setText('关键词', '9001');
    await clickButton('查询');
    await total(1);
    expect(await screen.findByText('南沙调〔2025〕第9001号')).toBeTruthy();
  });

  test('invalid input shows the Chinese field errors and saves nothing', async () => {
    const r = await renderPlugin(mediation, { user: 'mediation', database, route: `${list}/create` });
    await screen.findByText('受理信息', {}, { timeout: 15_000 });
    const before = (await r.dataProvider.getList({ resource: 'mediation_cases', pagination: { mode: 'off' } })).total;
    setText('案件编号', '南沙调〔2025〕第9002号');
    setText('涉及人数', '0');
    setText('涉及金额', '12.345');
    await chooseOption('办理状态', '已结案');
    await clickButton('保存');
    expect(await screen.findByText('「受理日期」为必填项')).toBeTruthy();
    expect(screen.getByText('「案件来源」为必填项')).toBeTruthy();
    expect(screen.getByText('「涉及人数」不能小于1')).toBeTruthy();
    expect(screen.getByText('「涉及金额」应为金额（元，最多两位小数）')).toBeTruthy();
    // A cross-field rule is shown on the field it blames.
    expect(screen.getByText('「办理状态」为“已结案”或“已回访”时，「结案日期」为必填项')).toBeTruthy();
    expect(r.location()).toBe(`${list}/create`);
    expect((await r.dataProvider.getList({ resource: 'mediation_cases', pagination: { mode: 'off' } })).total).toBe(before);
  });

  test('field errors from the server land on their fields', async () => {
    // A rule only the server knows (say, a case number already used): HttpError.errors by field.
    const refusal = Object.assign(new Error('案件编号重复'), { statusCode: 400, errors: { caseNo: ['「案件编号」已被其他案件使用'] } });
    await renderPlugin(mediation, {
      user: 'mediation',
      database,
      route: `${list}/create`,
      wrapDataProvider: (p) => ({ ...p, create: async () => Promise.reject(refusal) }),
    });
    await screen.findByText('受理信息', {}, { timeout: 15_000 });
    setText('案件编号', '南沙调〔2024〕第0001号');
    await chooseOption('案件来源', '主动调解');
    await chooseOption('纠纷类型', '合同');
    await setDate('受理日期', '2024-06-01');
    setText('涉及人数', '1');
    await clickButton('保存');
    const message = await screen.findByText('「案件编号」已被其他案件使用', {}, { timeout: 10_000 });
    expect(message.closest('.ant-form-item')?.querySelector('input')?.id).toBe('caseNo');
    expect(screen.getByText('保存失败')).toBeTruthy();
  });

  test('a stale edit shows the conflict message and changes nothing', async () => {
    const target = live().find((c) => c.status === 'followed_up')!;
    const r = await renderPlugin(mediation, { user: 'admin', database, route: `${list}/edit/${target.id}` });
    await screen.findByDisplayValue(String(target.caseNo), {}, { timeout: 15_000 });
    // Somebody else saves the record meanwhile.
    const current = await r.dataProvider.getOne({ resource: 'mediation_cases', id: target.id });
    await r.dataProvider.update({ resource: 'mediation_cases', id: target.id, variables: { mediator: '另一位调解员', version: current.data.version } });
    setText('调解员', '我的修改');
    await clickButton('保存');
    expect(await screen.findByText('保存失败：记录已被他人修改', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText(`记录已被他人修改（当前版本 ${Number(current.data.version) + 1}），请刷新后重试`)).toBeTruthy();
    const after = await r.dataProvider.getOne({ resource: 'mediation_cases', id: target.id });
    expect(after.data.mediator).toBe('另一位调解员');
  });
});

describe('mediation workflow', () => {
  test('moves a case to 结案, asking for the agreement form only when the result is a success', async () => {
    const target = live().find((c) => c.status === 'mediating')!;
    const r = await renderPlugin(mediation, { user: 'mediation', database, route: `${list}/show/${target.id}` });
    await screen.findByText('当前状态：调解中', {}, { timeout: 15_000 });
    await clickButton('结案');
    const dialog = (await screen.findByRole('dialog')) as HTMLElement;
    await chooseOption('调解结果', '调解成功', { container: dialog });
    await setDate('结案日期', String(target.acceptedOn).slice(0, 8) + '28', { container: dialog });
    await clickButton('确定', { container: dialog });
    expect(await screen.findByText('「调解结果」为“调解成功”时，「协议形式」为必填项')).toBeTruthy();
    await chooseOption('协议形式', '书面协议', { container: dialog });
    await clickButton('确定', { container: dialog });
    await screen.findByText('当前状态：已结案', {}, { timeout: 15_000 });
    const after = await r.dataProvider.getOne({ resource: 'mediation_cases', id: target.id });
    expect(after.data).toMatchObject({ status: 'closed', result: 'success', agreementForm: 'written' });
    expect(screen.getByRole('button', { name: /回\s*访/ })).toBeTruthy();
  });
});

describe('mediation attachments and dashboard', () => {
  test('uploads a 调解协议书 under <org>/<kind>/<record>/agreement/<key>, keeping its Chinese name', async () => {
    const target = live()[0]!;
    const r = await renderPlugin(mediation, { user: 'mediation', database, route: `${list}/show/${target.id}` });
    await screen.findByText('调解协议书', {}, { timeout: 15_000 });
    // The upload button appears once access control has answered.
    const input = await waitFor(() => {
      const el = document.querySelector<HTMLInputElement>('input[type=file]');
      if (!el) throw new Error('上传按钮尚未出现');
      return el;
    });
    const file = new File(['%PDF-1.4'], '协议书.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText('协议书.pdf', {}, { timeout: 10_000 })).toBeTruthy();
    const files = await r.attachments.list({ orgId: String(target.orgId), kindId: 'mediation_cases', recordId: String(target.id) });
    const folder = `${String(target.orgId).toLowerCase()}/mediation_cases/${String(target.id).toLowerCase()}/agreement/`;
    expect(files).toHaveLength(1);
    expect(files[0]!.fileName).toBe('协议书.pdf');
    expect(files[0]!.path.slice(0, folder.length)).toBe(folder);
    expect(files[0]!.path.slice(folder.length)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.pdf$/);
  });

  test('the dashboard shows the 2024 figures with 同比, computed in the database as the user', async () => {
    // A database of its own: the other tests here change cases of 2024.
    const fresh = await createPluginDatabase(mediation);
    const root = fresh.dataset.manifest.rootOrgId;
    await renderPlugin(mediation, { user: 'mediation', database: fresh, route: '/mediation', dashboardYear: 2024, dashboardOrgId: root });
    // The same figure the in-memory evaluator gives over the seed (the two evaluators must agree).
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: fresh.model.catalog });
    const c = ev.compare('mediation.successful_cases', root, { kind: 'year', year: 2024 });
    const card = await findIndicatorCard(c.current.indicator.id);
    expect(card.textContent).toContain(formatIndicator(c.current.indicator, c.current.value));
    expect(card.textContent).toContain(formatChange(c));
    expect((await findIndicatorCard('mediation.success_rate')).textContent).toContain('调解成功率');
    expect(await screen.findByRole('img', { name: /^每月成功调处矛盾纠纷：1月/ })).toBeTruthy();
    cleanup();
    await fresh.close();
  });

  test('the 2023 cards say 上年无数据 and show no change: the seed’s ledgers begin with 2023', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(mediation, { user: 'mediation', database, route: '/mediation', dashboardYear: 2023, dashboardOrgId: root });
    const cards = await waitFor(
      () => {
        const found = [...document.querySelectorAll('[data-indicator]')].filter((el) => el.querySelector('[data-comparison]'));
        if (found.length < 4) throw new Error('看板卡片尚未加载');
        return found;
      },
      { timeout: 15_000 },
    );
    for (const card of cards) {
      const note = card.querySelector('[data-comparison]')!;
      expect([note.getAttribute('data-comparison'), note.textContent]).toEqual(['no_previous_data', '上年无数据']);
      expect(card.textContent).not.toMatch(/同比|上年同期/);
    }
    cleanup();
    await renderPlugin(mediation, { user: 'mediation', database, route: '/mediation', dashboardYear: 2023, dashboardOrgId: root, locale: 'en' });
    await findIndicatorCard('mediation.successful_cases');
    const notes = [...document.querySelectorAll('[data-indicator] [data-comparison]')].map((n) => n.textContent);
    expect(notes).toEqual(Array(4).fill('No data for last year'));
    cleanup();
  });
});

describe('mediation business keys', () => {
  test('a case number already used in the street is refused by the database, under 案件编号', async () => {
    const taken = live()[0]!;
    const r = await renderPlugin(mediation, { user: 'mediation', database, route: `${list}/create` });
    await screen.findByText('受理信息', {}, { timeout: 15_000 });
    const before = (await r.dataProvider.getList({ resource: 'mediation_cases', pagination: { mode: 'off' } })).total;
    setText('案件编号', String(taken.caseNo));
    await chooseOption('案件来源', '主动调解');
    await chooseOption('纠纷类型', '合同');
    await setDate('受理日期', '2024-06-01');
    setText('涉及人数', '1');
    await clickButton('保存');
    const text = `案件编号“${String(taken.caseNo)}”在本街道已存在（人民调解案件，受理日期 ${String(taken.acceptedOn)}）`;
    await waitFor(() => expect(screen.getAllByText(text).some((m) => m.closest('.ant-form-item')?.querySelector('input')?.id === 'caseNo')).toBe(true), { timeout: 10_000 });
    expect(screen.queryByText('保存失败：记录已被他人修改')).toBeNull();
    expect((await r.dataProvider.getList({ resource: 'mediation_cases', pagination: { mode: 'off' } })).total).toBe(before);
  });

  test('duplicates stored before the rule are listed for a street admin, not for a clerk', async () => {
    const taken = live()[0]!;
    // As an older database may hold them: the uniqueness trigger did not exist yet.
    const copy = await database.db.transaction(async (tx) => {
      await tx.exec('alter table public.mediation_cases disable trigger mediation_cases_unique_case_no');
      const row = await tx.query<{ id: string }>(
        `insert into public.mediation_cases (org_id, case_no, source, dispute_type, parties_count, accepted_on, status) values ($1, $2, 'proactive', 'contract', 1, '2024-06-01', 'accepted') returning id`,
        [taken.orgId, taken.caseNo],
      );
      await tx.exec('alter table public.mediation_cases enable trigger mediation_cases_unique_case_no');
      return row.rows[0]!.id;
    });
    try {
      await renderPlugin(mediation, { user: 'admin', database });
      expect(await screen.findByText('发现 1 个重复的业务编号', {}, { timeout: 15_000 })).toBeTruthy();
      // The key is record data inside the sentence (marked data-record), so the item is read whole.
      expect(screen.getByText((_, el) => el?.tagName === 'LI' && el.textContent === `人民调解案件：案件编号“${String(taken.caseNo)}”有 2 条记录`)).toBeTruthy();
      // Kept while the list is used; a write of the kind (here a delete from the list) checks again.
      setText('关键词', String(taken.caseNo));
      await clickButton('查询');
      await total(2);
      expect(screen.getByText('发现 1 个重复的业务编号')).toBeTruthy();
      const row = document.querySelector(`tr[data-row-key="${copy}"]`) as HTMLElement;
      await clickButton('删除', { container: row });
      await clickButton('删除', { container: (await screen.findByRole('tooltip')) as HTMLElement });
      await total(1);
      await waitFor(() => expect(screen.queryByText(/重复的业务编号/)).toBeNull(), { timeout: 10_000 });
      cleanup();
      await renderPlugin(mediation, { user: 'mediation', database });
      await screen.findByText(/^共 \d+ 条$/, {}, { timeout: 15_000 });
      expect(screen.queryByText(/重复的业务编号/)).toBeNull();
    } finally {
      await database.db.query('delete from public.mediation_cases where id = $1', [copy]);
    }
  });

  test('待办 counts the closed cases awaiting 回访, for the mediation clerk and the admin, not for a viewer', async () => {
    // The seed's cases as they stand now: the workflow test above closes one of them.
    const stored = await database.db.query<{ n: number }>(
      `select count(*)::int as n from public.mediation_cases where status = 'closed' and deleted_at is null and id = any($1::uuid[])`,
      [live().map((c) => c.id)],
    );
    const awaiting = stored.rows[0]!.n;
    expect(awaiting).toBeGreaterThanOrEqual(live().filter((c) => c.status === 'closed').length);
    expect(awaiting).toBeGreaterThan(0);
    expect(await todoCounts(mediation, database, 'mediation')).toEqual({ 'mediation_cases.follow-up': awaiting });
    expect(await todoCounts(mediation, database, 'admin')).toEqual({ 'mediation_cases.follow-up': awaiting });
    expect(await todoCounts(mediation, database, 'viewer')).toEqual({});
  }, 60_000);
});
