import { ErrorComponent, ThemedLayout, ThemedSider, ThemedTitle, useNotificationProvider } from '@refinedev/antd';
import '@refinedev/antd/dist/reset.css';
import { Authenticated, Refine, useTranslate, type AuthProvider } from '@refinedev/core';
import routerProvider, { CatchAllNavigate, UnsavedChangesNotifier } from '@refinedev/react-router';
import type { FazhiServices } from '@fazhi/plugin-sdk';
import { createAccessControl, findResource, refineResources, type ConsoleComposition } from '@fazhi/plugin-sdk/host';
import { createI18nProvider, DocumentTitle, FazhiServicesProvider, pluginRoutes, todoPath, todoRoute } from '@fazhi/plugin-sdk/ui';
import { ApartmentOutlined, BarChartOutlined, CheckSquareOutlined, FileTextOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { createContext, lazy, startTransition, Suspense, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ComponentProps } from 'react';
import { Outlet, Route, Routes, useLocation } from 'react-router';
import type { ConnectedBackend, ConsoleBackend, SignedInSession } from '../backend/backend.js';
import type { RememberedHome as RememberedHomeData } from '../home/figure-memory.js';
import { HomePage, HomeView } from '../home/home-page.js';
import { OrgAdminPage } from '../orgs/org-admin-page.js';
import { TemplateEditorPage } from '../report-template/template-editor-page.js';
import { DistrictComparisonPage } from '../reports/district-comparison-page.js';
import { hasStreetsBelow } from '../reports/district-comparison.js';
import { consoleMessages, consoleText, type ConsoleLocale } from '../messages.js';
import { DatabaseProgressBar } from '../login/database-progress.js';
import { managesMembers } from '../members/grant-options.js';
import { MembersPage } from '../members/members-page.js';
import { ConsoleHeader } from './console-header.js';
import { initialScope, scopeUnits } from './scope.js';
import { workerLedgerReader } from '../ledger/worker-ledger-reader.js';

// The report workspace and its print view load when opened (they bring the report builder).
const ReportsWorkspace = lazy(() => import('../reports/reports-workspace.js'));
const ReportPrint = lazy(() => import('../reports/report-print.js'));
const pageSpinner = <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

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
  const [answer, setAnswer] = useState<{ request?: typeof request; connected?: ConnectedBackend; firstFigures?: Promise<void>; error?: Error }>({});
  const state = answer.request === request ? answer : {};
  useEffect(() => {
    let live = true;
    request.backend.connect(request.session).then(
      (connected) => {
        if (!live) return;
        // For the benchmark's breakdown of a visit: from here on, the console renders.
        performance.mark('fazhi:connected');
        // Remembered figures of a unit this user may no longer read are not kept for another time.
        const remembered = request.backend.figureMemory?.recallFor(connected.user.id);
        if (remembered && !scopeUnits(connected.user).some((u) => u.id === remembered.orgId)) request.backend.figureMemory?.forget();
        // The home page will ask for these figures: start now, while Refine and the layout render.
        const { orgId, year } = initialView(connected);
        const firstFigures = orgId ? connected.indicators.prefetch?.(orgId, year) : undefined;
        // As a transition, the console's first render (Refine and its providers; the layout and page
        // follow once Refine's check answers) yields every few milliseconds, so the database's
        // answers meanwhile reach their callers and the figures' queries are sent on; the
        // remembered figures stay on screen until it is done.
        startTransition(() => setAnswer({ request, connected, ...(firstFigures ? { firstFigures } : {}) }));
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
  if (!state.connected) return <Connecting {...props} />;
  if (!state.connected.user.memberships.length) {
    // Signed in (Supabase) before any grant: an invitation takes effect when the e-mail is
    // confirmed, or it expired or was withdrawn. Nothing to show but why, a new look, and the way out.
    return (
      <div data-testid="no-membership">
        <Result
          status="403"
          title={t('noMembership.title')}
          subTitle={consoleText(locale, 'console.noMembership.why', { email: session.email })}
          extra={[
            <Button key="recheck" type="primary" onClick={() => setAttempt((n) => n + 1)}>
              {t('noMembership.recheck')}
            </Button>,
            <Button key="out" onClick={() => void backend.signOut().then(props.onSignedOut)}>
              {t('signOut')}
            </Button>,
          ]}
        />
      </div>
    );
  }
  return <ConnectedConsole {...props} connected={state.connected} {...(state.firstFigures ? { firstFigures: state.firstFigures } : {})} />;
}

/**
 * While the database opens: on the home page, the figures remembered from the last visit when
 * there are (for this user and the unit the console opens on), else the progress. Its own
 * component, so that only it follows the location, not the connected console (whose every
 * render would otherwise follow each list's filter, sort and page in the address).
 */
function Connecting(props: Props) {
  const { backend, session, locale } = props;
  const onHome = useLocation().pathname === '/';
  const remembered = onHome ? backend.figureMemory?.recallFor(session.userId) : undefined;
  const scope = localStorage.getItem(scopeKey(session.userId));
  if (remembered && (!scope || scope === remembered.orgId)) return <RememberedHome {...props} remembered={remembered} />;
  return (
    <div style={{ width: 360, margin: '30vh auto 0' }}>
      <Spin size="large" tip={consoleText(locale, 'console.opening')} style={{ display: 'block' }}>
        <div style={{ height: 48 }} />
      </Spin>
      {backend.progress && <DatabaseProgressBar feed={backend.progress} locale={locale} />}
    </div>
  );
}

/**
 * A later visit's first paint: the home page as it was last shown to this user, while the
 * database opens (it then replaces this with the live console): as current when nothing was
 * stored since its figures were computed, else marked 正在更新. No links: nothing can be opened
 * before the database is.
 */
function RememberedHome({ backend, composition, locale, remembered }: Props & { remembered: RememberedHomeData }) {
  const { plugins } = composition;
  const memory = backend.figureMemory;
  // Not marked 正在更新 when the database is known unchanged since (checked as the page loaded).
  const [current, setCurrent] = useState(() => memory?.isCurrent(remembered) ?? false);
  useEffect(() => {
    let live = true;
    void memory?.checked.then(() => live && setCurrent(memory.isCurrent(remembered)));
    return () => {
      live = false;
    };
  }, [memory, remembered]);
  const i18nProvider = useMemo(() => createI18nProvider({ plugins, locale, messages: consoleMessages }), [plugins, locale]);
  const shown = remembered.pluginIds.flatMap((id) => plugins.filter((p) => p.id === id));
  // For the benchmark's breakdown of a visit: the remembered home began to render, and was committed.
  useState(() => performance.mark('fazhi:remembered:render'));
  useLayoutEffect(() => void performance.mark('fazhi:remembered:committed'), []);
  return (
    <Refine i18nProvider={i18nProvider} options={{ disableTelemetry: true }}>
      <div style={{ padding: 24 }} data-testid="remembered-home">
        {backend.progress && (
          <div style={{ maxWidth: 360, marginBottom: 16 }}>
            <DatabaseProgressBar feed={backend.progress} locale={locale} />
          </div>
        )}
        <HomeView plugins={shown} orgName={remembered.orgName} year={remembered.year} comparisons={remembered.comparisons} loading={false} remembered={current ? 'current' : 'refreshing'} />
      </div>
    </Refine>
  );
}

function ConnectedConsole({ backend, composition, session, locale, onLocaleChange, onSignedOut, connected, firstFigures }: Props & { connected: ConnectedBackend; firstFigures?: Promise<void> }) {
  // For the benchmark's breakdown of a visit: the console's first render began and was committed
  // (the layout and page follow once Refine's <Authenticated> check answers).
  useState(() => performance.mark('fazhi:render'));
  useLayoutEffect(() => void performance.mark('fazhi:committed'), []);
  // Read again when 机构管理 changes the tree, so the header's unit picker shows a new unit at once.
  const [user, setUser] = useState(connected.user);
  const reloadUser = useCallback(() => void connected.reloadUser().then(setUser, () => undefined), [connected]);
  const { plugins, model } = composition;
  const [initial] = useState(() => initialView(connected));
  const [orgId, setOrgId] = useState(initial.orgId);
  const [year, setYear] = useState(initial.year);
  const changeOrg = (id: string) => {
    localStorage.setItem(scopeKey(user.id), id);
    setOrgId(id);
  };
  // The next visit opens on the remembered unit and the default year: only that is worth keeping.
  const rememberHome = (home: Omit<RememberedHomeData, 'userId'>) => {
    if (home.year !== initial.year) return;
    const stamp = connected.indicators.stampOf?.(home.comparisons);
    backend.figureMemory?.remember({ ...home, userId: user.id, ...(stamp !== undefined ? { stamp } : {}) });
  };
  const recallHome = (org: string, y: number) => {
    const memory = backend.figureMemory;
    const home = memory?.recall(user.id, org, y);
    return home && { home, current: memory!.isCurrent(home) };
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
  const isAdmin = user.memberships.some((m) => m.role === 'admin');
  // 机构管理: street (town) admins and district supervisors manage their subtree.
  const managesOrgs = user.memberships.some((m) => m.role === 'admin' || m.role === 'supervisor');
  // 街道对比 is offered to users with a unit that has streets below it (district supervisors).
  const comparesStreets = user.memberships.some((m) => hasStreetsBelow(user.orgs, m.orgId));
  // 成员与权限 is for those who grant: street admins and district supervisors.
  const managesAccess = managesMembers(user);
  const resources = useMemo(
    () => [
      // 待办 first: the day's work across every area, above the overview and the areas.
      { name: 'todo', list: todoPath, meta: { label: i18nProvider.translate('fazhi.todo.title'), icon: <CheckSquareOutlined /> } },
      { name: 'home', list: '/', meta: { label: i18nProvider.translate('console.home'), icon: <HomeOutlined /> } },
      { name: 'reports', list: '/reports', meta: { label: locale === 'en' ? 'Annual report' : '年度报告', icon: <FileTextOutlined /> } },
      ...(comparesStreets ? [{ name: 'district-comparison', list: '/reports/district', meta: { label: i18nProvider.translate('console.districtComparison.menu'), icon: <BarChartOutlined /> } }] : []),
      ...refineResources(plugins, locale),
      // The report template is a street admin's to edit (the page says so to anyone else).
      ...(isAdmin ? [{ name: 'report-template', list: '/reports/template', meta: { label: i18nProvider.translate('console.templateEditor.menu'), icon: <FileTextOutlined /> } }] : []),
      ...(managesOrgs ? [{ name: 'orgs', list: '/orgs', meta: { label: i18nProvider.translate('console.orgs.menu'), icon: <ApartmentOutlined /> } }] : []),
      ...(managesAccess ? [{ name: 'members', list: '/members', meta: { label: i18nProvider.translate('console.members.menu'), icon: <TeamOutlined /> } }] : []),
    ],
    [plugins, i18nProvider, isAdmin, managesOrgs, comparesStreets, managesAccess, locale],
  );
  const services: FazhiServices = {
    user,
    kinds: model.registry,
    catalog: model.catalog,
    attachments: connected.attachments,
    indicators: connected.indicators,
    duplicates: connected.duplicates,
    importer: connected.importer,
    ledgerReader: workerLedgerReader,
    ...(orgId ? { dashboardOrgId: orgId } : {}),
    dashboardYear: year,
  };

  return (
    <HeaderProps.Provider value={{ backend, user, plugins, session, ...(orgId ? { orgId } : {}), year, locale, onOrgChange: changeOrg, onYearChange: setYear, onLocaleChange, ...(firstFigures && backend.kind === 'embedded' ? { after: firstFigures } : {}) }}>
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
              path="/reports/print"
              element={
                <Authenticated key="print" fallback={<CatchAllNavigate to="/login" />}>
                  <Suspense fallback={pageSpinner}>
                    <ReportPrint reports={connected.reports} model={model} />
                  </Suspense>
                </Authenticated>
              }
            />
            <Route
              element={
                <Authenticated key="console" fallback={<CatchAllNavigate to="/login" />}>
                  <ThemedLayout
                    Title={ShellTitle}
                    Sider={ShellSider}
                    Header={ShellHeader}
                  >
                    <Outlet />
                  </ThemedLayout>
                </Authenticated>
              }
            >
              <Route index element={<HomePage plugins={plugins} onShown={rememberHome} recall={recallHome} />} />
              <Route
                path="/reports"
                element={
                  <Suspense fallback={pageSpinner}>
                    <ReportsWorkspace reports={connected.reports} model={model} plugins={plugins} />
                  </Suspense>
                }
              />
              <Route path={todoPath} element={todoRoute(plugins).element} />
              <Route path="/reports/template" element={<TemplateEditorPage model={model} reports={connected.reports} />} />
              <Route path="/reports/district" element={<DistrictComparisonPage reports={connected.reports} />} />
              <Route path="/orgs" element={<OrgAdminPage orgs={connected.orgs} onChanged={reloadUser} />} />
              <Route path="/members" element={<MembersPage access={connected.access} {...(connected.localAccounts ? { localAccounts: connected.localAccounts } : {})} invitations={backend.kind === 'supabase'} />} />
              {plugins.flatMap(pluginRoutes).map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
              <Route path="*" element={<ErrorComponent />} />
            </Route>
          </Routes>
        </FazhiServicesProvider>
      </Refine>
    </HeaderProps.Provider>
  );
}

// ThemedLayout takes its title, sider and header as components. Made inline, each render of the
// console (every unit or year switch) would make new component types, so React would remount the
// header and re-run its queries (the 待办 counts, the demo-data check) ahead of the page's own in
// the one database worker. Defined once here, the header reads its props from a context.
const HeaderProps = createContext<ComponentProps<typeof ConsoleHeader> | null>(null);

function ShellHeader() {
  const props = useContext(HeaderProps);
  return props && <ConsoleHeader {...props} />;
}

function ShellTitle({ collapsed }: { collapsed: boolean }) {
  const translate = useTranslate();
  return <ThemedTitle collapsed={collapsed} text={translate('console.title')} />;
}

function ShellSider(props: ComponentProps<typeof ThemedSider>) {
  return <ThemedSider {...props} render={({ items }) => items} />;
}
