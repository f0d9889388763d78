import { columnName, createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { personalValueFunction } from '../generate/personal-fields-migration.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, insertSamples, org, outcome, seedFixture, user } from './fixture.test-helper.js';

/**
 * Every `private` helper a signed-in user may call (policies and views call them as the caller)
 * must say nothing about orgs that user cannot read: street A's people ask about street B and
 * the district above them, and get nothing back. The helper list is read from the catalogue, so
 * a new helper fails here until it is classified below.
 */
const personalKinds = createRegistry().list().filter((k) => k.fields.some((f) => f.personal));
const personalFunctions = personalKinds.map((k) => personalValueFunction(k).replace(/^private\./, ''));

/** Helpers that depend only on their arguments (no table is read), so there is nothing to leak. */
const pure = ['mask', 'mask_piece', 'is_masked_copy', 'attachment_path_org', 'id_number_problem', 'is_phone_number', 'first_bad_piece', 'refuse', 'restricted_caller', 'file_extension', 'check_report_year', 'is_report_content'];
/** Read what the code itself declares (private.record_kinds, private.attachment_file_types, private.workflows), no org data. */
const staticData = ['area_of_kind', 'attachment_key_type_allowed', 'workflow_field', 'step_sets'];
/** Tested below against orgs of another street. */
const orgScoped = [
  'granted_org_ids', 'subtree_ids', 'readable_org_ids', 'writable_org_ids', 'personal_org_ids', 'member_org_ids',
  'administered_org_ids', 'auditable_org_ids', 'has_right', 'can_use_attachment_path', ...personalFunctions,
  'may_ask_about', 'street_of', 'inherited_ledger_span', 'subtree_ledger_span',
  // A record's 操作日志: nothing for another street's people (record-history.test.ts).
  'record_history',
  // Members and invitations: only of the units the caller manages (members-and-access.test.ts).
  'list_members', 'member', 'list_invitations', 'invitation_row',
  // The units the caller manages (its own street's or district's subtree).
  'org_manager_roots', 'org_tree_managed_ids',
];
/**
 * Write only where the caller holds the right: an audit entry (refusal tested below and in
 * personal-data-access.test.ts); undoing a workflow step (street admins of the record's org,
 * refusal tested in workflow-steps.test.ts); saving, moving and reopening annual reports and saving
 * templates (members who may draft / street admins of the unit, refusals in annual-reports.test.ts);
 * granting, changing, revoking, deactivating, inviting and withdrawing (see below).
 */
const guardedWrites = [
  'log_personal_data_access', 'undo_step', 'save_report', 'move_report', 'reopen_report_year', 'save_report_template',
  // Access changes: managers of the unit within what they hold (refusals in members-and-access.test.ts).
  'grant_membership', 'change_membership', 'revoke_membership', 'set_member_active', 'invite_member', 'withdraw_invitation',
  // Org units: their managers only, within their subtree (refusals in org-units.test.ts).
  'add_org_unit', 'update_org_unit', 'move_org_unit', 'retire_org_unit',
  // Local accounts: created within the creator's rights, one's own password (refusals in local-accounts.test.ts).
  'create_local_account', 'change_own_password',
];

const rights = ['read', 'write', 'personal', 'audit', 'administer', 'member'];
const areas = ['mediation', 'legal_aid', 'public_service'];
const outside: readonly string[] = [org.streetB, org.communityB1, org.district];
/** Street A's people: the clerk of one area, a viewer, and the admin who holds every right there. */
const insiders = [clerkA('mediation'), user.viewerA, user.adminA];

describe.each(testDatabases())('private helpers leak nothing on $name', (backend) => {
  let db: Database;
  let rows: Map<string, { A: string; B: string }>;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    rows = await insertSamples(db, personalKinds);
  }, 120_000);
  afterAll(() => db?.close());

  it('every helper authenticated may execute is classified (and anon may execute none)', async () => {
    const r = await db.query<{ name: string; anon: boolean }>(
      `select p.proname as name, has_function_privilege('anon', p.oid, 'EXECUTE') as anon
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'private' and has_function_privilege('authenticated', p.oid, 'EXECUTE') order by 1`,
    );
    expect(r.rows.map((h) => h.name)).toEqual([...pure, ...staticData, ...orgScoped, ...guardedWrites].sort());
    expect(r.rows.filter((h) => h.anon)).toEqual([]);
  });

  it('subtree_ids answers a signed-in user only with units they may browse', async () => {
    const subtree = (who: string, roots: readonly string[]) =>
      as(db, who, async (tx) => ((await tx.query<{ ids: string[] }>('select private.subtree_ids($1::uuid[]) as ids', [roots])).rows[0]!.ids ?? []).sort());
    const streetA = [org.streetA, org.communityA1].sort();
    for (const who of insiders) {
      expect(await subtree(who, [org.streetB]), who).toEqual([]);
      expect(await subtree(who, [org.communityB1]), who).toEqual([]);
      // The district's subtree, as far as street A's people may see it: their own street.
      expect(await subtree(who, [org.district]), who).toEqual(streetA);
      expect(await subtree(who, [org.streetA, org.streetB]), who).toEqual(streetA);
    }
    expect(await subtree(user.supervisor, [org.district])).toEqual(Object.values(org).sort());
    expect(await subtree(user.stranger, [org.district])).toEqual([]);
    // RLS does not restrict service_role or the owner (the CLI's indicator runs): nor does this.
    expect(await subtree('service_role', [org.district])).toEqual(Object.values(org).sort());
    expect(await subtree('owner', [org.streetB])).toEqual([org.streetB, org.communityB1].sort());
    // The unrestricted walk the access helpers use is not for app roles.
    expect(await as(db, user.adminA, (tx) => outcome(() => tx.query('select private.org_subtree($1::uuid[])', [[org.streetB]])))).toBe('42501');
    // The access helpers (security definer) still expand a membership's whole subtree.
    expect(await as(db, user.adminA, async (tx) => ((await tx.query<{ ids: string[] }>(`select private.readable_org_ids('mediation') as ids`)).rows[0]!.ids).sort())).toEqual(streetA);
  });

  it('the org-set helpers never name an org outside the caller’s own subtree', async () => {
    const sets = [
      ...rights.flatMap((r) => areas.map((a) => `private.granted_org_ids('${r}', '${a}')`)),
      ...['readable', 'writable', 'personal'].flatMap((h) => areas.map((a) => `private.${h}_org_ids('${a}')`)),
      'private.member_org_ids()', 'private.administered_org_ids()', 'private.auditable_org_ids()',
      'private.org_manager_roots()', 'private.org_tree_managed_ids()',
    ];
    for (const who of insiders) {
      const named = await as(db, who, async (tx) => (await tx.query<{ ids: string[] }>(`select array(select unnest(${sets.join(' || ')})) as ids`)).rows[0]!.ids);
      expect(named.filter((id) => outside.includes(id)), who).toEqual([]);
    }
  });

  it('has_right and can_use_attachment_path are false for another street, whatever the right', async () => {
    const kind = 'mediation_cases';
    const path = `${org.communityB1}/${kind}/${rows.get(kind)!.B}/agreement/5e1f3a2b-0000-4000-8000-000000000001.pdf`;
    for (const who of insiders) {
      const r = await as(db, who, async (tx) =>
        (
          await tx.query<{ any: boolean }>(
            `select bool_or(private.has_right(o, r, a)) or bool_or(private.can_use_attachment_path($4, r)) as any
             from unnest($1::uuid[]) o, unnest($2::text[]) r, unnest($3::text[]) a`,
            [outside, rights, areas, path],
          )
        ).rows[0]!.any,
      );
      expect(r, who).toBe(false);
    }
  });

  it.each(personalKinds.map((k) => [k.id, k] as const))('%s: the personal-value function returns nothing for a row of another street', async (_, kind) => {
    const fn = personalValueFunction(kind);
    const column = columnName(kind.fields.find((f) => f.personal)!.key);
    const { A, B } = rows.get(kind.id)!;
    const read = (who: string, id: string) => as(db, who, async (tx) => (await tx.query<{ v: string | null }>(`select ${fn}($1, $2) as v`, [id, column])).rows[0]!.v);
    for (const who of [clerkA(kind.area), user.viewerA, user.adminA]) expect(await read(who, B), who).toBeNull();
    expect(await read(user.stranger, A)).toBeNull();
    // Positive controls: the same call on the caller's own street answers, masked or not by right.
    expect(await read(user.adminA, A)).not.toBeNull();
    expect(await read(user.viewerA, A)).toContain('*');
    expect(await read(user.adminB, B)).not.toContain('*');
  });

  it('may_ask_about, street_of and the ledger-span helpers say nothing about another street', async () => {
    await db.query(`update public.org_units set ledger_from = '2023-01-01' where id = any($1::uuid[])`, [[org.streetA, org.streetB]]);
    const ask = (who: string, sql: string, id: string) => as(db, who, async (tx) => (await tx.query<{ v: unknown }>(sql, [id])).rows[0]?.v ?? null);
    const questions = [
      'select private.may_ask_about($1) as v',
      'select private.street_of($1) as v',
      'select ledger_from as v from private.inherited_ledger_span($1)',
      'select ledger_from as v from private.subtree_ledger_span($1)',
    ];
    for (const who of insiders)
      for (const id of [org.streetB, org.communityB1])
        for (const sql of questions) expect(await ask(who, sql, id), `${who}: ${sql} (${id})`).toSatisfy((v: unknown) => v === null || v === false);
    // Positive controls: the same questions about the caller's own street are answered.
    expect(await ask(user.adminA, questions[0]!, org.communityA1)).toBe(true);
    expect(await ask(user.adminA, questions[1]!, org.communityA1)).toBe(org.streetA);
    expect(await ask(user.adminA, questions[2]!, org.communityA1)).not.toBeNull();
    expect(await ask(user.supervisor, questions[1]!, org.communityB1)).toBe(org.streetB);
  });

  it('log_personal_data_access refuses to record anything about another street', async () => {
    for (const who of insiders)
      expect(await as(db, who, (tx) => outcome(() => tx.query(`select private.log_personal_data_access('backup', $1, '整库备份', null)`, [org.streetB]))), who).toBe('42501');
  });

  it('personal_visibility is for the value functions only: signed-in users cannot call it', async () => {
    expect(await as(db, user.adminA, (tx) => outcome(() => tx.query(`select private.personal_visibility($1, 'mediation')`, [org.streetB])))).toBe('42501');
  });
});
