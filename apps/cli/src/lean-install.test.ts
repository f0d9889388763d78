import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimePackages } from '../../../scripts/runtime-imports.mjs';

// Installing @fazhi/cli must bring no UI packages (React, antd, Refine): neither what it loads
// when it runs nor what a package manager installs for it. The install closure is walked from the
// package manifests as npm would (dependencies plus required peers; optional peers are left out),
// through the workspace packages and the installed copies of everything else.
const uiPackage = /^(react|react-dom|antd|@ant-design\/.*|@refinedev\/.*|@tanstack\/react-query)$/;
const cliDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(cliDir, '..', '..');

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

function workspaceDirs(): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const base of ['packages', 'packages/plugins', 'apps']) {
    for (const name of readdir(join(repoRoot, base))) {
      const dir = join(repoRoot, base, name);
      if (existsSync(join(dir, 'package.json'))) dirs.set(readManifest(dir).name, dir);
    }
  }
  return dirs;
}

const readdir = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/** Where `name` is installed for the package in `fromDir` (node's lookup: up the node_modules chain). */
function installedDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return realpathSync(dirname(candidate));
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every package name installing `start` brings, with the path that brought it. */
function installClosure(start: string): Map<string, string> {
  const workspace = workspaceDirs();
  const seen = new Map<string, string>([[readManifest(start).name, readManifest(start).name]]);
  const queue: Array<{ dir: string; via: string }> = [{ dir: start, via: readManifest(start).name }];
  while (queue.length > 0) {
    const { dir, via } = queue.shift()!;
    const manifest = readManifest(dir);
    const required = Object.keys(manifest.peerDependencies ?? {}).filter((p) => !manifest.peerDependenciesMeta?.[p]?.optional);
    for (const name of [...Object.keys(manifest.dependencies ?? {}), ...required]) {
      if (seen.has(name)) continue;
      const path = `${via} → ${name}`;
      seen.set(name, path);
      const next = workspace.get(name) ?? installedDir(name, dir);
      if (next) queue.push({ dir: next, via: path });
    }
  }
  return seen;
}

describe('installing @fazhi/cli', () => {
  it('brings no UI package (React, antd, Refine)', () => {
    const closure = installClosure(cliDir);
    expect(closure.size).toBeGreaterThan(20);
    expect([...closure].filter(([name]) => uiPackage.test(name)).map(([, path]) => path)).toEqual([]);
  });

  it('the walk does see UI packages where they are installed (the console)', () => {
    const closure = installClosure(join(repoRoot, 'apps', 'console'));
    expect([...closure.keys()]).toEqual(expect.arrayContaining(['react', 'antd', '@refinedev/core']));
  });

  it('loads no UI package when it runs, and every package it loads is installed with it', async () => {
    const loaded = await runtimePackages(join(cliDir, 'src', 'bin.ts'));
    expect(loaded.filter((p) => uiPackage.test(p))).toEqual([]);
    expect(loaded).toContain('docx');
    const closure = installClosure(cliDir);
    expect(loaded.filter((p) => !closure.has(p))).toEqual([]);
  });
});
