import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { as, outcome } from './rls/fixture.test-helper.js';
import { testDatabases } from './testing/index.js';

/**
 * Whole-schema rules (basejump's "every exposed table" test): RLS everywhere, a policy for every
 * command an API role may attempt, views that cannot leak, and nothing at all for anon.
 */
type Command = 'select' | 'insert' | 'update' | 'delete';

/**
 * Commands deliberately without a policy, and why. An exemption only holds while neither API
 * role has the privilege: without a privilege the statement fails before any policy matters.
 * Documented in docs/database.md ("Exemptions").
 */
const exemptions: Record<string, Partial<Record<Command, string>>> = {
  // Org units: written by the security-definer org functions (org_units_managed.sql) and service_role.
  org_units: { insert: 'add_org_unit, set_up_organisation, service_role', update: 'update/move/retire_org_unit, service_role', delete: 'retire_org_unit (unused units), service_role' },
  org_unit_changes: { insert: 'the org functions only', update: 'append-only', delete: 'append-only' },
  memberships: { insert: 'service_role only (seed, CLI)', update: 'service_role only', delete: 'service_role only' },
  audit_log: { insert: 'the audit trigger only', update: 'append-only', delete: 'append-only' },
  profiles: { delete: 'goes with its auth user (on delete cascade)' },
  record_steps: { insert: 'the check_step trigger only', update: 'undo_step only', delete: 'append-only' },
  // Annual reports: written only by the security-definer report functions (annual_reports.sql).
  report_versions: { insert: 'save_report only', update: 'move_report only', delete: 'versions are kept' },
  report_status_changes: { insert: 'move_report only', update: 'append-only', delete: 'append-only' },
  report_year_locks: { insert: 'move_report (定稿) only', update: 'reopen_report_year only', delete: 'locks are kept' },
  report_templates: { insert: 'save_report_template only', update: 'versions are kept', delete: 'versions are kept' },
  // Members and access: read and written only by the security-definer access functions (members_and_access.sql).
  invitations: { select: 'list_invitations only', insert: 'invite_member only', update: 'accepted by the sign-in trigger, withdraw_invitation', delete: 'kept; goes with its unit' },
};

const commands: Command[] = ['select', 'insert', 'update', 'delete'];

describe.each(testDatabases())('schema lint on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
  }, 120_000);
  afterAll(() => db?.close());

  const relations = async (kinds: string) =>
    (
      await db.query<{ name: string; oid: number; rls: boolean; options: string[] | null }>(
        `select c.relname as name, c.oid::int as oid, c.relrowsecurity as rls, c.reloptions as options
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = any ($1::"char"[]) order by c.relname`,
        [kinds.split('')],
      )
    ).rows;

  it('every table in public has row-level security', async () => {
    const tables = await relations('rp');
    expect(tables.length).toBeGreaterThan(25);
    expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
  });

  it('every table has a policy for each command, or a documented exemption without the privilege', async () => {
    const policies = (await db.query<{ table: string; cmd: string }>(`select tablename as table, lower(cmd) as cmd from pg_policies where schemaname = 'public'`)).rows;
    const problems: string[] = [];
    for (const t of await relations('rp')) {
      for (const command of commands) {
        const covered = policies.some((p) => p.table === t.name && (p.cmd === command || p.cmd === 'all'));
        const exempt = exemptions[t.name]?.[command];
        if (covered && exempt) problems.push(`${t.name} ${command}: exempted but has a policy; drop the exemption`);
        if (covered || !exempt) {
          if (!covered) problems.push(`${t.name} ${command}: no policy`);
          continue;
        }
        for (const role of ['anon', 'authenticated']) {
          const held = await db.query<{ held: boolean }>(
            // DELETE has no column form.
            `select has_table_privilege($1, $2::oid, $3)
               or case when $3 = 'DELETE' then false else has_any_column_privilege($1, $2::oid, $3) end as held`,
            [role, t.oid, command.toUpperCase()],
          );
          if (held.rows[0]!.held) problems.push(`${t.name} ${command}: exempt (${exempt}) but ${role} holds the privilege`);
        }
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  it("every view in public runs with the caller's rights (security_invoker) and app roles can only read it", async () => {
    const views = await relations('vm');
    expect(views.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const v of views) {
      // An owner's-rights view skips the caller's RLS (Supabase advisor: security_definer_view, an ERROR).
      if (!(v.options ?? []).includes('security_invoker=true')) problems.push(`${v.name}: not security_invoker`);
      const writes = await db.query<{ held: boolean }>(
        `select has_table_privilege('authenticated', $1::oid, 'INSERT') or has_table_privilege('authenticated', $1::oid, 'UPDATE')
           or has_table_privilege('authenticated', $1::oid, 'DELETE') as held`,
        [v.oid],
      );
      // Reads only: writes go to the table, where the write policies and triggers apply.
      if (writes.rows[0]!.held) problems.push(`${v.name}: authenticated may write through it`);
    }
    expect(problems.join('\n')).toBe('');
  });

  it('anon holds no privilege on anything in public and selects nothing', async () => {
    const held = await db.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
         and (has_table_privilege('anon', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
           or (c.relkind <> 'S' and has_any_column_privilege('anon', c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')))`,
    );
    expect(held.rows.map((r) => r.name)).toEqual([]);
    const readable: string[] = [];
    for (const r of await relations('rpvm')) {
      const got = await as(db, 'anon', (tx) => outcome(() => tx.query(`select * from public."${r.name}" limit 1`)));
      if (got !== '42501') readable.push(`${r.name}: ${got}`);
    }
    expect(readable).toEqual([]);
  });

  it('no security definer function is exposed in public but the one anon may call, and anon may call nothing else', async () => {
    // The sign-in page's question before it mails a link (20261205100100_invitation_pending.sql):
    // anon may use nothing in private, so this one boolean is answered with the owner's rights.
    const anonEntryPoints = ['invitation_pending'];
    const definers = await db.query<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prosecdef order by 1`,
    );
    expect(definers.rows.map((r) => r.name)).toEqual(anonEntryPoints);
    const callable = await db.query<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'EXECUTE') order by 1`,
    );
    expect(callable.rows.map((r) => r.name)).toEqual(anonEntryPoints);
  });

  it('helpers in private are security definer with an empty search_path and closed to anon', async () => {
    const helpers = await db.query<{ name: string; definer: boolean; config: string[] | null; anon: boolean }>(
      `select p.proname as name, p.prosecdef as definer, p.proconfig as config,
              has_function_privilege('anon', p.oid, 'EXECUTE') as anon
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'private'`,
    );
    const problems = helpers.rows.flatMap((h) => [
      ...((h.config ?? []).includes('search_path=""') ? [] : [`${h.name}: search_path not fixed to ''`]),
      ...(h.anon ? [`${h.name}: anon may execute it`] : []),
    ]);
    expect(problems).toEqual([]);
    const definers = new Set(helpers.rows.filter((h) => h.definer).map((h) => h.name));
    for (const name of ['readable_org_ids', 'writable_org_ids', 'personal_org_ids', 'granted_org_ids', 'has_right', 'audit']) {
      expect(definers.has(name), name).toBe(true);
    }
  });
});
