// @vitest-environment jsdom
import { asUser, sqlAttachmentStore } from '@fazhi/db/browser';
import { uuidFor } from '@fazhi/db';
import { todayInShanghai } from '@fazhi/domain';
import { Evaluator, formatChange, formatIndicator } from '@fazhi/metrics';
import { chooseOption, clickButton, createPluginDatabase, demoAccount, findIndicatorCard, renderPlugin, setDate, setText, todoCounts, uploadFile, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import rectification from './index.js';

let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(rectification);
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

type Task = Record<string, unknown>;
/** Live seed tasks of the demo street (what RLS lets its accounts read). */
const live = (): Task[] => database.liveRecords('rectification_tasks');
/** Overdue as a clerk means it, written out here rather than taken from the plugin: past 整改期限 and not yet completed. */
const overdue = (t: Task) => String(t.deadline) < todayInShanghai() && !['completed', 'closed_out'].includes(String(t.status));
const list = '/rectification/rectification-tasks';
const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });
const task = { problem: '测试：执法公示信息更新不及时', source: 'district_assessment', sourceYear: 2024, department: '综合行政执法队', leaderLiaison: '甲', headLiaison: '乙', contactLiaison: '丙', assignedOn: '2025-03-01', deadline: '2025-05-31', status: 'pending' };
const streetOrg = () => uuidFor(String(live()[0]!.orgId));

