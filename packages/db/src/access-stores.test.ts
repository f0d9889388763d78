import { describe, expect, it } from 'vitest';
import { supabaseAccessStore } from './access-stores.js';
import { pgError, recordingClient, recordingFetch } from './providers/recording-fetch.test-helper.js';

// PostgREST cannot run here: the Supabase store is checked against a recording fetch (the SQL one
// and every rule run on PGlite and PostgreSQL in rls/members-and-access.test.ts).
const orgId = '00000000-0000-4000-8000-0000000000a0';
const memberRow = {
  membership_id: 'm1',
  user_id: 'u1',
  email: 'clerk@example.test',
  display_name: '陈调解',
  org_id: orgId,
  org_name: '甲街道',
  role: 'clerk',
  areas: ['mediation'],
  personal_data: false,
  active: true,
  must_change_password: false,
};
const invitationRow = {
  id: 'i1',
  email: 'new@example.test',
  org_id: orgId,
  org_name: '甲街道',
  role: 'viewer',
  areas: [],
  personal_data: true,
  reason: '新同事',
  invited_by: 'u0',
  invited_at: '2026-12-05T09:00:00+00:00',
  expires_at: '2026-12-19T09:00:00+00:00',
  accepted_at: null,
  withdrawn_at: null,
};

describe('supabaseAccessStore', () => {
  it('calls every access function as POST /rest/v1/rpc/<name> and maps its rows', async () => {
    const rec = recordingFetch((req) => ({
      body: req.path.endsWith('invitations') || req.path.endsWith('invite_member') ? [invitationRow] : req.path.endsWith('_membership') && !req.path.endsWith('revoke_membership') ? [memberRow] : req.path.endsWith('list_members') ? [memberRow] : null,
    }));
    const store = supabaseAccessStore(recordingClient(rec));
    const grant = { orgId, role: 'clerk' as const, areas: ['mediation'], personalData: false };
    const member = { membershipId: 'm1', userId: 'u1', email: 'clerk@example.test', displayName: '陈调解', ...grant, active: true, mustChangePassword: false };
    expect(await store.listMembers()).toEqual([member]);
    await store.listMembers(orgId);
    expect(await store.grant('u1', grant, '新到岗')).toEqual(member);
    await store.changeGrant('m1', { areas: ['mediation', 'legal_aid'] }, '兼法援');
    await store.changeGrant('m1', { role: 'viewer', personalData: true }, '改查看');
    await store.revoke('m1', '离职');
    await store.setActive('u1', false, '停薪留职');
    const invitation = await store.invite('new@example.test', { orgId, role: 'viewer', areas: [], personalData: true }, '新同事');
    expect(invitation).toEqual({
      id: 'i1', email: 'new@example.test', orgId, role: 'viewer', areas: [], personalData: true, invitedBy: 'u0',
      invitedAt: invitationRow.invited_at, expiresAt: invitationRow.expires_at, acceptedAt: null, withdrawnAt: null,
    });
    await store.invite('new@example.test', { orgId, role: 'viewer', areas: [], personalData: false }, '新同事', 3);
    expect(await store.listInvitations(orgId)).toHaveLength(1);
    await store.withdrawInvitation('i1', '岗位取消');
    expect(rec.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/rest/v1/rpc/list_members', {}],
      ['POST', '/rest/v1/rpc/list_members', { p_org: orgId }],
      ['POST', '/rest/v1/rpc/grant_membership', { p_user: 'u1', p_org: orgId, p_role: 'clerk', p_areas: ['mediation'], p_personal_data: false, p_reason: '新到岗' }],
      ['POST', '/rest/v1/rpc/change_membership', { p_membership: 'm1', p_reason: '兼法援', p_areas: ['mediation', 'legal_aid'] }],
      ['POST', '/rest/v1/rpc/change_membership', { p_membership: 'm1', p_reason: '改查看', p_role: 'viewer', p_personal_data: true }],
      ['POST', '/rest/v1/rpc/revoke_membership', { p_membership: 'm1', p_reason: '离职' }],
      ['POST', '/rest/v1/rpc/set_member_active', { p_user: 'u1', p_active: false, p_reason: '停薪留职' }],
      ['POST', '/rest/v1/rpc/invite_member', { p_email: 'new@example.test', p_org: orgId, p_role: 'viewer', p_areas: [], p_personal_data: true, p_reason: '新同事', p_expires_in_days: 14 }],
      ['POST', '/rest/v1/rpc/invite_member', { p_email: 'new@example.test', p_org: orgId, p_role: 'viewer', p_areas: [], p_personal_data: false, p_reason: '新同事', p_expires_in_days: 3 }],
      ['POST', '/rest/v1/rpc/list_invitations', { p_org: orgId }],
      ['POST', '/rest/v1/rpc/withdraw_invitation', { p_invitation: 'i1', p_reason: '岗位取消' }],
    ]);
  });

  it('fails in Chinese: the database’s own message when it is ours, never PostgREST’s English', async () => {
    const lastAdmin = recordingFetch(() => pgError(409, 'FZ409', '“甲街道”只剩这一位在职的管理员，不能撤销、降级或停用；请先为该单位授予另一位管理员'));
    await expect(supabaseAccessStore(recordingClient(lastAdmin)).revoke('m1', '调走')).rejects.toThrow('撤销权限失败：“甲街道”只剩这一位在职的管理员');
    const beyond = recordingFetch(() => pgError(403, 'FZ403', '您在该单位没有个人信息授权，不能授予他人'));
    await expect(supabaseAccessStore(recordingClient(beyond)).setActive('u1', true, '返岗')).rejects.toThrow('启用成员失败：您在该单位没有个人信息授权');
    const missing = recordingFetch(() => pgError(404, 'PGRST202', 'Could not find the function public.list_members in the schema cache'));
    await expect(supabaseAccessStore(recordingClient(missing)).listMembers()).rejects.toThrow('读取成员失败：数据服务出错，请稍后重试');
    const behind = recordingFetch(() => ({ body: [{ ...memberRow, role: 'owner' }] }));
    await expect(supabaseAccessStore(recordingClient(behind)).listMembers()).rejects.toThrow('成员列表返回的“role”不是区级督导、管理员、业务经办人或查看者');
    const empty = recordingFetch(() => ({ body: [] }));
    await expect(supabaseAccessStore(recordingClient(empty)).grant('u1', { orgId, role: 'viewer', areas: [], personalData: false }, 'x')).rejects.toThrow('授予权限没有返回结果，请检查数据库迁移');
  });
});
