import type { ShippedHomes } from './shipped-homes.js';

/** `demo/manifest.json`, written next to the snapshot by scripts/build-demo-db.ts. */
export interface DemoManifest {
  /** Snapshot file name under `demo/`, content-hashed so browsers never reuse a stale one. */
  snapshot: string;
  /** Its size (the tar, as the browser reads it after Content-Encoding). */
  bytes: number;
  /** PostgreSQL's wasm and data files (as read), which a first visit downloads with the snapshot. */
  runtimeBytes: { wasm: number; data: number };
  /** The empty database 建立本单位 starts from (same schema and model, no unit, record or account). */
  emptySnapshot: string;
  /** Its size (the tar). */
  emptyBytes: number;
  /** Migration files (`<version>_<name>.sql`) already applied in the snapshot. */
  migrations: string[];
  /** The year the demo data is about; the dashboard opens on it. */
  year: number;
  /** The seed the data comes from, e.g. nansha-2024. */
  seed: string;
  /** The demo accounts in the snapshot, for `pnpm start` to print. */
  accounts: { email: string; displayName: string }[];
  password: string;
  /** The demo accounts' first home pages, computed with the snapshot (see shipped-homes.ts); none in an older release's. */
  shippedHomes?: ShippedHomes;
}

export const demoManifestPath = 'demo/manifest.json';
