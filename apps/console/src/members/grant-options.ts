import type { Member, MemberRole } from '@fazhi/db/browser';
import { isStreetLevel } from '@fazhi/domain';
import type { ConsoleUser } from '@fazhi/plugin-sdk';

/** One unit where the signed-in user may grant, and what: never more than they hold there. */
export interface GrantOption {
  orgId: string;
  roles: readonly MemberRole[];
  /** Only a holder of the personal-data grant (on a managing membership) passes it on. */
  personalData: boolean;
}

/** Memberships sit at streets (and towns) for these roles; a district's supervisors are the district's to name. */
const streetRoles: readonly MemberRole[] = ['admin', 'clerk', 'viewer'];

/** The street-level units at or below `orgId` among the units the user can see. */
function streetsUnder(user: ConsoleUser, orgId: string): string[] {
  const below = new Set([orgId]);
  // Parents come before children in no guaranteed order: repeat until nothing is added.
  for (let grown = true; grown; ) {
    grown = false;
    for (const o of user.orgs) {
      if (o.parentId && below.has(o.parentId) && !below.has(o.id)) {
        below.add(o.id);
        grown = true;
      }
    }
  }
  return user.orgs.filter((o) => below.has(o.id) && isStreetLevel(o.kind)).map((o) => o.id);
}

/**
 * The units whose members `user` manages and what they may grant there, as the database rules it
 * (private.authority_over): a street admin at the street, a district supervisor at the streets of
 * the district (not the district itself); memberships of the other roles manage nothing.
 */
export function grantOptions(user: ConsoleUser): GrantOption[] {
  const byOrg = new Map<string, GrantOption>();
  for (const m of user.memberships) {
    if (m.role !== 'admin' && m.role !== 'supervisor') continue;
    const units = m.role === 'admin' ? [m.orgId] : streetsUnder(user, m.orgId).filter((id) => id !== m.orgId);
    for (const orgId of units) {
      const seen = byOrg.get(orgId);
      byOrg.set(orgId, { orgId, roles: streetRoles, personalData: (seen?.personalData ?? false) || m.personalData });
    }
  }
  return [...byOrg.values()];
}

/** Whether the 成员与权限 page is for `user` at all. */
export const managesMembers = (user: ConsoleUser): boolean => user.memberships.some((m) => m.role === 'admin' || m.role === 'supervisor');

/**
 * What the page offers on one member's row: nothing on the user's own rows (nobody changes their
 * own grants), and a change or revoke only where the user grants that member's role.
 */
export function rowActions(user: ConsoleUser, member: Member, options: readonly GrantOption[]): { change: boolean; revoke: boolean; activate: boolean } {
  if (member.userId === user.id) return { change: false, revoke: false, activate: false };
  const may = !!options.find((o) => o.orgId === member.orgId)?.roles.includes(member.role);
  return { change: may, revoke: may, activate: may };
}
