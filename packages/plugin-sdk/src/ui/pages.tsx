import { useNavigation } from '@refinedev/core';
import { Button, Result, Skeleton } from 'antd';
import { lazy, Suspense, type ReactElement } from 'react';
import type { LazyPage, PluginResource, WorkAreaPlugin } from '../plugin.js';
import { hasRight } from '../host/access-control.js';
import { dashboardPath, resourcePaths } from '../host/resource-routes.js';
import { lazyElement } from './lazy-element.js';
import { useFazhiServices } from './services-context.js';
import { useLabels } from './use-labels.js';
import { todoPath } from './todo/todo-rules.js';

export type PageName = 'list' | 'show' | 'create' | 'edit';

/** The generic pages, each its own chunk: a console loads a page when its route is first visited. */
export const defaultPages: Record<PageName, LazyPage> = {
  list: () => import('./list/list-page.js'),
  show: () => import('./show/show-page.js'),
  create: () => import('./form/create-page.js'),
  edit: () => import('./form/edit-page.js'),
};

/** The page a resource uses: its own override from `resource.pages`, else the generic one. */
export const pageLoader = (resource: PluginResource, name: PageName): LazyPage => resource.pages?.[name] ?? defaultPages[name];

/** What a user without write rights in the area gets on a create or edit route (typed in, or an old link). */
function Forbidden({ plugin, resource }: { plugin: WorkAreaPlugin; resource: PluginResource }) {
  const labels = useLabels();
  const { t } = labels;
  const { list } = useNavigation();
  return (
    <Result
      status="403"
      title={t('buttons.notAccessTitle')}
      subTitle={t('fazhi.forbidden', { area: labels.label(plugin) })}
      extra={<Button onClick={() => list(resource.kind.id)}>{t('fazhi.back')}</Button>}
    />
  );
}

export function ResourcePage({ plugin, resource, name }: { plugin: WorkAreaPlugin; resource: PluginResource; name: PageName }) {
  const { user } = useFazhiServices();
  // Routes a role cannot use are not offered; the database refuses the writes anyway.
  if ((name === 'create' || name === 'edit') && !hasRight(user, 'write', plugin.area)) return <Forbidden plugin={plugin} resource={resource} />;
  return (
    <Suspense fallback={<Skeleton active />}>
      {lazyElement(pageLoader(resource, name), { plugin, resource })}
    </Suspense>
  );
}

const Dashboard = lazy(() => import('./dashboard/dashboard-page.js'));
const Todo = lazy(() => import('./todo/todo-page.js'));

/** A route as react-router's `RouteObject` describes it (kept structural: no router import here). */
export interface PluginRoute {
  path: string;
  element: ReactElement;
}

/**
 * Every route of a plugin, for `useRoutes` or `createBrowserRouter`: its dashboard (if any) and
 * list/create/edit/show per resource, at the paths `refineResources` gives Refine.
 */
export function pluginRoutes(plugin: WorkAreaPlugin): PluginRoute[] {
  const out: PluginRoute[] = [];
  if (plugin.dashboard?.length) {
    out.push({
      path: dashboardPath(plugin),
      element: (
        <Suspense fallback={<Skeleton active />}>
          <Dashboard plugin={plugin} />
        </Suspense>
      ),
    });
  }
  for (const resource of plugin.resources) {
    const paths = resourcePaths(plugin, resource);
    for (const name of ['list', 'create', 'edit', 'show'] as const) {
      out.push({ path: paths[name], element: <ResourcePage plugin={plugin} resource={resource} name={name} /> });
    }
  }
  return out;
}

/** The 待办 page across `plugins` (their `todos`), at `todoPath`; its own chunk like every page. */
export function todoRoute(plugins: readonly WorkAreaPlugin[]): PluginRoute {
  return {
    path: todoPath,
    element: (
      <Suspense fallback={<Skeleton active />}>
        <Todo plugins={plugins} />
      </Suspense>
    ),
  };
}
