import type { OrgUnit } from '@fazhi/domain';
import type { OrgKind } from './access-store.js';
import type { SqlExecutor } from './client.js';

/**
 * The first run (建立本单位): one JSON document with the unit tree and the first admin, handed to
 * `public.set_up_organisation` (20261205090200_org_units_managed.sql), which checks everything and
 * refuses on a database that already has units. The console's form, an org sheet (组织机构.xlsx of
 * `fazhi export --all`) and `fazhi setup --file` all produce this document.
 */

export interface OrgSetupUnit {
  kind: OrgKind;
  name: string;
  shortName?: string | null;
  /** 机构编号; unique across the database. */
  code?: string | null;
  /** 建账起止 (yyyy-mm-dd); absent inherits the parent's. */
  ledgerFrom?: string | null;
  ledgerTo?: string | null;
  children?: OrgSetupUnit[];
}

export interface OrgSetup {
  /** The top units (a district with its streets, or a street or town alone). */
  units: OrgSetupUnit[];
  /** The first admin: a street admin (with the personal-data grant) at the first street or town. */
  admin: { email: string; password: string; displayName?: string };
}

export interface OrgSetupResult {
  adminId: string;
  /** The new units' ids in document order (depth first). */
  unitIds: string[];
}

/**
 * Runs the first run in the caller's transaction (as the database owner or the service role); the
 * database's Chinese message on any problem. pgcrypto, which hashes the admin's password, is where
 * Supabase keeps it (`extensions`); a plain PostgreSQL or PGlite database gets it there first.
 */
export async function setUpOrganisation(tx: SqlExecutor, setup: OrgSetup): Promise<OrgSetupResult> {
  const { rows } = await tx.query<{ ok: boolean }>(`select to_regprocedure('extensions.crypt(text, text)') is not null as ok`);
  if (!rows[0]?.ok) await tx.exec('create schema if not exists extensions; create extension if not exists pgcrypto with schema extensions;');
  const r = await tx.query<{ result: OrgSetupResult | string }>('select public.set_up_organisation($1::jsonb) as result', [JSON.stringify(setup)]);
  const result = r.rows[0]?.result;
  return typeof result === 'string' ? (JSON.parse(result) as OrgSetupResult) : result!;
}

/**
 * An org sheet's units (flat, parents first, as `readOrgTree` of @fazhi/ledger gives them) as the
 * document's tree. The sheet's 机构编号 becomes each unit's code, so ledgers that name units by it
 * still find them; the database gives the units new ids.
 */
export function orgSetupUnitsFromSheet(units: readonly OrgUnit[]): OrgSetupUnit[] {
  const byParent = new Map<string | null, OrgUnit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  const tree = (parent: string | null): OrgSetupUnit[] =>
    (byParent.get(parent) ?? []).map((u) => {
      const children = tree(u.id);
      return {
        kind: u.kind,
        name: u.name,
        shortName: u.shortName ?? null,
        code: u.id,
        ledgerFrom: u.ledgerSpan?.from ?? null,
        ledgerTo: u.ledgerSpan?.to ?? null,
        ...(children.length ? { children } : {}),
      };
    });
  return tree(null);
}
