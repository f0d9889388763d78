// @vitest-environment jsdom
import { composeConsole } from '@fazhi/plugin-sdk/host';
import { clickButton, createPluginDatabase, demoAccount, installDomShims, setDate, setText, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { MemoryRouter, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { patrolPlugin } from '../../../../packages/plugin-sdk/src/test-kind.test-helper.js';
import mediation from '@fazhi/plugin-mediation';
import type { ConsoleBackend, SignedInSession } from '../backend/backend.js';
import { connectAs } from '../backend/embedded/embedded-database.js';
import ConsoleShell from './console-shell.js';

/**
 * The console's own setup — its composition of the configured plugins, the embedded backend's
 * `connectAs` (data provider, SQL evaluator, attachments as the user), the shell with its Refine,
 * access control, i18n and home page — with a plugin whose kind no fazhi package ships, next to
 * mediation. Only the sign-in wrapper around `connectAs` is a stand-in (the worker and IndexedDB
 * behind `openDatabase` need a browser; the browser suite covers them); the database is a real
 * embedded PostgreSQL brought to the composed model by migrateModel, as the worker does.
 */
const composition = composeConsole([mediation, patrolPlugin()]);
const account = demoAccount('admin');
const session: SignedInSession = { userId: account.id, email: account.email, displayName: account.displayName };
let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(composition.plugins.find((p) => p.id === 'legal-points')!, { model: composition.model });
}, 120_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const backend = (): ConsoleBackend => ({
  kind: 'embedded',
  description: '本机演示数据库',
  demoLogins: [],
  warmUp: async () => undefined,
  restoreSession: async () => session,
  signIn: async () => session,
  signOut: async () => undefined,
  connect: (s) => connectAs({ db: database.db, manifest: { year: 2025 } }, s, composition.model),
});

let where = '';
function LocationProbe() {
  const l = useLocation();
  where = l.pathname;
  return null;
}

function renderConsole(route: string) {
  installDomShims();
  return render(
    <ConfigProvider locale={zhCN}>
      <AntdApp>
        <MemoryRouter initialEntries={[route]}>
          <ConsoleShell backend={backend()} composition={composition} session={session} locale="zh-CN" onLocaleChange={() => undefined} onSignedOut={() => undefined} />
          <LocationProbe />
        </MemoryRouter>
      </AntdApp>
    </ConfigProvider>,
  );
}

const list = '/legal-points/legal-point-patrols';

describe('the console serves a plugin-only kind', () => {
  test('its menu entry is there; a record is created, shown and listed through the console’s data provider', async () => {
    renderConsole(`${list}/create`);
    await screen.findByText('巡查', {}, { timeout: 20_000 });
    expect(screen.getAllByText('法律服务点').length).toBeGreaterThan(0);
    setText('巡查编号', '巡〔2025〕7号');
    await setDate('巡查日期', '2025-06-18');
    setText('接待人数', '5');
    await clickButton('保存');
    await waitFor(() => expect(where).toMatch(/^\/legal-points\/legal-point-patrols\/show\//), { timeout: 15_000 });
    expect(await screen.findByText('当前状态：已安排', {}, { timeout: 15_000 })).toBeTruthy();
    const { rows } = await database.db.query<{ visitors: number; org_id: string }>("select visitors, org_id from public.legal_point_patrols where patrol_no = '巡〔2025〕7号'");
    expect(rows).toEqual([expect.objectContaining({ visitors: 5 })]);
    cleanup();

    renderConsole(list);
    await screen.findByText('共 1 条', {}, { timeout: 20_000 });
    const cells = [...document.querySelectorAll('.ant-table-tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(expect.arrayContaining(['巡〔2025〕7号', '2025-06-18', '已安排', '5']));
  });

  test('the home page shows its figure, computed in the database over the composed catalog', async () => {
    renderConsole('/');
    const card = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-indicator="legal_points.patrols"]');
      if (!el) throw new Error('指标卡片尚未出现');
      return el;
    }, { timeout: 20_000 });
    await waitFor(() => expect(within(card).getByText('1次')).toBeTruthy(), { timeout: 15_000 });
    expect(within(card).getByText('法律服务点巡查次数')).toBeTruthy();
  });

  test('an attachment on its record goes through the console’s attachment store, under the database’s rules', async () => {
    const { rows } = await database.db.query<{ id: string; org_id: string }>("select id, org_id from public.legal_point_patrols where patrol_no = '巡〔2025〕7号'");
    const record = rows[0]!;
    const { attachments } = await backend().connect(session);
    const ref = { orgId: record.org_id, kindId: 'legal_point_patrols', recordId: record.id, slot: 'photos' };
    const stored = await attachments.put(ref, new Blob(['%PDF-1.4'], { type: 'application/pdf' }), '巡查照片.pdf');
    expect(stored.path.startsWith(`${record.org_id}/legal_point_patrols/${record.id}/photos/`.toLowerCase())).toBe(true);
    expect((await attachments.list(ref)).map((a) => a.fileName)).toEqual(['巡查照片.pdf']);
  });
});
