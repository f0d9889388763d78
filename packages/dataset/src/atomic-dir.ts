import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Builds a folder's new content in a sibling temp folder, then swaps it into place, so readers
 * see either the old folder or the complete new one. (Two renames, not one atomic exchange: for
 * an instant between them the folder is absent, never half-written.) Entries of the old folder
 * that `keep` accepts (e.g. a README) are carried over into the new one.
 */
export async function replaceDirAtomically(
  dir: string,
  fill: (tmpDir: string) => Promise<void>,
  keep: (entryName: string) => boolean = () => false,
): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, `.${base}.tmp-`));
  let old: string | null = null;
  try {
    await fill(tmp);
    const existing = await stat(target).then((s) => s, () => null);
    if (existing && !existing.isDirectory()) throw new Error(`“${target}”已存在且不是文件夹`);
    if (existing) {
      for (const entry of await readdir(target)) {
        if (keep(entry)) await cp(join(target, entry), join(tmp, entry), { recursive: true, preserveTimestamps: true });
      }
      old = join(parent, `.${base}.old-${randomUUID().slice(0, 8)}`);
      await rename(target, old);
    }
    try {
      await rename(tmp, target);
    } catch (e) {
      if (old) await rename(old, target);
      old = null;
      throw e;
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  if (old) await rm(old, { recursive: true, force: true });
}
