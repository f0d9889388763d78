import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createRegistry, OrgTree, todayInShanghai, type AnyRecord, type OrgUnit } from '@fazhi/domain';
import { loadDataset, type LoadOptions } from './load-dataset.js';
import type { Dataset, DatasetManifest, DatasetProblem } from './types.js';

/**
 * A content-keyed snapshot of a validated dataset, so a command run again on the same folder does
 * not parse and validate every cell again (most of `fazhi report`'s time on the seed).
 *
 * The key is a hash of everything the result depends on: every byte of the folder's top-level
 * files, the record kinds (a plugin can add or change one), the in-force bindings, today's date
 * (`notFuture` fields are judged against it) and the loading code itself (its files' size and
 * time). Any change gives another key, so a stale snapshot is never read: the folder is loaded
 * and validated in full, and only a dataset that loaded without errors is written as a snapshot.
 * A snapshot that cannot be read is ignored the same way. Each folder keeps one snapshot.
 */
export interface SnapshotOptions extends LoadOptions {
  /** Where snapshots are kept; created when missing. */
  cacheDir: string;
}

/** Bumped whenever the file layout below changes. */
const snapshotFormat = 2;

/**
 * One field of a kind's records, column by column: text columns as indexes into the file's
 * string table (-1 for null), any other as the values themselves. Repeated text (units, options,
 * dates) is stored and parsed once, which makes the file smaller and quicker to read than JSON
 * records.
 */
type Column = { text: number[] } | { values: unknown[] };

interface KindColumns {
  kind: string;
  keys: string[];
  count: number;
  columns: Column[];
}

interface SnapshotFile {
  format: number;
  manifest: DatasetManifest;
  units: OrgUnit[];
  strings: string[];
  kinds: KindColumns[];
  warnings: DatasetProblem[];
}

/** Loads `dir` from its snapshot when one matches its content, else in full (and writes one). */
export async function loadDatasetWithSnapshot(dir: string, opts: SnapshotOptions): Promise<Dataset> {
  const abs = resolve(dir);
  const key = await snapshotKey(abs, opts).catch(() => null);
  // A folder that cannot be read is the full loader's to word.
  if (key === null) return loadDataset(dir, opts);
  const file = join(opts.cacheDir, `${key.folder}-${key.content}.json`);
  const cached = await readSnapshot(file, abs);
  if (cached) return cached;
  const dataset = await loadDataset(dir, opts);
  // Written only when the folder did not change while it was being loaded.
  const after = await snapshotKey(abs, opts).catch(() => null);
  if (after?.content === key.content) await writeSnapshot(opts.cacheDir, key.folder, file, dataset).catch(() => undefined);
  return dataset;
}

/**
 * The code that loads and validates: every file of this package and of @fazhi/domain (their
 * sources and builds, as size and time). A changed rule or check must invalidate every snapshot,
 * whichever way the code runs: from the builds, or from the sources bundled by `pnpm fazhi`.
 */
async function codeStamp(): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const lines: string[] = [];
  for (const pkg of ['@fazhi/dataset', '@fazhi/domain']) {
    const pkgDir = dirname(require.resolve(`${pkg}/package.json`));
    for (const sub of ['src', 'dist']) {
      const names = await readdir(join(pkgDir, sub), { recursive: true }).catch(() => [] as string[]);
      for (const name of names.sort()) {
        const info = await stat(join(pkgDir, sub, name));
        if (info.isFile()) lines.push(`code ${pkg}/${sub}/${name} ${info.size} ${info.mtimeMs}`);
      }
    }
  }
  return lines;
}

