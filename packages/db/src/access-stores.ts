import type { SupabaseClient } from '@supabase/supabase-js';
import type { AccessStore, Grant, Invitation, Member, MemberRole } from './access-store.js';
import { chineseOr } from './chinese-message.js';
import type { SqlExecutor } from './client.js';
import type { SupabaseDatabase } from './database-types.generated.js';
import { boolean, broken, text, textList, textOrNull, timestamp, timestampOrNull, type Row } from './row-fields.js';

/**
 * The AccessStore over SQL (embedded PGlite, PostgreSQL) and over PostgREST (Supabase): the
 * functions of 20261205090100_members_and_access.sql, every call as the signed-in user (or, for
 * the CLI without --as, as the database owner). Every rule is in those functions.
 */

type Session = <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>;

/** Invitations last two weeks unless the caller says otherwise (1 to 90 days). */
export const defaultInvitationDays = 14;

const roles: readonly MemberRole[] = ['supervisor', 'admin', 'clerk', 'viewer'];

function grantOf(row: Row, what: string): Grant {
  const role = text(row, 'role', what) as MemberRole;
  if (!roles.includes(role)) throw broken(what, 'role', '区级督导、管理员、业务经办人或查看者');
  return { orgId: text(row, 'org_id', what), role, areas: textList(row, 'areas', what), personalData: boolean(row, 'personal_data', what) };
}

export function memberFromRow(row: Row): Member {
  const what = '成员列表';
  return {
    membershipId: text(row, 'membership_id', what),
    userId: text(row, 'user_id', what),
    email: textOrNull(row, 'email', what),
    displayName: textOrNull(row, 'display_name', what),
    ...grantOf(row, what),
    active: boolean(row, 'active', what),
    mustChangePassword: boolean(row, 'must_change_password', what),
  };
}

export function invitationFromRow(row: Row): Invitation {
  const what = '邀请列表';
  return {
    id: text(row, 'id', what),
    email: text(row, 'email', what),
    ...grantOf(row, what),
    invitedBy: textOrNull(row, 'invited_by', what) ?? '',
    invitedAt: timestamp(row, 'invited_at', what),
    expiresAt: timestamp(row, 'expires_at', what),
    acceptedAt: timestampOrNull(row, 'accepted_at', what),
    withdrawnAt: timestampOrNull(row, 'withdrawn_at', what),
  };
}

const first = (rows: Row[], what: string): Row => {
  const row = rows[0];
  if (!row) throw new Error(`${what}没有返回结果，请检查数据库迁移`);
  return row;
};

/** Over SQL; `session` runs each call as the user (e.g. `(fn) => asUser(db, user, fn)`). */
export function sqlAccessStore(session: Session): AccessStore {
  const rows = (sql: string, params: unknown[]) => session(async (tx) => (await tx.query<Row>(sql, params)).rows);
  return {
    listMembers: async (orgId) => (await rows('select * from public.list_members($1)', [orgId ?? null])).map(memberFromRow),
    grant: async (userId, grant, reason) =>
      memberFromRow(first(await rows('select * from public.grant_membership($1, $2, $3, $4::text[], $5, $6)', [userId, grant.orgId, grant.role, grant.areas, grant.personalData, reason]), '授予权限')),
    changeGrant: async (membershipId, change, reason) =>
      memberFromRow(
        first(
          await rows('select * from public.change_membership($1, $2, $3, $4::text[], $5)', [membershipId, reason, change.role ?? null, change.areas ?? null, change.personalData ?? null]),
          '更改权限',
        ),
      ),
    revoke: async (membershipId, reason) => {
      await rows('select public.revoke_membership($1, $2)', [membershipId, reason]);
    },
    setActive: async (userId, active, reason) => {
      await rows('select public.set_member_active($1, $2, $3)', [userId, active, reason]);
    },
    invite: async (email, grant, reason, expiresInDays = defaultInvitationDays) =>
      invitationFromRow(
        first(
          await rows('select * from public.invite_member($1, $2, $3, $4::text[], $5, $6, $7)', [email, grant.orgId, grant.role, grant.areas, grant.personalData, reason, expiresInDays]),
          '邀请成员',
        ),
      ),
    listInvitations: async (orgId) => (await rows('select * from public.list_invitations($1)', [orgId ?? null])).map(invitationFromRow),
    withdrawInvitation: async (invitationId, reason) => {
      await rows('select public.withdraw_invitation($1, $2)', [invitationId, reason]);
    },
  };
}

