import { sha256Hex } from '../backup-file.js';
import { attachmentFilesDir, ledgerRowsFile, streetCopyFormat, streetCopyParts, type StreetCopy, type StreetCopyPartName } from './street-copy.js';

/**
 * The files of a whole-street copy beyond its ledgers, as one map (file name → bytes) that the
 * CLI writes into a folder (`fazhi export --all --unmasked`) and the console into one zip
 * (导出全部数据): `ledger-rows.json`, the JSON parts of `streetCopyParts`, the attachment files
 * under `attachments/<object path>` (the bucket's own layout, so they can be uploaded to Supabase
 * Storage as they are), and `manifest.json` over all of them and the ledgers: size, SHA-256 and row
 * counts, which `fazhi import --all` checks before it writes anything. Browser-safe (Web Crypto).
 */
export const manifestFile = 'manifest.json';

export interface ManifestEntry {
  bytes: number;
  sha256: string;
  /** Rows of a ledger, or rows per table of a JSON part. */
  rows?: number | Record<string, number>;
}

export interface CopyManifest {
  app: 'fazhi';
  kind: 'street-copy';
  format: typeof streetCopyFormat;
  createdAt: string;
  files: Record<string, ManifestEntry>;
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);

/** The copy's files (manifest last, in the map's order) for `ledgers` (file name → bytes and rows) and `copy`. */
export async function streetCopyFiles(ledgers: ReadonlyMap<string, { bytes: Uint8Array; rows: number }>, copy: Pick<StreetCopy, 'ledgerRows' | 'parts' | 'files'>): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const files: Record<string, ManifestEntry> = {};
  const put = async (name: string, bytes: Uint8Array, rows?: ManifestEntry['rows']) => {
    out.set(name, bytes);
    files[name] = { bytes: bytes.byteLength, sha256: await sha256Hex(bytes), ...(rows === undefined ? {} : { rows }) };
  };
  for (const [name, ledger] of ledgers) files[name] = { bytes: ledger.bytes.byteLength, sha256: await sha256Hex(ledger.bytes), rows: ledger.rows };
  await put(ledgerRowsFile, json(copy.ledgerRows), {
    'public.org_units': copy.ledgerRows.units.length,
    ...Object.fromEntries(Object.entries(copy.ledgerRows.kinds).map(([k, r]) => [`public.${k}`, r.length])),
  });
  for (const name of Object.keys(streetCopyParts) as StreetCopyPartName[]) {
    const part = copy.parts[name];
    await put(streetCopyParts[name].file, json(part), Object.fromEntries(Object.entries(part.tables).map(([t, r]) => [t, r.length])));
  }
  for (const [path, bytes] of copy.files) await put(`${attachmentFilesDir}/${path}`, bytes);
  const manifest: CopyManifest = { app: 'fazhi', kind: 'street-copy', format: streetCopyFormat, createdAt: new Date().toISOString(), files };
  out.set(manifestFile, json(manifest));
  return out;
}
