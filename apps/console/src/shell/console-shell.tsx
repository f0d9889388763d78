import { ErrorComponent, ThemedLayout, ThemedSider, ThemedTitle, useNotificationProvider } from '@refinedev/antd';
import '@refinedev/antd/dist/reset.css';
import { Authenticated, Refine, type AuthProvider } from '@refinedev/core';
import routerProvider, { CatchAllNavigate, UnsavedChangesNotifier } from '@refinedev/react-router';
import type { FazhiServices } from '@fazhi/plugin-sdk';
import { createAccessControl, findResource, refineResources, type ConsoleComposition } from '@fazhi/plugin-sdk/host';
import { createI18nProvider, DocumentTitle, FazhiServicesProvider, pluginRoutes } from '@fazhi/plugin-sdk/ui';
import { HomeOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import type { ConnectedBackend, ConsoleBackend, SignedInSession } from '../backend/backend.js';
import { HomePage } from '../home/home-page.js';
import { consoleMessages, consoleText, type ConsoleLocale } from '../messages.js';
import { ConsoleHeader } from './console-header.js';
import { initialScope } from './scope.js';

interface Props {
  backend: ConsoleBackend;
  /** The composed model and plugins (fazhi.config.ts, checked at start-up). */
  composition: ConsoleComposition;
  session: SignedInSession;
  locale: ConsoleLocale;
  onLocaleChange(locale: ConsoleLocale): void;
  onSignedOut(): void;
}

const scopeKey = (userId: string) => `fazhi.scope.${userId}`;

/** The unit (remembered per user) and year the console opens on. */
function initialView(connected: ConnectedBackend) {
  return {
    orgId: initialScope(connected.user, localStorage.getItem(scopeKey(connected.user.id))),
    year: connected.defaultYear ?? new Date().getFullYear(),
  };
}

/** The signed-in console: connects to the backend as the user, then composes the plugins. */
export default function ConsoleShell(props: Props) {
  const { backend, session, locale } = props;
  const [attempt, setAttempt] = useState(0);
  // The answer remembers which connection it is for: after a retry or a new session the previous
  // one no longer counts (and no state is reset inside the effect).
  const request = useMemo(() => ({ backend, session, attempt }), [backend, session, attempt]);
  const [answer, setAnswer] = useState<{ request?: typeof request; connected?: ConnectedBackend; error?: Error }>({});
  const state = answer.request === request ? answer : {};
  useEffect(() => {
    let live = true;
    request.backend.connect(request.session).then(
      (connected) => {
        if (!live) return;
        // The home page will ask for these figures: start now, while Refine and the layout render.
        const { orgId, year } = initialView(connected);
        if (orgId) connected.indicators.prefetch?.(orgId, year);
        setAnswer({ request, connected });
      },
      (error: Error) => live && setAnswer({ request, error }),
    );
    return () => {
      live = false;
    };
  }, [request]);

  const t = (key: string) => consoleText(locale, `console.${key}`);
  if (state.error) {
    return (
      <Result
        status="error"
        title={t('openFailed')}
        subTitle={state.error.message}
        extra={[
          <Button key="retry" type="primary" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </Button>,
          <Button key="out" onClick={() => void backend.signOut().then(props.onSignedOut)}>
            {t('signOut')}
          </Button>,
        ]}
      />
    );
  }
  if (!state.connected) return <Spin size="large" tip={t('opening')} style={{ display: 'block', margin: '30vh auto' }}><div /></Spin>;
  return <ConnectedConsole {...props} connected={state.connected} />;
}

function ConnectedConsole({ backend, composition, session, locale, onLocaleChange, onSignedOut, connected }: Props & { connected: ConnectedBackend }) {
  const { user } = connected;
  const { plugins, model } = composition;
  const [initial] = useState(() => initialView(connected));
  const [orgId, setOrgId] = useState(initial.orgId);
  const [year, setYear] = useState(initial.year);
  const changeOrg = (id: string) => {
    localStorage.setItem(scopeKey(user.id), id);
    setOrgId(id);
  };

  const i18nProvider = useMemo(() => createI18nProvider({ plugins, locale, messages: consoleMessages }), [plugins, locale]);
  const accessControlProvider = useMemo(() => createAccessControl(user, (name) => findResource(plugins, name)?.plugin.area), [plugins, user]);
  const authProvider = useMemo<AuthProvider>(
    () => ({
      login: async () => ({ success: false }),
      logout: async () => {
        await backend.signOut();
        onSignedOut();
        return { success: true, redirectTo: '/login' };
      },
      check: async () => ({ authenticated: true }),
      onError: async (error: { statusCode?: number }) => (error?.statusCode === 401 ? { logout: true, redirectTo: '/login' } : {}),
      getIdentity: async () => ({ id: session.userId, name: session.displayName, email: session.email }),
      getPermissions: async () => user.memberships,
    }),
    [backend, session, user, onSignedOut],
  );
  const resources = useMemo(
    () => [{ name: 'home', list: '/', meta: { label: i18nProvider.translate('console.home'), icon: <HomeOutlined /> } }, ...refineResources(plugins, locale)],
    [plugins, i18nProvider, locale],
  );
  const services: FazhiServices = {
    user,
    kinds: model.registry,
    catalog: model.catalog,
    attachments: connected.attachments,
    indicators: connected.indicators,
    duplicates: connected.duplicates,
    ...(orgId ? { dashboardOrgId: orgId } : {}),
    dashboardYear: year,
  };

  return (
    <Refine
      dataProvider={connected.dataProvider}
      routerProvider={routerProvider}
      authProvider={authProvider}
      accessControlProvider={accessControlProvider}
      i18nProvider={i18nProvider}
      notificationProvider={useNotificationProvider}
      resources={resources}
      options={{ disableTelemetry: true, syncWithLocation: true, warnWhenUnsavedChanges: true, reactQuery: { clientConfig: { defaultOptions: { queries: { retry: false, staleTime: 0 } } } } }}
    >
      {/* Forms warn before unsaved changes are lost: another route (menu, back, cancel) asks with
          window.confirm, closing or reloading the tab with the browser's beforeunload prompt. */}
      <UnsavedChangesNotifier translationKey="warnWhenUnsavedChanges" />
      <DocumentTitle app={i18nProvider.translate('console.title')} />
      <FazhiServicesProvider services={services}>
        <Routes>
          <Route
            element={
              <Authenticated key="console" fallback={<CatchAllNavigate to="/login" />}>
                <ThemedLayout
                  Title={({ collapsed }) => <ThemedTitle collapsed={collapsed} text={i18nProvider.translate('console.title')} />}
                  Sider={(p) => <ThemedSider {...p} render={({ items }) => items} />}
                  Header={() => (
                    <ConsoleHeader
                      backend={backend}
                      user={user}
                      session={session}
                      orgId={orgId}
                      year={year}
                      locale={locale}
                      onOrgChange={changeOrg}
                      onYearChange={setYear}
                      onLocaleChange={onLocaleChange}
                    />
                  )}
                >
                  <Outlet />
                </ThemedLayout>
              </Authenticated>
            }
          >
            <Route index element={<HomePage plugins={plugins} />} />
            {plugins.flatMap(pluginRoutes).map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="*" element={<ErrorComponent />} />
          </Route>
        </Routes>
      </FazhiServicesProvider>
    </Refine>
  );
}
