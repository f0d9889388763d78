import { readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError } from './dataset-error.js';
import { loadDataset } from './load-dataset.js';
import { loadDatasetWithSnapshot } from './snapshot.js';
import { readText, sampleInput, tempDir, writeFiles } from './test-support.js';
import type { Dataset } from './types.js';
import { writeDataset } from './write-dataset.js';

const seedDir = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));

let tmp: { path: string; cleanup: () => Promise<void> };
let dir: string;
let cacheDir: string;
beforeEach(async () => {
  tmp = await tempDir();
  dir = join(tmp.path, 'ds');
  cacheDir = join(tmp.path, 'cache');
  await writeDataset(dir, sampleInput());
});
afterEach(() => tmp.cleanup());

/** What a command sees of a dataset: the tree as its units, everything else as loaded. */
const comparable = (d: Dataset) => ({ dir: d.dir, manifest: d.manifest, units: [...d.orgs.units.values()], records: d.records, warnings: d.warnings });

/** The snapshot files in the cache, with their inode: a rewrite makes a new file (written then renamed). */
async function snapshots(): Promise<{ name: string; ino: number }[]> {
  const names = (await readdir(cacheDir).catch(() => [] as string[])).sort();
  return Promise.all(names.map(async (name) => ({ name, ino: (await stat(join(cacheDir, name))).ino })));
}

describe('loadDatasetWithSnapshot', () => {
  it('gives the seed exactly as the full loader does, written on the first load and read on the second', async () => {
    const full = await loadDataset(seedDir);
    const first = await loadDatasetWithSnapshot(seedDir, { cacheDir });
    const written = await snapshots();
    expect(written).toHaveLength(1);
    const second = await loadDatasetWithSnapshot(seedDir, { cacheDir });
    // Read, not rewritten: the same file.
    expect(await snapshots()).toEqual(written);
    expect(comparable(first)).toEqual(comparable(full));
    expect(comparable(second)).toEqual(comparable(full));
    expect(second.orgs.subtreeIds(second.manifest.rootOrgId)).toEqual(full.orgs.subtreeIds(full.manifest.rootOrgId));
    // Same keys in the same order, record by record, so nothing downstream can tell the difference.
    for (const [kind, recs] of full.records) expect(second.records.get(kind)!.map((r) => Object.keys(r))).toEqual(recs.map((r) => Object.keys(r)));
  }, 60_000);

  it('validates a changed folder in full: a bad cell is reported, never hidden by the older snapshot', async () => {
    await loadDatasetWithSnapshot(dir, { cacheDir });
    const text = await readText(dir, 'hotline_tickets.csv');
    await writeFiles(dir, { 'hotline_tickets.csv': text.replace('2024-01-03T16:40:00+08:00', '2024-13-03T16:40:00+08:00') });
    const error = await loadDatasetWithSnapshot(dir, { cacheDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    const fullError = await loadDataset(dir).catch((e: unknown) => e as DatasetError);
    expect((error as DatasetError).problems).toEqual((fullError as DatasetError).problems);
    expect((error as DatasetError).message).toContain('hotline_tickets.csv 第2行');
  });

  it('reads a valid change and keeps one snapshot per folder', async () => {
    await loadDatasetWithSnapshot(dir, { cacheDir });
    const before = await snapshots();
    const text = await readText(dir, 'hotline_tickets.csv');
    await writeFiles(dir, { 'hotline_tickets.csv': text.replace('陈先生', '林女士') });
    const changed = await loadDatasetWithSnapshot(dir, { cacheDir });
    expect(changed.records.get('hotline_tickets')![0]!.callerName).toBe('林女士');
    expect(comparable(changed)).toEqual(comparable(await loadDataset(dir)));
    const after = await snapshots();
    expect(after).toHaveLength(1);
    expect(after[0]!.name).not.toBe(before[0]!.name);
  });

  it('follows a linked file: a change to the file it points at is read, not the older snapshot', async () => {
    const outside = join(tmp.path, 'tickets.csv');
    await writeFile(outside, await readText(dir, 'hotline_tickets.csv'));
    await rm(join(dir, 'hotline_tickets.csv'));
    await symlink(outside, join(dir, 'hotline_tickets.csv'));
    expect((await loadDatasetWithSnapshot(dir, { cacheDir })).records.get('hotline_tickets')![0]!.callerName).toBe('陈先生');
    await writeFile(outside, (await readFile(outside, 'utf8')).replace('陈先生', '林女士'));
    const changed = await loadDatasetWithSnapshot(dir, { cacheDir });
    expect(changed.records.get('hotline_tickets')![0]!.callerName).toBe('林女士');
  });

  it('keys on the record kinds and in-force bindings too', async () => {
    await loadDatasetWithSnapshot(dir, { cacheDir });
    const [plain] = await snapshots();
    await loadDatasetWithSnapshot(dir, { cacheDir, inForceFrom: new Map([['enforcement_officers', 'since']]) });
    const [bound] = await snapshots();
    expect(bound!.name).not.toBe(plain!.name);
  });

  it('keys on the validating code: a touched @fazhi/domain file makes a new snapshot', async () => {
    await loadDatasetWithSnapshot(dir, { cacheDir });
    const [before] = await snapshots();
    const schemaFile = fileURLToPath(new URL('../../domain/src/schema.ts', import.meta.url));
    const { atime, mtime } = await stat(schemaFile);
    try {
      await utimes(schemaFile, atime, new Date(mtime.getTime() + 1000));
      await loadDatasetWithSnapshot(dir, { cacheDir });
    } finally {
      await utimes(schemaFile, atime, mtime);
    }
    const [after] = await snapshots();
    expect(after!.name).not.toBe(before!.name);
  });

  it('loads in full when the snapshot cannot be read, and writes a good one again', async () => {
    await loadDatasetWithSnapshot(dir, { cacheDir });
    const [snap] = await snapshots();
    await writeFile(join(cacheDir, snap!.name), '{"format":2,"strings":["a","b');
    const loaded = await loadDatasetWithSnapshot(dir, { cacheDir });
    expect(comparable(loaded)).toEqual(comparable(await loadDataset(dir)));
    const [again] = await snapshots();
    expect(again!.name).toBe(snap!.name);
    expect(again!.ino).not.toBe(snap!.ino);
  });

  it('writes no snapshot of a dataset with errors', async () => {
    await writeFiles(dir, { 'orgs.csv': 'id,parentId,kind,name,shortName\n' });
    await expect(loadDatasetWithSnapshot(dir, { cacheDir })).rejects.toBeInstanceOf(DatasetError);
    expect(await snapshots()).toEqual([]);
  });
});
