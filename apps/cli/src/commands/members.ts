import { asUser, sqlAccessStore, type AccessStore, type Database, type Grant, type Invitation, type Member, type MemberRole } from '@fazhi/db';
import { workAreaLabel, workAreas, type OrgUnit } from '@fazhi/domain';
import { CliError } from '../cli-error.js';
import type { Output } from '../io.js';
import { textTable } from '../text-table.js';
import { withDatabase } from './db.js';
import { findOrg } from '../org-option.js';
import { userIdOf } from '../user-option.js';
import { orgUnits } from './ledger.js';

/**
 * `fazhi members list|invite|grant|revoke --db URL …`: the members of a street for operators, through
 * the same SQL functions as the console's 成员与权限 page (docs/database.md "Members and access").
 * Without `--as` the commands run as the database owner — whoever holds the connection string holds
 * every right already — and the rules that bind everyone still hold: a reason for every change
 * (in the audit trail, with no actor), the last admin of a street stays, input is checked. With
 * `--as EMAIL` they run as that user, under exactly the rules the console applies to them.
 */
export interface MembersOptions {
  db?: string | undefined;
  org?: string | undefined;
  email?: string | undefined;
  user?: string | undefined;
  role?: string | undefined;
  areas?: string | undefined;
  personalData?: boolean | undefined;
  reason?: string | undefined;
  days?: string | undefined;
  as?: string | undefined;
}

export const membersUsage = `fazhi members list --db URL [--org 机构]                                   成员及邀请（不指定机构时列出全部）
fazhi members invite --db URL --email 邮箱 --org 机构 --role 角色 [--areas 领域,…] [--personal-data] [--days 天数] --reason 原因
fazhi members grant --db URL --user 邮箱|编号 --org 机构 --role 角色 [--areas 领域,…] [--personal-data] --reason 原因
fazhi members revoke --db URL --user 邮箱|编号 --org 机构 [--role 角色] --reason 原因
fazhi members deactivate|activate --db URL --user 邮箱|编号 --reason 原因        停用（立即失去访问权限）或重新启用
fazhi members withdraw --db URL --email 邮箱 --org 机构 --reason 原因              撤回尚未接受的邀请
  角色：admin 管理员、clerk 业务经办人（须有 --areas）、viewer 查看者、supervisor 区级督导（设在区）
  机构：编号、机构编号、全称或简称；领域：编号或名称，如 mediation 或 人民调解；--personal-data 授予查看个人信息的权限
  均可加 --as 邮箱：以该用户身份办理，规则与控制台相同；不加则以数据库所有者身份办理（规则见 docs/operations.md）`;

const roleNames: Record<MemberRole, string> = { supervisor: '区级督导', admin: '管理员', clerk: '业务经办人', viewer: '查看者' };

function roleFrom(text: string | undefined): MemberRole {
  if (!text) throw new CliError('请用 --role 指定角色：admin 管理员、clerk 业务经办人、viewer 查看者或 supervisor 区级督导', 2);
  const wanted = text.trim();
  const found = (Object.entries(roleNames) as [MemberRole, string][]).find(([id, name]) => id === wanted.toLowerCase() || name === wanted);
  if (!found) throw new CliError(`--role：没有角色“${wanted}”（可选：admin 管理员、clerk 业务经办人、viewer 查看者、supervisor 区级督导）`, 2);
  return found[0];
}

/** `--areas a,b`: area ids or their Chinese names; an unknown one is left for the database to name. */
function areasFrom(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((a) => workAreas.find((w) => w.label === a)?.id ?? a);
}

function reasonFrom(text: string | undefined): string {
  if (!text?.trim()) throw new CliError('请用 --reason 说明原因（记入操作日志）', 2);
  return text;
}

function daysFrom(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new CliError(`--days 应为天数（1 至 90），收到“${text}”`, 2);
  return Number(text);
}

/** The store the commands use: as the owner, or as the `--as` user. */
async function storeFor(db: Database, as: string | undefined): Promise<AccessStore> {
  if (!as) return sqlAccessStore((fn) => db.transaction(fn));
  const userId = await userIdOf(db, as, '--as');
  return sqlAccessStore((fn) => asUser(db, { userId }, fn));
}

const areaText = (m: Grant) => (m.role === 'clerk' ? m.areas.map((a) => workAreaLabel(a)).join('、') : '全部');
const day = (iso: string) => iso.slice(0, 10);

function invitationStatus(i: Invitation, now: number): string {
  if (i.acceptedAt) return `已接受（${day(i.acceptedAt)}）`;
  if (i.withdrawnAt) return `已撤回（${day(i.withdrawnAt)}）`;
  return Date.parse(i.expiresAt) <= now ? '已过期' : '待接受';
}