type Client = SupabaseClient<SupabaseDatabase>;

/** A PostgREST answer, or the failure in Chinese (the database's own message when it is ours). */
function answer<T>(r: { data: T | null; error: { message: string } | null }, doing: string): T {
  if (r.error) throw new Error(`${doing}失败：${chineseOr(r.error.message, '数据服务出错，请稍后重试')}`);
  return r.data as T;
}

function rowsOf(data: unknown, fn: string): Row[] {
  if (!Array.isArray(data)) throw new Error(`函数 ${fn} 的返回值不是数据行列表，请检查数据库迁移`);
  return data as Row[];
}

/** Over PostgREST: every call is `POST /rest/v1/rpc/<name>`. */
export function supabaseAccessStore(client: Client): AccessStore {
  const one = (data: unknown, fn: string, doing: string) => first(rowsOf(data, fn), doing);
  return {
    listMembers: async (orgId) =>
      rowsOf(answer(await client.rpc('list_members', orgId === undefined ? {} : { p_org: orgId }), '读取成员'), 'list_members').map(memberFromRow),
    grant: async (userId, grant, reason) =>
      memberFromRow(
        one(
          answer(
            await client.rpc('grant_membership', { p_user: userId, p_org: grant.orgId, p_role: grant.role, p_areas: grant.areas, p_personal_data: grant.personalData, p_reason: reason }),
            '授予权限',
          ),
          'grant_membership',
          '授予权限',
        ),
      ),
    changeGrant: async (membershipId, change, reason) =>
      memberFromRow(
        one(
          answer(
            await client.rpc('change_membership', {
              p_membership: membershipId,
              p_reason: reason,
              ...(change.role === undefined ? {} : { p_role: change.role }),
              ...(change.areas === undefined ? {} : { p_areas: change.areas }),
              ...(change.personalData === undefined ? {} : { p_personal_data: change.personalData }),
            }),
            '更改权限',
          ),
          'change_membership',
          '更改权限',
        ),
      ),
    revoke: async (membershipId, reason) => {
      answer(await client.rpc('revoke_membership', { p_membership: membershipId, p_reason: reason }), '撤销权限');
    },
    setActive: async (userId, active, reason) => {
      answer(await client.rpc('set_member_active', { p_user: userId, p_active: active, p_reason: reason }), active ? '启用成员' : '停用成员');
    },
    invite: async (email, grant, reason, expiresInDays = defaultInvitationDays) =>
      invitationFromRow(
        one(
          answer(
            await client.rpc('invite_member', {
              p_email: email,
              p_org: grant.orgId,
              p_role: grant.role,
              p_areas: grant.areas,
              p_personal_data: grant.personalData,
              p_reason: reason,
              p_expires_in_days: expiresInDays,
            }),
            '邀请成员',
          ),
          'invite_member',
          '邀请成员',
        ),
      ),
    listInvitations: async (orgId) =>
      rowsOf(answer(await client.rpc('list_invitations', orgId === undefined ? {} : { p_org: orgId }), '读取邀请'), 'list_invitations').map(invitationFromRow),
    withdrawInvitation: async (invitationId, reason) => {
      answer(await client.rpc('withdraw_invitation', { p_invitation: invitationId, p_reason: reason }), '撤回邀请');
    },
  };
}