describe('rectification', () => {
  test('the create form does not offer 已销号: 销号 needs its evidence, which only a saved task can hold', async () => {
    await renderPlugin(rectification, { user: 'rectification', database, route: `${list}/create` });
    await screen.findByText('新建时只列出无需附件即可到达的状态；需要附件的步骤请在保存、上传附件后于详情页办理', {}, { timeout: 20_000 });
    await chooseOption('整改状态', '已完成');
    const refused = await chooseOption('整改状态', '已销号').then(() => 'offered', (e: Error) => e.message);
    expect(refused).toContain('没有选项“已销号”');
  }, 60_000);

  test('the board groups the street’s tasks by status with 责任部门 and 整改期限, the overdue ones highlighted', async () => {
    await renderPlugin(rectification, { user: 'rectification', database, route: list });
    await total(live().length);
    fireEvent.click(screen.getByText('看板'));
    for (const [status, label] of [['pending', '未开始'], ['in_progress', '整改中'], ['completed', '已完成'], ['closed_out', '已销号']] as const) {
      const column = (await screen.findByRole('region', { name: label }, { timeout: 20_000 })) as HTMLElement;
      const mine = live().filter((t) => t.status === status);
      await waitFor(() => expect(column.querySelectorAll('.ant-card')).toHaveLength(mine.length), { timeout: 20_000 });
      const highlighted = [...column.querySelectorAll('.fazhi-card-attention')];
      expect(highlighted, label).toHaveLength(mine.filter(overdue).length);
      for (const card of highlighted) expect(card.textContent).toContain('已逾期');
      const sample = mine[0]!;
      const card = [...column.querySelectorAll('.ant-card')].find((c) => c.textContent?.startsWith(String(sample.problem)))!;
      expect(card.textContent).toContain(`责任部门：${String(sample.department)}`);
      expect(card.textContent).toContain(`整改期限：${String(sample.deadline)}`);
    }
    // The seed has overdue tasks (an unfinished patrol finding, a pending assessment task) and none among the completed.
    expect(live().filter(overdue).length).toBeGreaterThan(0);
  }, 60_000);

  test('只看已逾期 and 问题来源 narrow the list in the database', async () => {
    await renderPlugin(rectification, { user: 'rectification', database, route: list });
    await total(live().length);
    fireEvent.click(screen.getByLabelText('只看已逾期'));
    await clickButton('查询');
    await total(live().filter(overdue).length);
    expect(screen.getAllByText('已逾期')).toHaveLength(live().filter(overdue).length);
    fireEvent.click(screen.getByLabelText('只看已逾期'));
    await chooseOption('问题来源', '巡察');
    await clickButton('查询');
    const patrol = live().filter((t) => t.source === 'patrol');
    expect(patrol.length).toBeGreaterThan(0);
    await total(patrol.length);
  }, 60_000);

  test('销号 without the 整改佐证材料 is refused with the database’s Chinese message; with them it succeeds, each step recorded', async () => {
    const clerk = demoAccount('rectification');
    const attachments = sqlAttachmentStore({ session: (fn) => asUser(database.db, { userId: clerk.id }, fn) });
    const r = await renderPlugin(rectification, { user: 'rectification', database, route: list, attachments });
    const { data } = await r.dataProvider.create({ resource: 'rectification_tasks', variables: { ...task, orgId: streetOrg() } });
    const id = String(data.id);
    cleanup();
    const show = await renderPlugin(rectification, { user: 'rectification', database, route: `${list}/show/${id}`, attachments });
    await screen.findByText('当前状态：未开始', {}, { timeout: 20_000 });

    await clickButton('开始整改');
    let dialog = (await screen.findByRole('dialog')) as HTMLElement;
    setText('整改措施', '更新公示栏并建立每月核对制度', { container: dialog });
    await clickButton('确定', { container: dialog });
    await screen.findByText('当前状态：整改中', {}, { timeout: 20_000 });

    await clickButton('完成整改');
    dialog = (await screen.findByRole('dialog')) as HTMLElement;
    await setDate('完成日期', '2025-04-20', { container: dialog });
    await setDate('书面报告日期', '2025-04-22', { container: dialog });
    await clickButton('确定', { container: dialog });
    await screen.findByText('当前状态：已完成', {}, { timeout: 20_000 });
    // 完成整改 offers 整改措施 again, filled with what 开始整改 saved: left as it is, it stays.
    expect((await show.dataProvider.getOne({ resource: 'rectification_tasks', id })).data).toMatchObject({ measure: '更新公示栏并建立每月核对制度', completedOn: '2025-04-20' });

    await clickButton('销号');
    dialog = (await screen.findByRole('dialog')) as HTMLElement;
    await setDate('销号日期', '2025-05-10', { container: dialog });
    await clickButton('确定', { container: dialog });
    expect(await screen.findByText('“销号”需要先上传附件：整改佐证材料', {}, { timeout: 20_000 })).toBeTruthy();
    expect((await show.dataProvider.getOne({ resource: 'rectification_tasks', id })).data).toMatchObject({ status: 'completed', closedOutOn: null });
    await clickButton('取消', { container: dialog });

    const pdf = new File([new TextEncoder().encode('%PDF-1.7\n整改前后对照')], '整改前后对照.pdf', { type: 'application/pdf' });
    await uploadFile('整改佐证材料', pdf);
    expect(await screen.findByText('整改前后对照.pdf', {}, { timeout: 20_000 })).toBeTruthy();
    await clickButton('销号');
    dialog = (await screen.findByRole('dialog')) as HTMLElement;
    await setDate('销号日期', '2025-05-10', { container: dialog });
    await clickButton('确定', { container: dialog });
    await screen.findByText('当前状态：已销号', {}, { timeout: 20_000 });

    expect((await show.dataProvider.getOne({ resource: 'rectification_tasks', id })).data).toMatchObject({ status: 'closed_out', completedOn: '2025-04-20', reportedOn: '2025-04-22', closedOutOn: '2025-05-10' });
    const steps = await database.db.query<{ label: string; taken_by: string }>(`select label, taken_by from public.record_steps where record_id = $1 order by taken_at, label`, [id]);
    expect(steps.rows.map((s) => [s.label, s.taken_by])).toEqual([['开始整改', clerk.id], ['完成整改', clerk.id], ['销号', clerk.id]]);
    await database.db.query(`delete from public.rectification_tasks where id = $1`, [id]);
  }, 120_000);

  test('the dashboard shows the 2024 tasks and completion rate with 同比 and the monthly trend, computed in the database', async () => {
    const root = database.dataset.manifest.rootOrgId;
    await renderPlugin(rectification, { user: 'rectification', database, route: '/rectification', dashboardYear: 2024, dashboardOrgId: root });
    const ev = new Evaluator({ orgs: database.dataset.orgs, records: database.dataset.records, catalog: database.model.catalog });
    for (const id of ['rectification.tasks', 'rectification.completed', 'rectification.completion_rate']) {
      const c = ev.compare(id, root, { kind: 'year', year: 2024 });
      expect(c.current.value, id).toBeGreaterThan(0);
      const card = await findIndicatorCard(id);
      expect(card.textContent, id).toContain(formatIndicator(c.current.indicator, c.current.value));
      expect(card.textContent, id).toContain(formatChange(c));
    }
    expect(await screen.findByRole('img', { name: /^每月分派整改任务：1月/ })).toBeTruthy();
  }, 60_000);

  test('a clerk of another area can neither create nor change a task', async () => {
    const r = await renderPlugin(rectification, { user: 'mediation', database, route: list });
    expect((await screen.findAllByText('暂无数据', {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^新\s?建$/)).toBeNull();
    const refused = await r.dataProvider.create({ resource: 'rectification_tasks', variables: { ...task, orgId: streetOrg() } }).then(() => 'written', (e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
    const { rows } = await database.db.query(`select 1 from public.rectification_tasks where problem = $1`, [task.problem]);
    expect(rows).toEqual([]);
    const target = live().find((t) => t.status === 'in_progress')!;
    const changed = await r.dataProvider.update({ resource: 'rectification_tasks', id: String(target.id), variables: { department: '改写' } }).then(() => 'written', (e: unknown) => e);
    expect(changed).not.toBe('written');
    const after = await database.db.query<{ department: string }>(`select department from public.rectification_tasks where id = $1`, [uuidFor(String(target.id))]);
    expect(after.rows[0]!.department).toBe(target.department);
  }, 60_000);

  test('待办 counts the tasks due within 7 days or overdue and not 销号 (a completed one still awaits its 销号)', async () => {
    const r = await renderPlugin(rectification, { user: 'rectification', database, route: list });
    const today = todayInShanghai();
    const dayFromToday = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const ids: string[] = [];
    try {
      for (const [problem, dueIn] of [['测试：七日内到期', 7], ['测试：八日后到期', 8]] as const) {
        const { data } = await r.dataProvider.create({ resource: 'rectification_tasks', variables: { ...task, problem, assignedOn: today, deadline: dayFromToday(dueIn), orgId: streetOrg() } });
        ids.push(String(data.id));
      }
      const due = live().filter((t) => t.status !== 'closed_out' && String(t.deadline) <= dayFromToday(7)).length;
      expect(live().some((t) => t.status === 'completed')).toBe(true);
      expect(await todoCounts(rectification, database, 'rectification')).toEqual({ 'rectification_tasks.due': due + 1 });
      expect(await todoCounts(rectification, database, 'viewer')).toEqual({});
    } finally {
      if (ids.length) await database.db.query('delete from public.rectification_tasks where id = any($1::uuid[])', [ids]);
    }
  }, 60_000);
});
