import type { AccessStore, Invitation, Member, NamedLocalAccounts } from '@fazhi/db/browser';
import { workAreas } from '@fazhi/domain';
import { formatShanghaiDateTime, useAsync, useFazhiServices } from '@fazhi/plugin-sdk/ui';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { Alert, App, Button, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { AccessDialog, type AccessDialogKind, type AccessDialogValues } from './access-dialog.js';
import { grantOptions, rowActions } from './grant-options.js';

interface Props {
  /** Members, grants and invitations (SQL on the embedded database, PostgREST on Supabase). */
  access: AccessStore;
  /** 新建本地账号: the embedded database only. */
  localAccounts?: NamedLocalAccounts;
  /** Supabase: people arrive by invitation (e-mail sign-in), so the page offers 邀请 and the pending list. */
  invitations: boolean;
}

interface OpenDialog {
  kind: AccessDialogKind;
  title: string;
  member?: Member;
  run(values: AccessDialogValues): Promise<unknown>;
  /** The success message. */
  done(values: AccessDialogValues): string;
}

/**
 * 成员与权限 (`/members`), for street admins and district supervisors: the members of the units
 * they administer, with role, work areas, the personal-data grant and whether they are active;
 * grant, change, revoke and deactivate with a reason; 新建本地账号 (embedded) or 邀请 (Supabase).
 */
export function MembersPage({ access, localAccounts, invitations }: Props) {
  const t = useTranslate();
  const text = (key: string, params?: Record<string, unknown>) => t(`console.members.${key}`, params);
  const locale = useGetLocale()();
  // The header's unit (单位): the page lists the members of it and the units below it.
  const { user, dashboardOrgId: scope } = useFazhiServices();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>();
  const orgName = (id: string) => {
    const o = user.orgs.find((u) => u.id === id);
    return o?.shortName || o?.name || id;
  };
  const options = useMemo(() => grantOptions(user).map((o) => ({ ...o, name: orgName(o.orgId) })), [user]); // eslint-disable-line react-hooks/exhaustive-deps
  const members = useAsync<Member[]>(`members|${scope ?? ''}|${version}`, options.length ? () => access.listMembers(scope) : null);
  const pending = useAsync<Invitation[]>(`invitations|${scope ?? ''}|${version}`, invitations && options.length ? () => access.listInvitations(scope) : null);

  if (!options.length) return <Result status="403" title={text('noAccess')} />;

  // The header's unit; without one, the unit the user manages from (an admin's street, a supervisor's district).
  const title = orgName(scope ?? user.memberships.find((m) => m.role === 'admin' || m.role === 'supervisor')?.orgId ?? options[0]!.orgId);
  const memberName = (m: Member) => m.displayName || m.email || m.userId;
  const open = (d: OpenDialog) => setDialog(d);
  const saved = () => text('saved');
  const afterChange = (done: string) => {
    void message.success(done);
    setVersion((v) => v + 1);
  };

  const areaText = (m: Member) =>
    m.role === 'clerk' ? m.areas.map((id) => workAreas.find((a) => a.id === id)).map((a, i) => (a ? (locale === 'en' ? a.labelEn : a.label) : m.areas[i])).join('、') : text('allAreas');

  const columns: ColumnsType<Member> = [
    { title: text('unit'), key: 'unit', render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{orgName(m.orgId)}</span> },
    { title: text('name'), key: 'name', render: (_, m) => <span data-record="">{m.displayName ?? '—'}</span> },
    { title: text('email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    { title: text('role'), key: 'role', render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{t(`console.roles.${m.role}`)}</span> },
    { title: text('areas'), key: 'areas', render: (_, m) => areaText(m) },
    { title: text('personalData'), key: 'personal', render: (_, m) => (m.personalData ? <Tag color="orange">{text('personalYes')}</Tag> : text('personalNo')) },
    {
      title: text('status'),
      key: 'status',
      render: (_, m) => (
        <Space size={4} wrap>
          {m.active ? <Tag color="green">{text('active')}</Tag> : <Tag>{text('inactive')}</Tag>}
          {m.mustChangePassword && <Tag color="gold">{text('mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: text('actions'),
      key: 'actions',
      render: (_, m) => {
        const may = rowActions(user, m, options);
        if (m.userId === user.id) return <Typography.Text type="secondary">{text('self')}</Typography.Text>;
        const params = { name: memberName(m), org: orgName(m.orgId), role: t(`console.roles.${m.role}`) };
        return (
          <Space size={0} wrap>
            {may.change && (
              <Button type="link" size="small" onClick={() => open({ kind: 'change', title: text('changeTitle', params), member: m, run: (v) => access.changeGrant(m.membershipId, { role: v.grant.role, areas: v.grant.areas, personalData: v.grant.personalData }, v.reason), done: saved })}>
                {text('change')}
              </Button>
            )}
            {may.revoke && (
              <Button type="link" size="small" danger onClick={() => open({ kind: 'reason', title: text('revokeTitle', params), member: m, run: (v) => access.revoke(m.membershipId, v.reason), done: saved })}>
                {text('revoke')}
              </Button>
            )}
            {may.activate && (
              <Button
                type="link"
                size="small"
                onClick={() =>
                  open({ kind: 'reason', title: text(m.active ? 'deactivateTitle' : 'reactivateTitle', params), member: m, run: (v) => access.setActive(m.userId, !m.active, v.reason), done: saved })
                }
              >
                {text(m.active ? 'deactivate' : 'reactivate')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="members-title">
        {text('title', { org: title })}
      </Typography.Title>
      <Space wrap>
        {localAccounts && (
          <Button type="primary" onClick={() => open({ kind: 'account', title: text('newLocal'), run: (v) => localAccounts.createAccount(v.email, v.password, v.grant, v.reason, v.displayName), done: (v) => text('created', { email: v.email }) })}>
            {text('newLocal')}
          </Button>
        )}
        {invitations && (
          <Button type="primary" onClick={() => open({ kind: 'invite', title: text('invite'), run: (v) => access.invite(v.email, v.grant, v.reason), done: (v) => text('invited', { email: v.email }) })}>
            {text('invite')}
          </Button>
        )}
        {members.data && <Typography.Text type="secondary">{text('count', { count: new Set(members.data.map((m) => m.userId)).size })}</Typography.Text>}
      </Space>
      {members.error && <Alert type="error" showIcon message={text('loadFailed', { message: members.error.message })} />}
      {!members.data && !members.error ? (
        <Skeleton active />
      ) : (
        <Table<Member> rowKey="membershipId" size="middle" columns={columns} dataSource={members.data ?? []} pagination={false} data-testid="members-table" />
      )}
      {invitations && <InvitationsTable invitations={pending.data ?? []} error={pending.error} orgName={orgName} onWithdraw={(i) => open({ kind: 'reason', title: text('withdrawTitle', { email: i.email }), run: (v) => access.withdrawInvitation(i.id, v.reason), done: saved })} />}
      {dialog && (
        <AccessDialog
          kind={dialog.kind}
          title={dialog.title}
          options={options}
          {...(dialog.member ? { initial: dialog.member } : {})}
          onSubmit={async (v) => {
            await dialog.run(v);
            afterChange(dialog.done(v));
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Space>
  );
}

function InvitationsTable({ invitations, error, orgName, onWithdraw }: { invitations: Invitation[]; error?: Error; orgName(id: string): string; onWithdraw(i: Invitation): void }) {
  const t = useTranslate();
  const text = (key: string, params?: Record<string, unknown>) => t(`console.members.${key}`, params);
  const open = invitations.filter((i) => !i.acceptedAt && !i.withdrawnAt);
  const columns: ColumnsType<Invitation> = [
    { title: text('email'), dataIndex: 'email' },
    { title: text('unit'), key: 'unit', render: (_, i) => orgName(i.orgId) },
    { title: text('role'), key: 'role', render: (_, i) => t(`console.roles.${i.role}`) },
    { title: text('invitedAt'), key: 'at', render: (_, i) => formatShanghaiDateTime(i.invitedAt) },
    { title: text('expiresAt'), key: 'until', render: (_, i) => formatShanghaiDateTime(i.expiresAt) },
    {
      title: text('actions'),
      key: 'actions',
      render: (_, i) => (
        <Button type="link" size="small" danger onClick={() => onWithdraw(i)}>
          {text('withdraw')}
        </Button>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {text('invitations')}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={text('loadFailed', { message: error.message })} />}
      <Table<Invitation> rowKey="id" size="small" columns={columns} dataSource={open} pagination={false} locale={{ emptyText: text('noInvitations') }} data-testid="invitations-table" />
    </Space>
  );
}