async function snapshotKey(abs: string, opts: LoadOptions): Promise<{ folder: string; content: string }> {
  const hash = createHash('sha256');
  const line = (text: string) => hash.update(`${text}\n`);
  line(`format ${snapshotFormat}`);
  line(abs);
  line(`today ${todayInShanghai()}`);
  for (const code of await codeStamp()) line(code);
  line(JSON.stringify((opts.registry ?? createRegistry()).list()));
  line(JSON.stringify([...(opts.inForceFrom ?? new Map())].sort()));
  // Every entry but folders, read through symbolic links: a linked CSV's content counts like any other.
  const entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const contents = await Promise.all(entries.map((e) => (e.isDirectory() ? null : readFile(join(abs, e.name)).catch((err: NodeJS.ErrnoException) => String(err.code)))));
  entries.forEach((e, i) => {
    const content = contents[i] as Buffer | string | null;
    if (content === null) line(`folder ${e.name}`);
    else if (typeof content === 'string') line(`unreadable ${e.name} ${content}`);
    else {
      line(`file ${e.name} ${content.length}`);
      hash.update(content);
    }
  });
  return { folder: createHash('sha256').update(abs).digest('hex').slice(0, 16), content: hash.digest('hex').slice(0, 32) };
}

async function readSnapshot(file: string, abs: string): Promise<Dataset | null> {
  try {
    const snap = JSON.parse(await readFile(file, 'utf8')) as SnapshotFile;
    if (snap.format !== snapshotFormat) return null;
    const records = new Map<string, AnyRecord[]>();
    for (const k of snap.kinds) records.set(k.kind, recordsOf(k, snap.strings));
    return { dir: abs, manifest: snap.manifest, orgs: new OrgTree(snap.units), records, warnings: snap.warnings };
  } catch {
    return null;
  }
}

/** The records of one kind, each with the keys in the loader's order. */
function recordsOf({ keys, count, columns }: KindColumns, strings: readonly string[]): AnyRecord[] {
  const records = new Array<AnyRecord>(count);
  for (let i = 0; i < count; i++) {
    const rec: Record<string, unknown> = {};
    for (let c = 0; c < keys.length; c++) {
      const col = columns[c]!;
      if ('text' in col) {
        const at = col.text[i]!;
        rec[keys[c]!] = at < 0 ? null : strings[at];
      } else rec[keys[c]!] = col.values[i];
    }
    records[i] = rec as AnyRecord;
  }
  return records;
}

/** What JSON gives back unchanged: -0, NaN, undefined and objects other than string lists would not. */
function jsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** The dataset as a snapshot file, or null when a value would not come back the same. */
function snapshotOf(dataset: Dataset): SnapshotFile | null {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const textIndex = (s: string) => {
    let at = indexOf.get(s);
    if (at === undefined) indexOf.set(s, (at = strings.push(s) - 1));
    return at;
  };
  const kinds: KindColumns[] = [];
  for (const [kind, recs] of dataset.records) {
    const keys = recs.length ? Object.keys(recs[0]!) : [];
    for (const rec of recs) if (Object.keys(rec).length !== keys.length) return null;
    const columns: Column[] = [];
    for (const key of keys) {
      const values = recs.map((r) => r[key]);
      if (!values.every(jsonSafe)) return null;
      columns.push(values.every((v) => v === null || typeof v === 'string') ? { text: values.map((v) => (v === null ? -1 : textIndex(v as string))) } : { values });
    }
    kinds.push({ kind, keys, count: recs.length, columns });
  }
  return { format: snapshotFormat, manifest: dataset.manifest, units: [...dataset.orgs.units.values()], strings, kinds, warnings: [...dataset.warnings] };
}

/** Writes the snapshot whole (a temporary file renamed), then drops the folder's older ones. */
async function writeSnapshot(cacheDir: string, folder: string, file: string, dataset: Dataset): Promise<void> {
  const snap = snapshotOf(dataset);
  if (!snap) return;
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(snap));
  await rename(tmp, file);
  for (const old of await readdir(cacheDir)) {
    if (old.startsWith(`${folder}-`) && old.endsWith('.json') && join(cacheDir, old) !== file) await rm(join(cacheDir, old), { force: true });
  }
}
