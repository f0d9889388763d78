import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCacheDir } from '../scripts/build-cache.mjs';
import { compressionCacheDir, precompressFile, pruneCompressionCache } from '../scripts/precompress.mjs';

const root = mkdtempSync(join(tmpdir(), 'fazhi-build-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const script = (n: number) => `export const rows = [${Array.from({ length: n }, (_, i) => `{ id: ${i}, name: '第${i}号' }`).join(', ')}];`;

describe('the build cache', () => {
  test('lives outside the checkout, moves with FAZHI_BUILD_CACHE and turns off with "off"', () => {
    expect(buildCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: '/var/cache/u' })).toBe('/var/cache/u/fazhi/console-build');
    expect(buildCacheDir({ FAZHI_BUILD_CACHE: 'ci-cache' })).toBe(join(process.cwd(), 'ci-cache'));
    expect(compressionCacheDir({ FAZHI_BUILD_CACHE: '/c' })).toBe('/c/precompressed');
    expect(buildCacheDir({ FAZHI_BUILD_CACHE: 'off' })).toBeUndefined();
    expect(compressionCacheDir({ FAZHI_BUILD_CACHE: 'off' })).toBeUndefined();
  });

  test('a file compressed once is not compressed again: its copies come from the cache, byte for byte', async () => {
    const cacheDir = join(root, 'cache');
    const file = join(root, 'app.js');
    writeFileSync(file, script(3000));
    const first = await precompressFile(file, { cacheDir });
    expect(first.map((w) => w.split(' ')[0])).toEqual(['.br', '.gz']);
    expect(first.some((w) => w.includes('缓存'))).toBe(false);
    const br = readFileSync(`${file}.br`);
    const gz = readFileSync(`${file}.gz`);
    // A new build: the copies are gone, the content is the same.
    rmSync(`${file}.br`);
    rmSync(`${file}.gz`);
    const again = await precompressFile(file, { cacheDir });
    expect(again).toHaveLength(2);
    expect(again.every((w) => w.endsWith('（缓存）'))).toBe(true);
    expect(readFileSync(`${file}.br`)).toEqual(br);
    expect(readFileSync(`${file}.gz`)).toEqual(gz);
    // Other content under the same name: compressed anew, never given the other content's copy.
    writeFileSync(file, script(4000));
    rmSync(`${file}.br`);
    rmSync(`${file}.gz`);
    expect((await precompressFile(file, { cacheDir })).some((w) => w.includes('缓存'))).toBe(false);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script(4000));
    expect(readdirSync(cacheDir)).toHaveLength(4);
  });

  test('without a cache the copies are still written', async () => {
    const file = join(root, 'lone.js');
    writeFileSync(file, script(2000));
    expect((await precompressFile(file, { cacheDir: undefined })).map((w) => w.split(' ')[0])).toEqual(['.br', '.gz']);
    expect(existsSync(`${file}.br`)).toBe(true);
  });

  test('pruning forgets the least recently used copies beyond the limit', () => {
    const cacheDir = mkdtempSync(join(root, 'prune-'));
    for (const [name, age] of [['old', 300], ['used', 100], ['new', 0]] as const) {
      writeFileSync(join(cacheDir, name), Buffer.alloc(1000));
      const t = new Date(Date.now() - age * 1000);
      utimesSync(join(cacheDir, name), t, t);
    }
    pruneCompressionCache(cacheDir, 2500);
    expect(readdirSync(cacheDir).sort()).toEqual(['new', 'used']);
  });
});
