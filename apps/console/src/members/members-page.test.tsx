// @vitest-environment jsdom
import { supabaseAccessStore } from '@fazhi/db/browser';
import type { ConsoleUser, FazhiServices } from '@fazhi/plugin-sdk';
import { createI18nProvider, FazhiServicesProvider } from '@fazhi/plugin-sdk/ui';
import { chooseOption, clickButton, installDomShims, setText } from '@fazhi/plugin-sdk/testing';
import { Refine } from '@refinedev/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { pgError, recordingClient, recordingFetch, type Responder } from '../../../../packages/db/src/providers/recording-fetch.test-helper.js';
import { consoleMessages } from '../messages.js';
import { MembersPage } from './members-page.js';

/**
 * The 成员与权限 page on Supabase: its calls go through supabaseAccessStore to PostgREST, recorded
 * by the recording fetch of @fazhi/db and answered with canned rows. What this checks: which
 * requests the page's buttons send (the rules themselves run on PostgreSQL in
 * members-and-access.test.ts and local-accounts.test.ts), and that a refusal of the database is
 * shown in the dialog as it is.
 */
const district = '00000000-0000-4000-8000-0000000000d0';
const street = '00000000-0000-4000-8000-0000000000a0';
const me = '00000000-0000-4000-9000-000000000002';
const clerk = '00000000-0000-4000-9000-000000000103';

const user: ConsoleUser = {
  id: me,
  name: '街道管理员',
  memberships: [{ orgId: street, role: 'admin', areas: [], personalData: true }],
  orgs: [
    { id: district, parentId: null, kind: 'district', name: '测试区' },
    { id: street, parentId: district, kind: 'street', name: '甲街道' },
  ],
};

const memberRow = (over: Record<string, unknown>) => ({
  membership_id: 'm-admin', user_id: me, email: 'admin@example.test', display_name: '王管理', org_id: street, org_name: '甲街道',
  role: 'admin', areas: [], personal_data: true, active: true, must_change_password: false, ...over,
});
const clerkRow = memberRow({ membership_id: 'm-clerk', user_id: clerk, email: 'clerk@example.test', display_name: '李调解', role: 'clerk', areas: ['mediation'], personal_data: false });
const invitationRow = {
  id: 'i1', email: 'new@example.test', org_id: street, org_name: '甲街道', role: 'viewer', areas: [], personal_data: false, reason: '新同事',
  invited_by: me, invited_at: '2026-12-01T02:00:00Z', expires_at: '2026-12-15T02:00:00Z', accepted_at: null, withdrawn_at: null,
};

afterEach(() => cleanup());

/** The page as the console renders it; `headerOrgId` is the header's unit (单位), when one is chosen. */
function renderPage(respond: Responder, headerOrgId?: string) {
  installDomShims();
  const rec = recordingFetch(respond);
  const access = supabaseAccessStore(recordingClient(rec));
  const page = (orgId: string | undefined) => {
    const services = { user, kinds: undefined, catalog: undefined, ...(orgId ? { dashboardOrgId: orgId } : {}) } as unknown as FazhiServices;
    return (
      <ConfigProvider locale={zhCN}>
        <AntdApp>
          <MemoryRouter initialEntries={['/members']}>
            <Refine i18nProvider={createI18nProvider({ plugins: [], locale: 'zh-CN', messages: consoleMessages })} options={{ disableTelemetry: true }}>
              <FazhiServicesProvider services={services}>
                <MembersPage access={access} invitations />
              </FazhiServicesProvider>
            </Refine>
          </MemoryRouter>
        </AntdApp>
      </ConfigProvider>
    );
  };
  const { rerender } = render(page(headerOrgId));
  return Object.assign(rec, { switchUnit: (orgId: string) => rerender(page(orgId)) });
}

const rpc = (rec: ReturnType<typeof recordingFetch>) => rec.requests.map((r) => [r.path.replace('/rest/v1/rpc/', ''), r.body]);
const dialog = () => within(screen.getByRole('dialog'));
const rowOf = (email: string) => screen.getByText(email).closest('tr')!;

