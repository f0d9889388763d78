-- Every table in public, and storage.objects, has row-level security.
begin;
create extension if not exists pgtap;

select plan((
  select count(*)::int + 1 from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p')
));

select ok(c.relrowsecurity, format('public.%I has row-level security', c.relname))
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public' and c.relkind in ('r', 'p')
order by c.relname;

select ok(
  (select relrowsecurity from pg_catalog.pg_class where oid = 'storage.objects'::regclass),
  'storage.objects has row-level security'
);

select * from finish();
rollback;
