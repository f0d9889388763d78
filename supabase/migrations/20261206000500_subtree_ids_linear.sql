-- private.subtree_ids in time linear in the units it returns. Since 20261204000100 it filtered the
-- walk's units for a signed-in user (a restricted caller) with `s.id = any (member_org_ids())`:
-- every unit of the subtree compared against every unit of the caller's membership subtrees, one
-- by one. For a city supervisor over the synthetic city of `pnpm bench:scale` (3,501 units) that
-- is 3,501 × 3,501 comparisons on each call, and the figures, the report helpers and the district
-- comparison call it for every unit they scope.
--
-- The same units, in the same order (the walk's, kept by `with ordinality`): the membership
-- subtrees are a hashed set the walk's units are looked up in, and the database owner and
-- service_role (whom the filter never restricted) get the walk itself without computing them.
-- src/rls/subtree-ids.test.ts compares it with the definition it replaces for every user and unit
-- of the RLS fixture, of the seed tree and of a deep and a wide synthetic tree, on PGlite and
-- PostgreSQL 15; `pnpm --filter @fazhi/bench bench:subtree` times both.
create or replace function private.subtree_ids(p_roots uuid[]) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select case when not private.restricted_caller() then private.org_subtree(p_roots)
  else (
    select coalesce(array_agg(s.id order by s.n), '{}')
    from unnest(private.org_subtree(p_roots)) with ordinality as s (id, n)
    where s.id in (select m.id from unnest(private.member_org_ids()) as m (id))
  ) end
$$;
