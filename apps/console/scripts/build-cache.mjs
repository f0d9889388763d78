// The console build's cache, shared by every checkout of the user on this machine: compressed
// copies of built files by content (scripts/precompress.mjs) and demo snapshots by their key
// (scripts/build-demo-db.ts). What it holds is always recomputable; deleting it only costs time.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `FAZHI_BUILD_CACHE` when set (`off` turns the cache off: undefined), else
 * `$XDG_CACHE_HOME/fazhi/console-build` or `~/.cache/fazhi/console-build`: outside the checkout,
 * so a fresh clone or another worktree of the same machine finds what an earlier build made.
 */
export function buildCacheDir(env = process.env) {
  const set = env.FAZHI_BUILD_CACHE?.trim();
  if (set === 'off') return undefined;
  if (set) return resolve(set);
  return join(env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache'), 'fazhi', 'console-build');
}