function listText(members: readonly Member[], invitations: readonly Invitation[], orgs: readonly OrgUnit[]): string {
  const name = (id: string) => orgs.find((u) => u.id === id)?.name ?? id;
  let text = members.length
    ? textTable(
        ['机构', '姓名', '邮箱', '角色', '业务领域', '个人信息', '状态'],
        members.map((m) => [name(m.orgId), m.displayName ?? '', m.email ?? '', roleNames[m.role], areaText(m), m.personalData ? '可查看' : '打码', `${m.active ? '在用' : '已停用'}${m.mustChangePassword ? '（须改初始密码）' : ''}`]),
      )
    : '没有可管理的成员\n';
  if (invitations.length) {
    const now = Date.now();
    text += `\n邀请（${invitations.length} 份）：\n`;
    text += textTable(
      ['邮箱', '机构', '角色', '业务领域', '个人信息', '有效期至', '状态'],
      invitations.map((i) => [i.email, name(i.orgId), roleNames[i.role], areaText(i), i.personalData ? '可查看' : '打码', day(i.expiresAt), invitationStatus(i, now)]),
    );
  }
  return text;
}

export async function runMembers(sub: string | undefined, opts: MembersOptions, out: Output): Promise<void> {
  if (!sub || !['list', 'invite', 'grant', 'revoke', 'deactivate', 'activate', 'withdraw'].includes(sub)) throw new CliError(`${sub ? `未知的子命令“${sub}”` : '缺少子命令'}\n\n${membersUsage}`, 2);
  await withDatabase(opts.db, async (db) => {
    const orgs = await orgUnits(db);
    const store = await storeFor(db, opts.as);
    const org = opts.org ? findOrg(orgs, opts.org) : undefined;
    if (sub === 'list') {
      const [members, invitations] = await Promise.all([store.listMembers(org?.id), store.listInvitations(org?.id)]);
      out.stdout(listText(members, invitations, orgs));
      return;
    }
    if (sub === 'deactivate' || sub === 'activate') {
      const reason = reasonFrom(opts.reason);
      if (!opts.user) throw new CliError('请用 --user 指定账号（邮箱或编号）', 2);
      await store.setActive(await userIdOf(db, opts.user, '--user'), sub === 'activate', reason);
      out.stdout(sub === 'activate' ? `已重新启用“${opts.user}”在您所管单位的成员身份\n` : `已停用“${opts.user}”在您所管单位的成员身份：其访问即刻终止\n`);
      return;
    }
    if (!org) throw new CliError('请用 --org 指定机构（编号、机构编号、全称或简称）', 2);
    const reason = reasonFrom(opts.reason);
    if (sub === 'withdraw') {
      if (!opts.email) throw new CliError('请用 --email 指定被邀请人的邮箱', 2);
      const email = opts.email.trim().toLowerCase();
      const pending = (await store.listInvitations(org.id)).find((i) => i.email === email && i.orgId === org.id && !i.acceptedAt && !i.withdrawnAt);
      if (!pending) throw new CliError(`“${org.name}”没有发给“${email}”的待接受邀请（或您无权管理）`, 2);
      await store.withdrawInvitation(pending.id, reason);
      out.stdout(`已撤回发给“${email}”的邀请\n`);
      return;
    }
    if (sub === 'revoke') {
      const userId = await userIdOf(db, opts.user ?? '', '--user');
      const role = opts.role ? roleFrom(opts.role) : undefined;
      const held = (await store.listMembers(org.id)).filter((m) => m.userId === userId && m.orgId === org.id && (!role || m.role === role));
      if (!held.length) throw new CliError(`“${opts.user}”在“${org.name}”没有${role ? `“${roleNames[role]}”角色` : '成员身份'}（或您无权管理）`, 2);
      if (held.length > 1) throw new CliError(`“${opts.user}”在“${org.name}”有 ${held.length} 个角色（${held.map((m) => roleNames[m.role]).join('、')}），请用 --role 指定撤销哪一个`, 2);
      await store.revoke(held[0]!.membershipId, reason);
      out.stdout(`已撤销“${opts.user}”在“${org.name}”的${roleNames[held[0]!.role]}角色\n`);
      return;
    }
    const grant: Grant = { orgId: org.id, role: roleFrom(opts.role), areas: areasFrom(opts.areas), personalData: opts.personalData ?? false };
    if (sub === 'grant') {
      if (!opts.user) throw new CliError('请用 --user 指定账号（邮箱或编号）', 2);
      const m = await store.grant(await userIdOf(db, opts.user, '--user'), grant, reason);
      out.stdout(`已授予“${opts.user}”在“${org.name}”的${roleNames[m.role]}角色（业务领域：${areaText(m)}；个人信息：${m.personalData ? '可查看' : '打码'}）\n`);
      return;
    }
    if (!opts.email) throw new CliError('请用 --email 指定被邀请人的邮箱', 2);
    const i = await store.invite(opts.email, grant, reason, daysFrom(opts.days));
    out.stdout(
      i.acceptedAt
        ? `“${i.email}”已有账号，邀请已立即生效：已成为“${org.name}”的${roleNames[i.role]}\n`
        : `已邀请“${i.email}”成为“${org.name}”的${roleNames[i.role]}，有效期至 ${day(i.expiresAt)}；对方用该邮箱在 Supabase 登录（魔法链接或注册并确认邮箱）后即成为成员\n`,
    );
  });
}
