-- The access helpers run with their owner's rights, a fixed empty search_path, and are stable.
begin;
create extension if not exists pgtap;

select plan(53);

create temporary table helpers (name text, args text[]) on commit drop;
insert into helpers values
  ('granted_org_ids', array['text', 'text']),
  ('subtree_ids', array['uuid[]']),
  ('org_subtree', array['uuid[]']),
  ('readable_org_ids', array['text']),
  ('writable_org_ids', array['text']),
  ('personal_org_ids', array['text']),
  ('member_org_ids', array[]::text[]),
  ('administered_org_ids', array[]::text[]),
  ('auditable_org_ids', array[]::text[]),
  ('has_right', array['uuid', 'text', 'text']),
  ('area_of_kind', array['text']),
  ('can_use_attachment_path', array['text', 'text']),
  ('personal_visibility', array['uuid', 'text']);

-- One assertion per row and query: pg_prove reads one TAP line per result row.
select is_definer('private', h.name, h.args, format('private.%s is security definer', h.name)) from helpers h order by h.name;
select volatility_is('private', h.name, h.args, 'stable', format('private.%s is stable', h.name)) from helpers h order by h.name;
select function_privs_are('private', h.name, h.args, 'anon', array[]::text[], format('anon cannot execute private.%s', h.name))
from helpers h order by h.name;

select ok(
  p.proconfig = array['search_path=""'],
  format('private.%s has search_path = ''''', p.proname)
)
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
where n.nspname = 'private'
  and p.proname in (select name from helpers)
order by p.proname;

select is_definer('private', 'audit', array[]::text[], 'the audit trigger writes as its owner');

select * from finish();
rollback;