describe('成员与权限 on Supabase', () => {
  it('lists members and invitations, and sends each change as its function with the reason', async () => {
    const rec = renderPage((req) => {
      if (req.path.endsWith('list_members')) return { body: [memberRow({}), clerkRow] };
      if (req.path.endsWith('list_invitations')) return { body: [invitationRow] };
      if (req.path.endsWith('change_membership')) return { body: [{ ...clerkRow, personal_data: true }] };
      if (req.path.endsWith('invite_member')) return { body: [{ ...invitationRow, id: 'i2', email: 'zhao@example.test' }] };
      return { body: null };
    });
    await screen.findByText('clerk@example.test', {}, { timeout: 10_000 });
    await screen.findByText('new@example.test');
    expect(rpc(rec)).toEqual([
      ['list_members', {}],
      ['list_invitations', {}],
    ]);
    // Nothing on the admin's own row; the clerk's shows the area.
    expect(within(rowOf('admin@example.test')).getByText('本人（不能修改自己的授权）')).toBeTruthy();
    expect(within(rowOf('clerk@example.test')).getByText('人民调解')).toBeTruthy();

    rec.requests.length = 0;
    await act(async () => fireEvent.click(within(rowOf('clerk@example.test')).getByText('修改授权')));
    await act(async () => fireEvent.click(dialog().getByRole('checkbox')));
    setText('原因', '兼管个人信息核对', { container: screen.getByRole('dialog') });
    await clickButton('确定', { container: screen.getByRole('dialog') });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await act(async () => fireEvent.click(within(rowOf('clerk@example.test')).getByText('撤销')));
    setText('原因', '调离', { container: screen.getByRole('dialog') });
    await clickButton('确定', { container: screen.getByRole('dialog') });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await act(async () => fireEvent.click(within(rowOf('clerk@example.test')).getByText('停用')));
    setText('原因', '长期病假', { container: screen.getByRole('dialog') });
    await clickButton('确定', { container: screen.getByRole('dialog') });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await clickButton('邀请成员');
    const invite = { container: screen.getByRole('dialog') };
    setText('邮箱', 'zhao@example.test', invite);
    await chooseOption('角色', '经办人', invite);
    await chooseOption('业务领域', ['人民调解', '法律援助'], invite);
    setText('原因', '新到岗', invite);
    await clickButton('确定', invite);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await act(async () => fireEvent.click(within(rowOf('new@example.test')).getByText('撤回')));
    setText('原因', '岗位取消', { container: screen.getByRole('dialog') });
    await clickButton('确定', { container: screen.getByRole('dialog') });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const changes = rpc(rec).filter(([name]) => !String(name).startsWith('list_'));
    expect(changes).toEqual([
      ['change_membership', { p_membership: 'm-clerk', p_reason: '兼管个人信息核对', p_role: 'clerk', p_areas: ['mediation'], p_personal_data: true }],
      ['revoke_membership', { p_membership: 'm-clerk', p_reason: '调离' }],
      ['set_member_active', { p_user: clerk, p_active: false, p_reason: '长期病假' }],
      ['invite_member', { p_email: 'zhao@example.test', p_org: street, p_role: 'clerk', p_areas: ['mediation', 'legal_aid'], p_personal_data: false, p_reason: '新到岗', p_expires_in_days: 14 }],
      ['withdraw_invitation', { p_invitation: 'i1', p_reason: '岗位取消' }],
    ]);
    // After each change the lists are read again.
    expect(rpc(rec).filter(([name]) => name === 'list_members')).toHaveLength(5);
  }, 180_000);

  it('follows the header’s unit: lists the members and invitations of that unit, and again when the unit changes', async () => {
    const rec = renderPage((req) => {
      const orgId = (req.body as { p_org?: string }).p_org;
      if (req.path.endsWith('list_members')) return { body: orgId === street ? [memberRow({}), clerkRow] : [memberRow({})] };
      if (req.path.endsWith('list_invitations')) return { body: orgId === street ? [invitationRow] : [] };
      return { body: null };
    }, street);
    await screen.findByText('clerk@example.test', {}, { timeout: 10_000 });
    expect(screen.getByTestId('members-title').textContent).toBe('甲街道 · 成员与权限');
    expect(rpc(rec)).toEqual([
      ['list_members', { p_org: street }],
      ['list_invitations', { p_org: street }],
    ]);
    rec.requests.length = 0;
    rec.switchUnit(district);
    await waitFor(() => expect(screen.queryByText('clerk@example.test')).toBeNull());
    expect(screen.getByTestId('members-title').textContent).toBe('测试区 · 成员与权限');
    expect(rpc(rec)).toEqual([
      ['list_members', { p_org: district }],
      ['list_invitations', { p_org: district }],
    ]);
  }, 90_000);

  it('shows the database’s refusal in the dialog and keeps it open', async () => {
    renderPage((req) => {
      if (req.path.endsWith('list_members')) return { body: [memberRow({}), memberRow({ membership_id: 'm-other', user_id: clerk, email: 'other@example.test' })] };
      if (req.path.endsWith('list_invitations')) return { body: [] };
      return pgError(409, 'FZ409', '“甲街道”只剩这一位在职的管理员，不能撤销、降级或停用；请先为该单位授予另一位管理员');
    });
    await screen.findByText('other@example.test', {}, { timeout: 10_000 });
    await act(async () => fireEvent.click(within(rowOf('other@example.test')).getByText('撤销')));
    setText('原因', '调走', { container: screen.getByRole('dialog') });
    await clickButton('确定', { container: screen.getByRole('dialog') });
    const alert = await dialog().findByRole('alert');
    expect(alert.textContent).toBe('操作失败：撤销权限失败：“甲街道”只剩这一位在职的管理员，不能撤销、降级或停用；请先为该单位授予另一位管理员');
  }, 90_000);
});
