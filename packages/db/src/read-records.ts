import { createRegistry, isStreetLevel, OrgTree, type AnyRecord, type OrgUnit, type OrgUnitKind, type RecordKindRegistry } from '@fazhi/domain';
import type { SqlExecutor } from './client.js';
import { recordColumns, recordFromRow } from './record-rows.js';

export interface DatabaseRecords {
  orgs: OrgTree;
  /** The unit figures describe by default: the only street when there is one, else the only root. */
  rootOrgId: string;
  /** Kind id → records (soft-deleted ones included, as a dataset holds them). */
  records: Map<string, AnyRecord[]>;
  /** Kinds with no table, or none the connection's role may read: left out, not failed. */
  unreadable: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Reads the org tree and the records of every kind the connection's role can read, in the same
 * shape a loaded dataset has, so in-memory code (the metrics evaluator, the CLI) works on a
 * database unchanged. Under row-level security (run inside `asUser`) it reads what that user sees.
 */
export async function readDatabaseRecords(db: SqlExecutor, opts: { registry?: RecordKindRegistry } = {}): Promise<DatabaseRecords> {
  const registry = opts.registry ?? createRegistry();
  // A unit's own span; for a unit whose parent the role cannot see, the span it inherits from
  // above (public.ledger_span), so the tree read here gives every unit the span the database would.
  const units = await db.query<{ id: string; parent_id: string | null; kind: OrgUnitKind; code: string | null; name: string; short_name: string | null; ledger_from: string | null; ledger_to: string | null; inherited_from: string | null; inherited_to: string | null }>(
    `select u.id, u.parent_id, u.kind, u.code, u.name, u.short_name, u.ledger_from::text, u.ledger_to::text, s.inherited_from::text, s.inherited_to::text
     from public.org_units u
     left join lateral public.ledger_span(u.id) s on u.parent_id is null or not exists (select 1 from public.org_units p where p.id = u.parent_id)
     order by u.name, u.id`,
  );
  const visible = new Set(units.rows.map((u) => u.id));
  // A user may see a subtree without its parent: that subtree's top becomes a root here.
  const orgs = new OrgTree(
    units.rows.map((u): OrgUnit => {
      const isRoot = !(u.parent_id && visible.has(u.parent_id));
      const from = isRoot ? u.inherited_from : u.ledger_from;
      const to = isRoot ? u.inherited_to : u.ledger_to;
      // The 机构编号 only where the unit has one (a seeded unit keeps its dataset id as its code).
      return { id: u.id, parentId: isRoot ? null : u.parent_id, kind: u.kind, name: u.name, shortName: u.short_name, ...(u.code ? { code: u.code } : {}), ledgerSpan: from ? { from, to } : null };
    }),
  );
  if (orgs.units.size === 0) throw new Error('数据库中没有机构数据（org_units 为空或无权读取），请先导入数据集');

  // The table itself when the role may read all of it (owner, service role); else the masked view
  // `<kind>_view` that signed-in users read personal fields through.
  const readable = await db.query<{ relname: string }>(
    `select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'v') and c.relname = any ($1) and has_table_privilege(c.oid, 'select')`,
    [registry.list().flatMap((k) => [k.id, `${k.id}_view`])],
  );
  const names = new Set(readable.rows.map((r) => r.relname));
  const records = new Map<string, AnyRecord[]>();
  const unreadable: string[] = [];
  for (const kind of registry.list()) {
    const from = names.has(kind.id) ? kind.id : names.has(`${kind.id}_view`) ? `${kind.id}_view` : undefined;
    if (!from) {
      unreadable.push(kind.id);
      continue;
    }
    const r = await db.query(`select ${recordColumns(kind).map(ident).join(', ')} from public.${ident(from)} order by id`);
    records.set(kind.id, r.rows.map((row) => recordFromRow(kind, row)));
  }

  // Several streets or towns and no single root (a whole city, say): the first root; callers pick with --org.
  const streets = [...orgs.units.values()].filter((u) => isStreetLevel(u.kind));
  const root = streets.length === 1 ? streets[0]! : orgs.roots()[0]!;
  return { orgs, rootOrgId: root.id, records, unreadable };
}
