import { asUser, queriesAs, sqlDuplicateKeySource, sqlEvaluator, sqlRecordImporter } from '@fazhi/db/browser';
import { sqlDataProvider } from '@fazhi/db/refine';
import { monthsOf } from '@fazhi/domain';
import { useNotificationProvider } from '@refinedev/antd';
import { Refine, type DataProvider, type I18nProvider } from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { render, type RenderResult } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { MemoryRouter, useLocation, useRoutes } from 'react-router';
import { createAccessControl } from '../host/access-control.js';
import { composeConsole } from '../host/compose-console.js';
import type { WorkAreaPlugin } from '../plugin.js';
import { findResource, refineResources, resourcePaths } from '../host/resource-routes.js';
import type { AttachmentStore, ConsoleUser, FazhiServices, IndicatorSource } from '../services.js';
import { createI18nProvider, type Locale } from '../ui/i18n/i18n-provider.js';
import { pluginRoutes, todoRoute } from '../ui/pages.js';
import { FazhiServicesProvider } from '../ui/services-context.js';
import { installDomShims } from './dom-shims.js';
import { memoryAttachmentStore } from './memory-attachment-store.js';
import { createPluginDatabase, demoAccount, loadConsoleUser, type DemoUserRef, type PluginDatabase } from './plugin-database.js';

export interface RenderPluginOptions {
  /** Other configured entries composed with the plugin (a street's kind extension, say), as in `fazhi.config.ts`. */
  extensions?: readonly unknown[];
  /** Demo account: `admin` (default), `mediation`, `legal-aid`, `viewer`, `supervisor`, an e-mail or an id. */
  user?: DemoUserRef;
  /** Start route; the first resource's list by default. */
  route?: string;
  /** A database to reuse (e.g. shared by a test file); one of the plugin's own is created otherwise. */
  database?: PluginDatabase | Promise<PluginDatabase>;
  locale?: Locale;
  attachments?: AttachmentStore;
  /** The SQL evaluator as the user by default; `false` for none. */
  indicators?: IndicatorSource | false;
  /** Wraps the real data provider, e.g. to make one call fail the way a server might. */
  wrapDataProvider?: (provider: Required<DataProvider>) => DataProvider;
  /** Wraps the real router provider, e.g. to count how many components resolve the route. */
  wrapRouterProvider?: (provider: typeof routerProvider) => typeof routerProvider;
  /** Wraps the real i18n provider, e.g. to count how often a component renders a word of its own. */
  wrapI18nProvider?: (provider: I18nProvider) => I18nProvider;
  /** Org and year the dashboard shows. */
  dashboardOrgId?: string;
  dashboardYear?: number;
}

export interface RenderedPlugin extends RenderResult {
  database: PluginDatabase;
  user: ConsoleUser;
  /** The same data provider the pages use: as the signed-in user, under RLS. */
  dataProvider: Required<DataProvider>;
  attachments: AttachmentStore;
  /** The current route (path and search), for assertions after navigation. */
  location(): string;
}

function LocationProbe({ onChange }: { onChange: (path: string) => void }) {
  const l = useLocation();
  onChange(`${l.pathname}${l.search}`);
  return null;
}

/** The plugin's routes and the 待办 page (`/todo`) over its to-do rules. */
function PluginRoutes({ plugin }: { plugin: WorkAreaPlugin }) {
  return useRoutes([...pluginRoutes(plugin), todoRoute([plugin])]);
}

/** The indicator source the console implements with the SQL evaluator, as the signed-in user, over the composed catalog. */
export function sqlIndicatorSource(db: PluginDatabase['db'], userId: string, catalog?: PluginDatabase['model']['catalog']): IndicatorSource {
  const ev = sqlEvaluator(db, { asUser: userId, ...(catalog ? { catalog } : {}) });
  return {
    compare: (ids, orgId, period) => ev.compareAll(orgId, period, ids),
    trend: (id, orgId, year) => ev.trend(id, orgId, monthsOf(year)),
  };
}

/**
 * Renders ONE plugin in a minimal console: antd (zh-CN), Refine with the SDK's i18n and access
 * control, a memory router at `route`, and the REAL data layer: an embedded PostgreSQL (PGlite)
 * migrated and seeded, `sqlDataProvider` running every call as the demo user under row-level
 * security, the SQL evaluator for dashboards. Needs the jsdom environment
 * (`// @vitest-environment jsdom` at the top of the test file).
 */
export async function renderPlugin(given: WorkAreaPlugin, opts: RenderPluginOptions = {}): Promise<RenderedPlugin> {
  installDomShims();
  // The console's own composition step: the same checks, the plugin's kinds as composed.
  const { model, plugins } = composeConsole([given, ...(opts.extensions ?? [])]);
  const plugin = plugins.find((p) => p.id === given.id)!;
  const database = await (opts.database ?? createPluginDatabase(given, { model }));
  const account = demoAccount(opts.user ?? 'admin');
  const user = await loadConsoleUser(database.db, account.id, account.displayName);
  const provider = sqlDataProvider({ db: database.db, session: (fn) => asUser(database.db, { userId: account.id }, fn), reads: (s) => queriesAs(database.db, { userId: account.id }, s), registry: model.registry });
  const attachments = opts.attachments ?? memoryAttachmentStore();
  const indicators = opts.indicators === false ? undefined : (opts.indicators ?? sqlIndicatorSource(database.db, account.id, model.catalog));
  const services: FazhiServices = {
    user,
    kinds: model.registry,
    catalog: model.catalog,
    attachments,
    duplicates: sqlDuplicateKeySource((fn) => asUser(database.db, { userId: account.id }, fn)),
    importer: sqlRecordImporter((fn) => asUser(database.db, { userId: account.id }, fn)),
    ...(indicators ? { indicators } : {}),
    ...(opts.dashboardOrgId ? { dashboardOrgId: opts.dashboardOrgId } : {}),
    ...(opts.dashboardYear ? { dashboardYear: opts.dashboardYear } : {}),
  };
  const locale = opts.locale ?? 'zh-CN';
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  const i18n = createI18nProvider({ plugins: [plugin], locale });
  const i18nProvider = opts.wrapI18nProvider ? opts.wrapI18nProvider(i18n) : i18n;
  const accessControlProvider = createAccessControl(user, (name) => findResource([plugin], name)?.plugin.area);
  const first = plugin.resources[0];
  const route = opts.route ?? (first ? resourcePaths(plugin, first).list : '/');
  let current = route;

  const result = render(
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <AntdApp>
        <MemoryRouter initialEntries={[route]}>
          <Refine
            dataProvider={opts.wrapDataProvider ? opts.wrapDataProvider(provider) : provider}
            routerProvider={opts.wrapRouterProvider ? opts.wrapRouterProvider(routerProvider) : routerProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18nProvider}
            notificationProvider={useNotificationProvider}
            resources={refineResources([plugin])}
            options={{ disableTelemetry: true, reactQuery: { clientConfig: { defaultOptions: { queries: { retry: false }, mutations: { retry: false } } } } }}
          >
            <FazhiServicesProvider services={services}>
              <PluginRoutes plugin={plugin} />
              <LocationProbe onChange={(p) => (current = p)} />
            </FazhiServicesProvider>
          </Refine>
        </MemoryRouter>
      </AntdApp>
    </ConfigProvider>,
  );
  return Object.assign(result, { database, user, dataProvider: provider, attachments, location: () => current });
}
