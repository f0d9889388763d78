-- The model (record kinds and metrics catalog) the schema was last generated for. Hand-written;
-- see docs/database.md ("Schema evolution"). Every generated model migration (`fazhi db generate`)
-- and migrateModel() in @fazhi/db end by recording their snapshot here, and the next change is
-- generated as the difference from it. No row: the database is at the frozen release snapshot the
-- four released generated migrations came from (packages/db/src/generate/release-snapshot.json).
-- Private: only the database owner (migrations) reads or writes it.

create table private.model_snapshot (
  id boolean primary key default true,
  version integer not null,
  hash text not null,
  snapshot jsonb not null,
  recorded_at timestamptz not null default now(),
  -- One row: the model the schema is at now.
  constraint model_snapshot_single_row check (id),
  constraint model_snapshot_hash_format check (hash ~ '^[0-9a-f]{64}$')
);
comment on table private.model_snapshot is '数据库结构当前对应的模型快照（记录类型与指标目录）；没有行表示首个发布版本的快照';

revoke all on private.model_snapshot from public, anon, authenticated, service_role;
