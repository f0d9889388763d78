// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the built
// console, for servers that send precompressed files (scripts/static-server.mjs, nginx's
// brotli_static/gzip_static, Caddy's `precompressed`). Compressing once at build time allows the
// slowest, smallest settings, which a server compressing on the fly cannot afford. A copy that
// would save little is not written. Usage: node scripts/precompress.mjs [dist]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const compressible = new Set(['.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.data', '.tar', '.map', '.txt']);
/** Below this a copy saves too little to be worth a file (and a stat per request). */
const minBytes = 1024;
/** A copy must save at least this share of the file. */
const minSaving = 0.1;

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

/** Writes the copies of `file` still missing; existing ones are kept (they are up to date: names are content-hashed). */
export async function precompressFile(file) {
  const data = readFileSync(file);
  const written = [];
  for (const [suffix, compress] of [
    ['.br', () => brotli(data, { params: brotliParams(data.length) })],
    ['.gz', () => gz(data, { level: data.length > large ? 6 : 9 })],
  ]) {
    if (existsSync(file + suffix)) continue;
    const out = await compress();
    if (out.length <= data.length * (1 - minSaving)) {
      writeFileSync(file + suffix, out);
      written.push(`${suffix} ${(out.length / 1024).toFixed(0)} kB`);
    }
  }
  return written;
}

export async function precompressDir(root) {
  const todo = [...files(root)].filter((f) => compressible.has(extname(f)) && statSync(f).size >= minBytes);
  let before = 0;
  let after = 0;
  // All at once: zlib runs them on its thread pool.
  await Promise.all(
    todo.map(async (f) => {
      await precompressFile(f);
      before += statSync(f).size;
      after += statSync(existsSync(`${f}.br`) ? `${f}.br` : f).size;
    }),
  );
  return { files: todo.length, before, after };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'dist');
  const started = performance.now();
  const { files: n, before, after } = await precompressDir(root);
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(`预压缩 ${relative(process.cwd(), root) || '.'}：${n} 个文件，${mb(before)} MB → brotli ${mb(after)} MB（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
}
