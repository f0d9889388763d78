-- private.reads_everything_under without walking the caller's whole readable tree.
--
-- Measured on the synthetic city of `pnpm bench:scale` (100 streets, 3,501 units, PostgreSQL 15):
-- one street's figures as the city supervisor took 180 ms of server CPU through
-- public.unit_indicator_values against 30–40 ms for the same figures as the owner, and
-- private.reads_everything_under(street) alone 70–80 ms; unit_indicator_values calls it twice
-- (once to choose, once more inside private.indicator_values_unrestricted). It built the caller's
-- readable units for every work area: private.readable_org_ids walks the whole granted subtree
-- (all 3,501 units for a city supervisor) and filters each unit against
-- private.member_org_ids(), another array of 3,501, element by element, eleven times.
--
-- The same answer from the unit's ancestors: the subtree of p_parent is readable in an area
-- exactly when p_parent itself is, i.e. when p_parent or one of its ancestors is granted 'read' in
-- that area (readable units are the subtrees of the granted ones, and p_parent is in its own
-- subtree); and it lies inside the caller's membership subtrees exactly when p_parent or an
-- ancestor holds one of the caller's active memberships (every 'read' grant is one). A unit that
-- does not exist has an empty subtree, which the old definition counted as read entirely; so does
-- this one. src/rls/reads-everything-under.test.ts compares both definitions for every user and
-- unit of the RLS fixture on PGlite and PostgreSQL 15.
create or replace function private.reads_everything_under(p_parent uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  with recursive up (id, parent_id) as (
    select u.id, u.parent_id from public.org_units u where u.id = p_parent
    union all
    select u.id, u.parent_id from public.org_units u join up on u.id = up.parent_id
  ),
  line as (select coalesce(array_agg(up.id), '{}') as ids from up)
  select not exists (select 1 from up)
    or ((select ids from line) && private.granted_org_ids('member', null)
      and not exists (
        select 1 from (select distinct k.area from private.record_kinds k) a
        where not ((select ids from line) && private.granted_org_ids('read', a.area))
      ))
$$;
