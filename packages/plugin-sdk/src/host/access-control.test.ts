import { describe, expect, test } from 'vitest';
import { createAccessControl, hasRight, rightOfAction, writableOrgIds } from './access-control.js';
import { refineResources } from './resource-routes.js';
import { samplePlugin, userWith } from '../test-fixtures.test-helper.js';

describe('hasRight', () => {
  const clerk = userWith([{ orgId: 's', role: 'clerk', areas: ['mediation'], personalData: false }]);
  const admin = userWith([{ orgId: 's', role: 'admin', areas: [], personalData: true }]);
  const viewer = userWith([{ orgId: 's', role: 'viewer', areas: [], personalData: false }]);
  const supervisor = userWith([{ orgId: 'd', role: 'supervisor', areas: [], personalData: false }]);

  test('follows the roles of docs/database.md', () => {
    expect(hasRight(clerk, 'write', 'mediation', 'm')).toBe(true);
    expect(hasRight(clerk, 'read', 'legal_aid')).toBe(false);
    expect(hasRight(clerk, 'personal', 'mediation', 'm')).toBe(false);
    expect(hasRight(admin, 'write', 'legal_aid', 'c')).toBe(true);
    expect(hasRight(admin, 'personal', 'mediation', 'm')).toBe(true);
    expect(hasRight(viewer, 'read', 'mediation')).toBe(true);
    expect(hasRight(viewer, 'write', 'mediation')).toBe(false);
    expect(hasRight(supervisor, 'read', 'mediation', 'm')).toBe(true);
    expect(hasRight(supervisor, 'write', 'mediation', 'm')).toBe(false);
  });

  test('a grant covers its subtree only', () => {
    expect(hasRight(admin, 'write', 'mediation', 't')).toBe(false);
    expect([...writableOrgIds(clerk, 'mediation')].sort()).toEqual(['c', 'm', 's']);
  });
});

describe('createAccessControl', () => {
  const clerk = userWith([{ orgId: 's', role: 'clerk', areas: ['mediation'], personalData: false }]);
  const can = createAccessControl(clerk, (r) => (r === 'mediation_cases' ? 'mediation' : r === 'legal_aid_applications' ? 'legal_aid' : undefined)).can;

  test('reads the area from resource meta or the lookup, the org from params', async () => {
    expect(await can({ resource: 'mediation_cases', action: 'edit' })).toEqual({ can: true });
    expect(await can({ resource: 'legal_aid_applications', action: 'list' })).toMatchObject({ can: false, reason: '没有权限' });
    expect(await can({ resource: 'x', action: 'delete', params: { resource: { name: 'x', meta: { area: 'mediation' } } as never, orgId: 't' } })).toMatchObject({ can: false });
    expect(await can({ resource: 'mediation_cases', action: 'delete', params: { record: { orgId: 'm' } } })).toEqual({ can: true });
    expect(await can({ resource: 'dashboard', action: 'list' })).toEqual({ can: true });
  });

  test('maps actions to rights', () => {
    expect(['list', 'show', 'export'].map(rightOfAction)).toEqual(['read', 'read', 'read']);
    expect(['create', 'edit', 'delete', 'restore', 'upload', 'workflow'].map(rightOfAction).every((r) => r === 'write')).toBe(true);
    expect(rightOfAction('personal')).toBe('personal');
  });

  test('shows a menu group to whoever reads one of its areas: not to a clerk of another area', async () => {
    const inGroup = (id: string, area: string) => ({ ...samplePlugin({ id, menuGroup: '公共法律服务' }), area, resources: [] });
    const resources = refineResources([inGroup('legal-aid', 'legal_aid'), inGroup('notary', 'notary')]);
    const group = resources.find((r) => r.name === 'menu-group:公共法律服务')!;
    const menuAsks = (user: typeof clerk) => createAccessControl(user).can({ resource: group.name, action: 'list', params: { resource: group as never } });
    expect(await menuAsks(clerk)).toMatchObject({ can: false });
    expect(await menuAsks(userWith([{ orgId: 's', role: 'clerk', areas: ['notary'], personalData: false }]))).toEqual({ can: true });
    for (const role of ['admin', 'supervisor', 'viewer'] as const) expect(await menuAsks(userWith([{ orgId: 's', role, areas: [], personalData: false }]))).toEqual({ can: true });
  });
});
