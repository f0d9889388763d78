/**
 * The contract of a street's own set-up and access: its org units, its members with their roles
 * and grants, invitations (Supabase Auth) and local accounts (the embedded database). Every rule
 * lives in SQL (see docs/database.md "Members and access"): nobody grants more than they hold,
 * nobody changes their own grants, the last admin of a street stays, every change is audited with
 * who and why. This module only names the calls, so that the console and the CLI reach the same
 * functions over SQL (embedded, PostgreSQL) and over PostgREST (Supabase).
 */

/** The roles of `public.memberships.role`. */
export type MemberRole = 'supervisor' | 'admin' | 'clerk' | 'viewer';

/** What one membership grants at one unit (and the units below it). */
export interface Grant {
  orgId: string;
  role: MemberRole;
  /** Work areas (`@fazhi/domain` area ids) for a clerk; empty for the other roles, which cover all. */
  areas: string[];
  /** Unmasks personal fields (names, ID numbers, phones) for what this membership can read. */
  personalData: boolean;
}

export interface Member extends Grant {
  membershipId: string;
  userId: string;
  email: string | null;
  displayName: string | null;
  /** False once deactivated: RLS reads current grants, so access ends at once. */
  active: boolean;
  /** A local account whose initial password has not been changed yet (embedded only). */
  mustChangePassword: boolean;
}

export interface Invitation extends Grant {
  id: string;
  email: string;
  invitedBy: string;
  /** ISO timestamps. */
  invitedAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  withdrawnAt: string | null;
}

/** Every change of access says why; the reason lands in the audit trail beside who and when. */
export interface AccessStore {
  /** Members of `orgId` and the units below it, or of everything the caller administers. */
  listMembers(orgId?: string): Promise<Member[]>;
  /** Adds a membership for an existing user. */
  grant(userId: string, grant: Grant, reason: string): Promise<Member>;
  /** Changes role, areas or the personal-data grant of one membership. */
  changeGrant(membershipId: string, change: Partial<Omit<Grant, 'orgId'>>, reason: string): Promise<Member>;
  /** Removes one membership (refused for a street's last admin). */
  revoke(membershipId: string, reason: string): Promise<void>;
  /** Deactivates (or reactivates) a user's memberships under the caller's units. */
  setActive(userId: string, active: boolean, reason: string): Promise<void>;
  /** Stores an invitation; the user's first Supabase sign-in with that email turns it into a membership. */
  invite(email: string, grant: Grant, reason: string, expiresInDays?: number): Promise<Invitation>;
  listInvitations(orgId?: string): Promise<Invitation[]>;
  withdrawInvitation(invitationId: string, reason: string): Promise<void>;
}

/** Local accounts of the embedded database (a shared office computer): no e-mail is sent. */
export interface LocalAccounts {
  /** Creates the account (password hashed as GoTrue does: bcrypt) with the grant; it must change its password at first sign-in. */
  createAccount(email: string, initialPassword: string, grant: Grant, reason: string): Promise<Member>;
  /** The signed-in user's own password; clears `mustChangePassword`. */
  changeOwnPassword(currentPassword: string, newPassword: string): Promise<void>;
}

export type OrgKind = 'district' | 'street' | 'town' | 'community' | 'village' | 'mediation_committee' | 'department';

export interface OrgUnitRow {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  code: string | null;
  name: string;
  shortName: string | null;
  /** 建账起止 (ISO dates); null inherits the parent's. */
  ledgerFrom: string | null;
  ledgerTo: string | null;
  /** Retired units keep their records and stay readable; they take no new ones. */
  retiredAt: string | null;
}

export type NewOrgUnit = Omit<OrgUnitRow, 'id' | 'retiredAt'>;

/** Org units managed by street admins (their street's subtree) and district supervisors (their district). */
export interface OrgStore {
  list(): Promise<OrgUnitRow[]>;
  add(unit: NewOrgUnit): Promise<OrgUnitRow>;
  /** Name, short name, code and ledger span. */
  update(id: string, change: Partial<Pick<OrgUnitRow, 'name' | 'shortName' | 'code' | 'ledgerFrom' | 'ledgerTo'>>): Promise<OrgUnitRow>;
  move(id: string, newParentId: string, reason: string): Promise<OrgUnitRow>;
  /** Never deletes a unit that has records: it is retired instead. */
  retire(id: string, reason: string): Promise<void>;
}
