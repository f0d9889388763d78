-- The policies of docs/database.md exist, one per command, for authenticated only.
begin;
create extension if not exists pgtap;

select plan((select count(*)::int * 3 from private.record_kinds) + 9);

-- Record tables: exactly the four sentence-named policies.
select policies_are(
  'public', k.kind_id,
  array[
    format('Members can read %s of their orgs', k.kind_id),
    format('Writers can add %s to their orgs', k.kind_id),
    format('Writers can change %s of their orgs', k.kind_id),
    format('Nobody hard-deletes %s', k.kind_id)
  ],
  format('public.%I has the four record policies', k.kind_id)
)
from private.record_kinds k order by k.kind_id;

select policy_roles_are(
  'public', k.kind_id, format('Members can read %s of their orgs', k.kind_id), array['authenticated'],
  format('public.%I is read by authenticated only', k.kind_id)
)
from private.record_kinds k order by k.kind_id;

select policy_cmd_is(
  'public', k.kind_id, format('Nobody hard-deletes %s', k.kind_id), 'delete',
  format('public.%I has a delete policy', k.kind_id)
)
from private.record_kinds k order by k.kind_id;

select policies_are('public', 'org_units', array['Members can read the org units of their subtrees']);
select policies_are('public', 'memberships', array['Users can read their own active memberships and admins those of their street']);
-- Invitations: no policy and no privilege; the access functions are the only readers and writers.
select policies_are('public', 'invitations', array[]::name[]);
select table_privs_are('public', 'invitations', 'authenticated', array[]::text[], 'authenticated holds nothing on invitations');
select policies_are('public', 'profiles', array['Users can read their own profile', 'Users can create their own profile', 'Users can change their own profile']);
select policies_are('public', 'audit_log', array['Admins with the personal-data right can read the audit log of their orgs']);
select policies_are('public', 'attachments', array[
  'Members can read attachments of their orgs', 'Writers can add attachments to their orgs',
  'Writers can change attachments of their orgs', 'Nobody hard-deletes attachments'
]);
select policies_are('storage', 'objects', array[
  'Members can read attachment files of their orgs', 'Writers can upload attachment files to their orgs'
]);
select table_privs_are('public', 'mediation_cases', 'anon', array[]::text[], 'anon holds nothing on mediation_cases');

select * from finish();
rollback;
