-- The 待办 page and the header's count ask, per to-do rule, for the live records meeting it (the
-- plugins' `todos`, through the data provider, as the user under RLS). Every rule but one reads a
-- small table; 12345 tickets are the one that grows into the millions, and their rule is "no
-- 办结时间 and 办理时限 at most two days ahead". Without an index that is a scan of every live
-- ticket on each count (230 ms on PGlite over the seed's 41,088 rows, and again after every
-- write to a ticket, since Refine refetches the count); the open tickets are a handful, so a
-- partial index over them alone answers it from a few entries and costs writes almost nothing
-- (a ticket leaves it when it is closed).
create index hotline_tickets_open_due_at_idx
  on public.hotline_tickets (due_at)
  where closed_at is null and deleted_at is null;
