import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

/** Raw and gzip size of every JavaScript file under dist/assets, largest first. */
export function chunkSizes(distDir: string): ChunkSize[] {
  const dir = join(distDir, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const data = readFileSync(join(dir, f));
      return { file: `assets/${f}`, bytes: statSync(join(dir, f)).size, gzip: gzipSync(data, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

export const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The JavaScript a first page load needs before anything lazy: the entry chunk and, transitively,
 * its static imports (Vite's manifest; dynamic imports are left out, they load on demand).
 */
export function initialChunks(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) walk(i);
  };
  Object.entries(manifest).filter(([, c]) => c.isEntry).forEach(([k]) => walk(k));
  return [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
}
