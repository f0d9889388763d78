import type { Member } from '@fazhi/db/browser';
import type { ConsoleUser } from '@fazhi/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { grantOptions, managesMembers, rowActions } from './grant-options.js';

const orgs: ConsoleUser['orgs'] = [
  { id: 'S', parentId: 'D', kind: 'street', name: '甲街道' },
  { id: 'C', parentId: 'S', kind: 'community', name: '甲一社区' },
  { id: 'T', parentId: 'D', kind: 'town', name: '乙镇' },
  { id: 'D', parentId: null, kind: 'district', name: '测试区' },
];
const user = (memberships: ConsoleUser['memberships']): ConsoleUser => ({ id: 'me', name: '我', memberships, orgs });
const member = (over: Partial<Member>): Member => ({
  membershipId: 'm1', userId: 'u1', email: 'a@example.test', displayName: null, orgId: 'S', role: 'clerk', areas: ['mediation'], personalData: false, active: true, mustChangePassword: false, ...over,
});

describe('grant options', () => {
  it('offers a street admin the street roles and the personal-data grant only when held', () => {
    expect(grantOptions(user([{ orgId: 'S', role: 'admin', areas: [], personalData: true }]))).toEqual([{ orgId: 'S', roles: ['admin', 'clerk', 'viewer'], personalData: true }]);
    expect(grantOptions(user([{ orgId: 'S', role: 'admin', areas: [], personalData: false }]))[0]!.personalData).toBe(false);
  });

  it('offers a district supervisor the streets and towns of the district, not the district itself; clerks and viewers nothing', () => {
    const supervisor = user([{ orgId: 'D', role: 'supervisor', areas: [], personalData: false }]);
    expect(grantOptions(supervisor).map((o) => [o.orgId, o.roles.join()])).toEqual([
      ['S', 'admin,clerk,viewer'],
      ['T', 'admin,clerk,viewer'],
    ]);
    const clerk = user([
      { orgId: 'S', role: 'clerk', areas: ['mediation'], personalData: true },
      { orgId: 'S', role: 'viewer', areas: [], personalData: true },
    ]);
    expect([grantOptions(clerk), managesMembers(clerk), managesMembers(supervisor)]).toEqual([[], false, true]);
  });

  it('counts the personal-data grant of a managing membership only, as the database does (private.authority_over)', () => {
    const both = user([
      { orgId: 'S', role: 'viewer', areas: [], personalData: true },
      { orgId: 'S', role: 'admin', areas: [], personalData: false },
    ]);
    expect(grantOptions(both)).toEqual([{ orgId: 'S', roles: ['admin', 'clerk', 'viewer'], personalData: false }]);
  });

  it('offers no action on the user’s own rows, nor on a unit or role the user does not grant', () => {
    const admin = user([{ orgId: 'S', role: 'admin', areas: [], personalData: true }]);
    const options = grantOptions(admin);
    expect(rowActions(admin, member({}), options)).toEqual({ change: true, revoke: true, activate: true });
    expect(rowActions(admin, member({ userId: 'me', role: 'admin' }), options)).toEqual({ change: false, revoke: false, activate: false });
    expect(rowActions(admin, member({ orgId: 'T' }), options).change).toBe(false);
    expect(rowActions(admin, member({ orgId: 'D', role: 'supervisor' }), options).revoke).toBe(false);
  });
});
