import { loadDataset, type Dataset } from '@fazhi/dataset';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';
import { seedDataset } from './seed.js';
import { testDatabases } from './testing/index.js';

export const seedDir = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));

export interface SeededDatabase {
  db: Database;
  dataset: Dataset;
  close(): Promise<void>;
}

/** A migrated database of the backend's with seeds/nansha-2024 loaded, and the dataset itself. */
export async function openSeeded(backend: { create(): Promise<Database> }): Promise<SeededDatabase> {
  const db = await backend.create();
  try {
    await seedDataset(db, seedDir);
    return { db, dataset: await loadDataset(seedDir), close: () => db.close() };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** PGlite and the run's throwaway PostgreSQL 15, each as `{ name, open }`. */
export const seededDatabases = testDatabases().map((backend) => ({ name: backend.name, open: () => openSeeded(backend) }));
