-- Indexes for the console's record lists, beyond the ones the records migration derives from the
-- metrics catalog (`(org_id, <period>)` …, which serve indicators, not pages). Hand-written: the
-- domain's record kinds declare no list indexes, and 20261128000100_records.sql is already applied
-- (`supabase db push` never re-runs a version), so new indexes ship in a migration of their own.
-- Measured by `pnpm --filter @fazhi/bench bench:db`; listed in docs/database.md (indexes).
--
-- Hotline tickets (the 12345 government service line) are the table that grows into the
-- millions. Its list page, as a street admin under RLS, is: live rows (`deleted_at is null`, what
-- every list shows by default), org subtree, one year of `received_at`, often one `kind`, newest
-- first, 20 per page, plus the total for the pager. On 1M rows the `(org_id, received_at)` index
-- alone leaves a bitmap heap scan of the whole subtree-year and a sort: 37–82 ms against a 50 ms
-- target; with these two, 5–25 ms.
-- Both indexes are partial on live rows, so soft-deleted tickets cost them nothing.

-- The page: walked backwards, it yields one kind's tickets newest first (`id` breaks ties the way
-- the list orders them), so the scan stops after the first 20 inside the RLS org subtree instead
-- of sorting the whole year.
create index hotline_tickets_live_kind_received_at_id_idx
  on public.hotline_tickets (kind, received_at, id)
  where deleted_at is null;

-- The total: org subtree + kind + period answered from the index alone (index-only scan), without
-- visiting the heap for each of the tens of thousands of tickets counted.
create index hotline_tickets_live_org_id_kind_received_at_idx
  on public.hotline_tickets (org_id, kind, received_at)
  where deleted_at is null;
