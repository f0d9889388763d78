// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the built
// console, for servers that send precompressed files (scripts/static-server.mjs, nginx's
// brotli_static/gzip_static, Caddy's `precompressed`). Compressing once at build time allows the
// slowest, smallest settings, which a server compressing on the fly cannot afford. A copy that
// would save little is not written. Usage: node scripts/precompress.mjs [dist]
//
// The copies are also kept in a cache keyed by the file's content (sha256) and the settings, so
// an unchanged file (PostgreSQL's wasm and data files, most chunks) is never compressed twice:
// not by the next build, nor by another checkout on the same machine (scripts/build-cache.mjs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { buildCacheDir } from './build-cache.mjs';

const compressible = new Set(['.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.data', '.tar', '.map', '.txt']);
/** Below this a copy saves too little to be worth a file (and a stat per request). */
const minBytes = 1024;
/** A copy must save at least this share of the file. */
const minSaving = 0.1;
/** The cache keeps the most recently used copies up to this many bytes. */
const cacheLimitBytes = 1024 * 1048576;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/**
 * Brotli's best quality runs at about 1 MB/s: right for the assets (the wasm, 9 MB, takes seconds),
 * too slow for the demo snapshot (70 MB: minutes on every schema change), which gets quality 9
 * with a 16 MB window instead (about 0.7 of the size of gzip).
 */
const large = 16 * 1048576;
const brotliParams = (bytes) => ({
  [constants.BROTLI_PARAM_QUALITY]: bytes > large ? 9 : 11,
  [constants.BROTLI_PARAM_LGWIN]: 24,
  [constants.BROTLI_PARAM_SIZE_HINT]: bytes,
});
const gzipLevel = (bytes) => (bytes > large ? 6 : 9);

/** The encodings, each with the settings that name its cache entries and the compression itself. */
const encodings = [
  { suffix: '.br', settings: (n) => `q${brotliParams(n)[constants.BROTLI_PARAM_QUALITY]}w24`, compress: (data) => brotli(data, { params: brotliParams(data.length) }) },
  { suffix: '.gz', settings: (n) => `l${gzipLevel(n)}`, compress: (data) => gz(data, { level: gzipLevel(data.length) }) },
];

/** Where compressed copies are kept between builds (undefined: nowhere), named by content and settings. */
export function compressionCacheDir(env = process.env) {
  const root = buildCacheDir(env);
  return root && join(root, 'precompressed');
}

/** The cached copy if there is one (touched: the cache forgets the least recently used first). */
function cached(path) {
  if (!existsSync(path)) return undefined;
  const now = new Date();
  utimesSync(path, now, now);
  return readFileSync(path);
}

/** Written under a temporary name and renamed: a build running beside this one never reads half a copy. */
function store(path, data) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/**
 * Writes the copies of `file` still missing; existing ones are kept (they are up to date: names
 * are content-hashed). A copy comes from the cache when the same content was compressed before.
 * Returns what was written, and from where.
 */
export async function precompressFile(file, options = {}) {
  const cacheDir = cacheDirOf(options);
  const data = readFileSync(file);
  const key = cacheDir && createHash('sha256').update(data).digest('hex');
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const written = [];
  for (const { suffix, settings, compress } of encodings) {
    if (existsSync(file + suffix)) continue;
    const entry = cacheDir && join(cacheDir, `${key}-${settings(data.length)}${suffix}`);
    let out = entry && cached(entry);
    const hit = !!out;
    if (!out) {
      out = await compress(data);
      if (entry) store(entry, out);
    }
    if (out.length <= data.length * (1 - minSaving)) {
      writeFileSync(file + suffix, out);
      written.push(`${suffix} ${(out.length / 1024).toFixed(0)} kB${hit ? '（缓存）' : ''}`);
    }
  }
  return written;
}

/** The options' cache folder; the default one when they name none (`cacheDir: undefined` turns it off). */
const cacheDirOf = (options) => ('cacheDir' in options ? options.cacheDir : compressionCacheDir());

/** Forgets the least recently used copies beyond `limit` bytes. */
export function pruneCompressionCache(cacheDir, limit = cacheLimitBytes) {
  if (!existsSync(cacheDir)) return;
  const entries = readdirSync(cacheDir)
    .map((name) => ({ path: join(cacheDir, name), stat: statSync(join(cacheDir, name)) }))
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
  let kept = 0;
  for (const { path, stat } of entries) {
    kept += stat.size;
    if (kept > limit) rmSync(path, { force: true });
  }
}

export async function precompressDir(root, options = {}) {
  const todo = [...files(root)].filter((f) => compressible.has(extname(f)) && statSync(f).size >= minBytes);
  let before = 0;
  let after = 0;
  let fromCache = 0;
  // All at once: zlib runs them on its thread pool.
  await Promise.all(
    todo.map(async (f) => {
      const written = await precompressFile(f, options);
      fromCache += written.filter((w) => w.endsWith('（缓存）')).length;
      before += statSync(f).size;
      after += statSync(existsSync(`${f}.br`) ? `${f}.br` : f).size;
    }),
  );
  const cacheDir = cacheDirOf(options);
  if (cacheDir) pruneCompressionCache(cacheDir);
  return { files: todo.length, before, after, fromCache };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'dist');
  const started = performance.now();
  const { files: n, before, after, fromCache } = await precompressDir(root);
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(
    `预压缩 ${relative(process.cwd(), root) || '.'}：${n} 个文件，${mb(before)} MB → brotli ${mb(after)} MB，${fromCache} 个副本取自缓存（${((performance.now() - started) / 1000).toFixed(1)} 秒）`,
  );
}
