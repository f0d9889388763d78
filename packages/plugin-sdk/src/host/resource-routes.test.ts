import { expect, test } from 'vitest';
import { findResource, refineResources, resourcePaths } from './resource-routes.js';
import { samplePlugin } from '../test-fixtures.test-helper.js';

test('one Refine resource per kind, under a group per plugin, with the area in meta', () => {
  const p = samplePlugin();
  const [group, cases] = refineResources([p]);
  expect(group).toEqual({ name: 'mediation', list: '/mediation', meta: { label: '人民调解', area: 'mediation', pluginId: 'mediation' } });
  expect(cases).toMatchObject({
    name: 'mediation_cases',
    list: '/mediation/mediation-cases',
    create: '/mediation/mediation-cases/create',
    edit: '/mediation/mediation-cases/edit/:id',
    show: '/mediation/mediation-cases/show/:id',
    meta: { label: '人民调解案件', area: 'mediation', parent: 'mediation', kindId: 'mediation_cases' },
  });
  expect(resourcePaths(p, p.resources[0]!).list).toBe('/mediation/mediation-cases');
  expect(findResource([p], 'mediation_cases')?.plugin).toBe(p);
  expect(findResource([p], 'nope')).toBeUndefined();
});

test('plugins naming a menu group share one node, placed at its first plugin; the rest stay top-level', () => {
  const mediation = samplePlugin({ order: 50, menuGroup: '矛盾化解' });
  const other = (id: string, order: number, menuGroup?: string) => ({ ...samplePlugin({ id, order, ...(menuGroup ? { menuGroup } : {}) }), resources: [] });
  const resources = refineResources([other('disputes', 60, '矛盾化解'), mediation, other('organisation', 10)]);
  expect(resources.map((r) => [r.name, r.meta?.parent])).toEqual([
    ['organisation', undefined],
    ['menu-group:矛盾化解', undefined],
    ['mediation', 'menu-group:矛盾化解'],
    ['mediation_cases', 'mediation'],
    ['disputes', 'menu-group:矛盾化解'],
  ]);
  expect(resources[1]).toEqual({ name: 'menu-group:矛盾化解', meta: { label: '矛盾化解', areas: ['mediation', 'mediation'] } });
});

test('in English the menu, breadcrumbs and titles read the English twins; group names stay keyed by the Chinese', () => {
  const p = samplePlugin({ labelEn: 'Mediation', menuGroup: '矛盾化解', menuGroupEn: 'Dispute resolution' });
  const resources = refineResources([p], 'en');
  expect(resources.map((r) => [r.name, r.meta?.label])).toEqual([
    ['menu-group:矛盾化解', 'Dispute resolution'],
    ['mediation', 'Mediation'],
    ['mediation_cases', 'Mediation cases'],
  ]);
  expect(refineResources([p]).map((r) => r.meta?.label)).toEqual(['矛盾化解', '人民调解', '人民调解案件']);
});
