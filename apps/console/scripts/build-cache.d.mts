/** The console build's cache folder (FAZHI_BUILD_CACHE, else the user's cache folder); undefined when turned off (`off`). */
export function buildCacheDir(env?: Record<string, string | undefined>): string | undefined;
