import type { ResourceProps } from '@refinedev/core';
import type { PluginResource, WorkAreaPlugin } from '../plugin.js';

/** URL segment of a kind: `mediation_cases` → `mediation-cases`. */
export const kindSlug = (kindId: string) => kindId.replace(/_/g, '-');

/** Route paths of one resource, all under the plugin's id: `/mediation/mediation-cases/show/:id`. */
export function resourcePaths(plugin: Pick<WorkAreaPlugin, 'id'>, resource: PluginResource) {
  const base = `/${plugin.id}/${kindSlug(resource.kind.id)}`;
  return { list: base, create: `${base}/create`, edit: `${base}/edit/:id`, show: `${base}/show/:id` };
}

/** The path of one record's page (`resourcePaths(…).show` or `.edit` with its id). */
export const recordPath = (route: string, id: string | number) => route.replace(':id', encodeURIComponent(String(id)));

/** The plugin's dashboard route. */
export const dashboardPath = (plugin: Pick<WorkAreaPlugin, 'id'>) => `/${plugin.id}`;

/** What pages read from Refine's resource meta. */
export interface FazhiResourceMeta {
  label: string;
  area: string;
  pluginId: string;
  kindId?: string;
  parent?: string;
  canDelete?: boolean;
  order?: number;
}

/** What a menu group's resource carries: the areas of its plugins, so the menu shows it to their readers only. */
export interface MenuGroupMeta {
  label: string;
  areas: string[];
}

/** Refine resource name of a menu group (`menuGroup` of plugins): not a kind id, not a plugin id. */
export const menuGroupName = (label: string) => `menu-group:${label}`;

/**
 * Refine `resources` for the console's `<Refine>`: one group per plugin (its menu entry) and one
 * resource per record kind, named by the kind id (the data provider's resource name), carrying the
 * work area in meta so `accessControlProvider.can` can decide without knowing any plugin. Plugins
 * naming a `menuGroup` sit under one node per group, placed where its first plugin (by order) is.
 * Labels are in `locale`.
 */
export function refineResources(plugins: readonly WorkAreaPlugin[], locale: 'zh-CN' | 'en' = 'zh-CN'): ResourceProps[] {
  // The menu, breadcrumbs and page titles read `meta.label`: the declared Chinese, or its English twin.
  const text = (zh: string, en: string | undefined) => (locale === 'en' && en ? en : zh);
  const out: ResourceProps[] = [];
  const groups = new Map<string, MenuGroupMeta>();
  for (const p of [...plugins].sort((a, b) => (a.order ?? 100) - (b.order ?? 100))) {
    const group = p.menuGroup ? groups.get(p.menuGroup) : undefined;
    if (group) group.areas.push(p.area);
    else if (p.menuGroup) {
      const meta: MenuGroupMeta = { label: text(p.menuGroup, p.menuGroupEn), areas: [p.area] };
      groups.set(p.menuGroup, meta);
      out.push({ name: menuGroupName(p.menuGroup), meta });
    }
    const groupMeta: FazhiResourceMeta = {
      label: text(p.label, p.labelEn),
      area: p.area,
      pluginId: p.id,
      ...(p.order === undefined ? {} : { order: p.order }),
      ...(p.menuGroup ? { parent: menuGroupName(p.menuGroup) } : {}),
    };
    out.push({ name: p.id, ...(p.dashboard?.length ? { list: dashboardPath(p) } : {}), meta: groupMeta });
    for (const r of p.resources) {
      const meta: FazhiResourceMeta = { label: text(r.kind.label, r.kind.labelEn), area: p.area, pluginId: p.id, kindId: r.kind.id, parent: p.id, canDelete: true };
      out.push({ name: r.kind.id, ...resourcePaths(p, r), meta });
    }
  }
  return out;
}

/** The plugin and resource serving a Refine resource name (a kind id). */
export function findResource(plugins: readonly WorkAreaPlugin[], name: string): { plugin: WorkAreaPlugin; resource: PluginResource } | undefined {
  for (const plugin of plugins) {
    const resource = plugin.resources.find((r) => r.kind.id === name);
    if (resource) return { plugin, resource };
  }
  return undefined;
}
