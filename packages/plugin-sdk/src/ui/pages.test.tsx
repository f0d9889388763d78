import { expect, test } from 'vitest';
import { samplePlugin } from '../test-fixtures.test-helper.js';
import { defaultPages, pageLoader, pluginRoutes } from './pages.js';

test('a resource’s own page replaces the generic one; the others stay generic and lazy', () => {
  const own = async () => ({ default: () => null });
  const plugin = samplePlugin();
  const resource = { ...plugin.resources[0]!, pages: { show: own } };
  expect(pageLoader(resource, 'show')).toBe(own);
  expect(pageLoader(resource, 'list')).toBe(defaultPages.list);
  expect(pluginRoutes(plugin).map((r) => r.path)).toEqual([
    '/mediation',
    '/mediation/mediation-cases',
    '/mediation/mediation-cases/create',
    '/mediation/mediation-cases/edit/:id',
    '/mediation/mediation-cases/show/:id',
  ]);
});
