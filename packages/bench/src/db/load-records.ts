import type { AnyRecord, OrgUnit, RecordKind } from '@fazhi/domain';
import type { Database, SqlExecutor } from '@fazhi/db';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadColumns, orgRows, recordJson, recordsCsv } from './record-rows.js';

const quoted = (kind: RecordKind) => loadColumns(kind).map((c) => `"${c}"`).join(', ');

export async function loadOrgs(db: Database, units: readonly OrgUnit[]): Promise<void> {
  await db.query(
    `insert into public.org_units (id, parent_id, kind, code, name, short_name)
     select id, parent_id, kind, code, name, short_name from json_populate_recordset(null::public.org_units, $1::json)`,
    [JSON.stringify(orgRows(units))],
  );
}

// Bulk loads skip the audit and stamping triggers (and FK checks): a benchmark load is not a
// user's write. `set local` in one transaction keeps it on one pooled connection and ends it there;
// both servers run us as superuser, which session_replication_role requires.
const withoutTriggers = (db: Database, fn: (tx: SqlExecutor) => Promise<void>) =>
  db.transaction(async (tx) => {
    await tx.exec('set local session_replication_role = replica');
    await fn(tx);
  });

/** PostgreSQL: server-side COPY from CSV files written where the server can read them (into the kind's table unless `into` names another). */
export async function copyRecords(db: Database, dir: string, kind: RecordKind, records: readonly AnyRecord[], chunk = 100_000, into = `public.${kind.id}`): Promise<void> {
  await withoutTriggers(db, async (tx) => {
    for (let i = 0; i < records.length; i += chunk) {
      const file = join(dir, `${kind.id}-${i}.csv`);
      writeFileSync(file, recordsCsv(kind, records.slice(i, i + chunk)));
      chmodSync(file, 0o644);
      try {
        await tx.exec(`copy ${into} (${quoted(kind)}) from '${file}' with (format csv)`);
      } finally {
        rmSync(file, { force: true });
      }
    }
  });
}

/** PGlite: no COPY from the host's files, so batched inserts of JSON rows. */
export async function insertRecords(db: Database, kind: RecordKind, records: readonly AnyRecord[], batch = 5_000): Promise<void> {
  const cols = quoted(kind);
  await withoutTriggers(db, async (tx) => {
    for (let i = 0; i < records.length; i += batch) {
      const rows = records.slice(i, i + batch).map((r) => recordJson(kind, r));
      await tx.query(`insert into public.${kind.id} (${cols}) select ${cols} from json_populate_recordset(null::public.${kind.id}, $1::json)`, [JSON.stringify(rows)]);
    }
  });
}
