#!/usr/bin/env node
/**
 * What installing each published package costs a user: every non-private workspace package is
 * packed (`pnpm pack`, which turns `workspace:^` into real versions), then installed on its own
 * from its tarball into an empty directory with `npm install --omit=dev` (the other @fazhi
 * packages come from their tarballs too, through `overrides`; everything else from the npm
 * registry, so this needs the network). Reports, per package, how many packages land in
 * node_modules, how many MB they take, and whether any UI package (React, antd, Refine) came along.
 *
 *   node scripts/install-footprint.mjs [--root DIR] [--out FILE] [--only @fazhi/cli,...]
 *
 * --root: the repository to measure (default: this one; e.g. an exported older commit, to compare).
 * --out:  JSON written there (default: <this repository>/test-artifacts/install-footprint.json).
 * Packages are packed as they are: build first (`pnpm build`) for the real tarballs; without
 * dist/ the sizes lack the compiled files but count the same dependencies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { root: { type: 'string', default: here }, out: { type: 'string' }, only: { type: 'string' } },
});
const root = resolve(values.root);
const out = resolve(values.out ?? join(here, 'test-artifacts', 'install-footprint.json'));
const uiPackage = /^(react|react-dom|antd|@ant-design\/.*|@refinedev\/.*|@tanstack\/react-query)$/;

function publishedPackages() {
  const found = [];
  for (const base of ['packages', 'packages/plugins', 'apps']) {
    const baseDir = join(root, base);
    if (!existsSync(baseDir)) continue;
    for (const name of readdirSync(baseDir)) {
      const manifestFile = join(baseDir, name, 'package.json');
      if (!existsSync(manifestFile)) continue;
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
      if (!manifest.private) found.push({ name: manifest.name, dir: join(baseDir, name) });
    }
  }
  return found;
}

/** Every package directory under node_modules (scoped and nested ones included). */
function installedPackages(nodeModules) {
  const names = [];
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(path)) visitPackage(`${entry}/${scoped}`, join(path, scoped));
      } else visitPackage(entry, path);
    }
  };
  const visitPackage = (name, path) => {
    if (!existsSync(join(path, 'package.json'))) return;
    names.push(name);
    visit(join(path, 'node_modules'));
  };
  visit(nodeModules);
  return names;
}

function bytesOf(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + bytesOf(join(path, entry)), 0);
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null; // e.g. an exported tree (git archive) measured with --root
  }
}

const work = mkdtempSync(join(tmpdir(), 'fazhi-footprint-'));
try {
  const packages = publishedPackages();
  const tarballDir = join(work, 'tarballs');
  mkdirSync(tarballDir);
  const tarballs = {};
  for (const { name, dir } of packages) {
    const before = new Set(readdirSync(tarballDir));
    execFileSync('pnpm', ['pack', '--pack-destination', tarballDir], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const file = readdirSync(tarballDir).find((f) => !before.has(f));
    tarballs[name] = join(tarballDir, file);
  }

  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const results = [];
  for (const { name } of packages) {
    if (only && !only.has(name)) continue;
    const project = join(work, 'install', name.replace('/', '+'));
    mkdirSync(project, { recursive: true });
    const overrides = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'footprint', private: true, dependencies: { [name]: `file:${tarballs[name]}` }, overrides }, null, 2));
    const started = Date.now();
    execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'inherit' });
    const installed = installedPackages(join(project, 'node_modules'));
    const result = {
      package: name,
      packages: installed.length,
      megabytes: Math.round((bytesOf(join(project, 'node_modules')) / 1e6) * 10) / 10,
      uiPackages: [...new Set(installed.filter((p) => uiPackage.test(p)))].sort(),
      installSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    results.push(result);
    console.log(`${name}: ${result.packages} packages, ${result.megabytes} MB${result.uiPackages.length ? `, UI: ${result.uiPackages.join(' ')}` : ''}`);
  }

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ root, commit: gitCommit(), measuredAt: new Date().toISOString(), npm: execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim(), results }, null, 2)}\n`);
  console.log(`written to ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
