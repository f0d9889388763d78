import type { ConsoleUser, WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { TodoCount } from '@fazhi/plugin-sdk/ui';
import { useLogout, useTranslate } from '@refinedev/core';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Layout, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ConsoleBackend, SignedInSession } from '../backend/backend.js';
import type { ConsoleLocale } from '../messages.js';
import { ChangePasswordForm } from '../login/change-password-form.js';
import { useLocalDatabaseMenu } from './local-database-menu.js';
import { scopeUnits } from './scope.js';

interface Props {
  backend: ConsoleBackend;
  user: ConsoleUser;
  /** The composed plugins: their to-do rules make the header's 待办 count. */
  plugins: readonly WorkAreaPlugin[];
  session: SignedInSession;
  orgId?: string;
  year: number;
  locale: ConsoleLocale;
  onOrgChange(orgId: string): void;
  onYearChange(year: number): void;
  onLocaleChange(locale: ConsoleLocale): void;
  /**
   * The figures the console opened on (embedded only): the header's own queries (the 待办 counts,
   * the demo-data check) wait for them. The embedded database answers one call at a time, and the
   * header's nine or so counts, sent as it mounted, ran between the figures' two steps.
   */
  after?: Promise<void>;
}

const firstYear = 2020;

/** Whether `promise` has settled (true at once without one). */
function useSettled(promise: Promise<unknown> | undefined): boolean {
  const [settled, setSettled] = useState<Promise<unknown> | undefined>();
  useEffect(() => {
    let live = true;
    void promise?.finally(() => live && setSettled(promise));
    return () => {
      live = false;
    };
  }, [promise]);
  return !promise || settled === promise;
}

export function ConsoleHeader({ backend, user, plugins, session, orgId, year, locale, onOrgChange, onYearChange, onLocaleChange, after }: Props) {
  const ready = useSettled(after);
  const t = useTranslate();
  const { mutate: logout } = useLogout();
  const units = scopeUnits(user);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: Math.max(thisYear, year) - firstYear + 1 }, (_, i) => Math.max(thisYear, year) - i);
  const names = new Map(user.orgs.map((o) => [o.id, o.shortName || o.name]));
  const roleLines = user.memberships.map((m) => t('console.roleLine', { org: names.get(m.orgId) ?? m.orgId, role: t(`console.roles.${m.role}`) }));

  const localDatabase = useLocalDatabaseMenu(backend, user, session, ready);
  const [changingPassword, setChangingPassword] = useState(false);
  const { message } = App.useApp();

  const menu = [
    ...roleLines.map((line, i) => ({ key: `role-${i}`, label: line, disabled: true })),
    { type: 'divider' as const },
    ...localDatabase.items,
    // Embedded only: on Supabase, Supabase Auth owns passwords.
    ...(backend.changeOwnPassword ? [{ key: 'password', label: t('console.password.menu'), onClick: () => setChangingPassword(true) }] : []),
    { key: 'logout', label: t('console.signOut'), onClick: () => logout() },
  ];

  return (
    <Layout.Header style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', padding: '0 24px', height: 64 }}>
      <Space size="middle">
        {ready && <TodoCount plugins={plugins} />}
        <Tag color={backend.kind === 'embedded' ? 'blue' : 'green'}>{t(backend.kind === 'embedded' ? 'console.backendEmbedded' : 'console.backendSupabase')}</Tag>
        {units.length > 0 && (
          <Select
            aria-label={t('console.org')}
            data-testid="org-switcher"
            value={orgId}
            style={{ minWidth: 200 }}
            onChange={onOrgChange}
            disabled={units.length === 1}
            // Unit names are record data (data-record, as the pages mark record values).
            options={units.map((u) => ({ value: u.id, label: <span data-record="">{`${'　'.repeat(u.depth)}${u.shortName || u.name}`}</span> }))}
          />
        )}
        <Select
          aria-label={t('console.year')}
          data-testid="year-switcher"
          value={year}
          style={{ width: 110 }}
          onChange={onYearChange}
          options={years.map((y) => ({ value: y, label: t('console.yearN', { year: y }) }))}
        />
        <Button type="text" data-testid="language-switch" lang={locale === 'en' ? 'zh-CN' : 'en'} onClick={() => onLocaleChange(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('console.language')}
        </Button>
        {localDatabase.input}
        {changingPassword && (
          <Modal open title={t('console.password.menu')} footer={null} onCancel={() => setChangingPassword(false)} destroyOnHidden>
            <ChangePasswordForm
              backend={backend}
              session={session}
              locale={locale}
              submitLabel={t('console.password.menu')}
              onChanged={() => {
                setChangingPassword(false);
                void message.success(t('console.password.changed'));
              }}
            />
          </Modal>
        )}
        <Dropdown menu={{ items: menu }} trigger={['click']}>
          <Button type="text" data-testid="user-menu">
            <UserOutlined /> <Typography.Text data-record="">{user.name}</Typography.Text> <DownOutlined />
          </Button>
        </Dropdown>
      </Space>
    </Layout.Header>
  );
}
