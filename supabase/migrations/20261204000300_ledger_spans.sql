-- Ledger spans (建账起止): the days each org unit's ledgers cover. Hand-written; see
-- docs/database.md. A year-on-year comparison (同比) is made only when both years lie inside the
-- span of the unit's whole subtree; the rule that decides is comparisonBasis() in @fazhi/metrics,
-- and the span it reads comes from public.ledger_span() here (or the same rule in memory,
-- OrgTree.ledgerSpan in @fazhi/domain; the two are tested against each other).
--
-- Semantics: a unit without a span of its own has its nearest ancestor's; a subtree's figures are
-- complete on the days every unit in it covers (the latest start, the earliest end); no span
-- anywhere means nothing is known and every year compares. Written like the rest of org_units:
-- by service_role and seeds; read under the existing policy.

alter table public.org_units
  add column ledger_from date,
  add column ledger_to date,
  add constraint org_units_ledger_to_needs_from check (ledger_to is null or ledger_from is not null),
  add constraint org_units_ledger_span_order check (ledger_to is null or ledger_to >= ledger_from);

comment on column public.org_units.ledger_from is '建账起始日（含）；为空时沿用上级机构的建账起止';
comment on column public.org_units.ledger_to is '建账截止日（含）；为空表示仍在记录';

-- The unit's own span, else its nearest ancestor's; no row when none is declared above it. The
-- walk up is privileged (a street's span may come from its district), so it starts only from a
-- unit the caller may ask about (private.may_ask_about): another street's dates stay unknown.
create function private.inherited_ledger_span(p_org uuid) returns table (ledger_from date, ledger_to date)
language sql stable security definer set search_path = ''
as $$
  with recursive up (id, parent_id, depth, ledger_from, ledger_to) as (
    select u.id, u.parent_id, 0, u.ledger_from, u.ledger_to from public.org_units u
    where u.id = p_org and private.may_ask_about(p_org)
    union all
    select p.id, p.parent_id, up.depth + 1, p.ledger_from, p.ledger_to
    from up join public.org_units p on p.id = up.parent_id
    where up.ledger_from is null
  )
  select up.ledger_from, up.ledger_to from up where up.ledger_from is not null order by up.depth limit 1
$$;

-- The days every unit of the subtree covers: walks down from p_org carrying the inherited span.
-- One row; both columns null when no unit in or above the subtree declares a span.
create function private.subtree_ledger_span(p_org uuid) returns table (ledger_from date, ledger_to date)
language sql stable security definer set search_path = ''
as $$
  with recursive down (id, ledger_from, ledger_to) as (
    select u.id, i.ledger_from, i.ledger_to
    from public.org_units u left join lateral private.inherited_ledger_span(u.id) i on true
    where u.id = p_org and private.may_ask_about(p_org)
    union all
    select c.id,
      case when c.ledger_from is null then d.ledger_from else c.ledger_from end,
      case when c.ledger_from is null then d.ledger_to else c.ledger_to end
    from down d join public.org_units c on c.parent_id = d.id
  )
  select max(down.ledger_from), min(down.ledger_to) from down
$$;

revoke all on function private.inherited_ledger_span(uuid), private.subtree_ledger_span(uuid) from public;
grant execute on function private.inherited_ledger_span(uuid), private.subtree_ledger_span(uuid) to authenticated, service_role;

-- Security invoker over org_units: a caller gets a row only for a unit they may read, yet the span
-- may come from ancestors they cannot read (dates only, nothing else of those units).
create function public.ledger_span(p_org uuid) returns table (ledger_from date, ledger_to date, inherited_from date, inherited_to date)
language sql stable security invoker set search_path = ''
as $$
  select s.ledger_from, s.ledger_to, i.ledger_from, i.ledger_to
  from public.org_units u
  cross join lateral private.subtree_ledger_span(u.id) s
  left join lateral private.inherited_ledger_span(u.id) i on true
  where u.id = p_org
$$;

comment on function public.ledger_span(uuid) is
  'The ledger span of p_org: ledger_from/ledger_to for its whole subtree (what 同比 checks), inherited_from/inherited_to for the unit alone (its own or its nearest ancestor''s). No row when the caller cannot read p_org.';

revoke all on function public.ledger_span(uuid) from public, anon;
grant execute on function public.ledger_span(uuid) to authenticated, service_role;
