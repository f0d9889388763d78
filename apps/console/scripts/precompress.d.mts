export interface PrecompressOptions {
  /** Where compressed copies are cached by content; undefined: no cache. Default: `compressionCacheDir()`. */
  cacheDir?: string | undefined;
}
/** Where the build caches compressed copies (under the build cache: FAZHI_BUILD_CACHE); undefined when turned off. */
export function compressionCacheDir(env?: Record<string, string | undefined>): string | undefined;
/** Writes `<file>.br` and `<file>.gz` where missing and worth it, from the cache when it holds them; returns what was written. */
export function precompressFile(file: string, options?: PrecompressOptions): Promise<string[]>;
/** Forgets the least recently used cached copies beyond `limit` bytes. */
export function pruneCompressionCache(cacheDir: string, limit?: number): void;
export function precompressDir(root: string, options?: PrecompressOptions): Promise<{ files: number; before: number; after: number; fromCache: number }>;
