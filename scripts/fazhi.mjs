#!/usr/bin/env node
/**
 * `pnpm fazhi …` in this repository: the CLI run from one compiled bundle of the workspace's
 * sources, the root `fazhi.config.ts` and the plugins it names, so no TypeScript is compiled at
 * run time. The bundle lives in node_modules/.cache/fazhi-cli and is rebuilt by esbuild (about a
 * second) whenever a file it was built from, or the installed packages, changed: straight after
 * `pnpm install`, or after an edit, the next run builds it; every other run only checks dates.
 *
 * Packages from the registry stay outside the bundle (imported from node_modules by path) and the
 * CLI imports each command's code when it runs, so a report never loads Excel, DOCX or database code.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// FAZHI_CLI_CACHE: another folder for the bundle (tests build into a folder of their own).
const cacheDir = process.env.FAZHI_CLI_CACHE ? resolve(process.env.FAZHI_CLI_CACHE) : join(root, 'node_modules', '.cache', 'fazhi-cli');
const stampFile = join(cacheDir, 'current.json');
const configFile = join(root, 'fazhi.config.ts');
/** Rewritten by every `pnpm install`: a new install means new packages to build against. */
const installStamp = join(root, 'node_modules', '.modules.yaml');
/** The generated entry's name in the build (it exists nowhere on disk). */
const entrySource = 'fazhi-cli-entry.js';

/** The bundle in force, or null when missing or older than any file it was built from. */
function currentBundle() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
  const entry = join(cacheDir, stamp.dir, 'cli.js');
  if (!existsSync(entry) || stamp.configExists !== existsSync(configFile)) return null;
  for (const input of stamp.inputs) {
    let info;
    try {
      info = statSync(join(root, input));
    } catch {
      return null;
    }
    if (info.mtimeMs > stamp.builtAt) return null;
  }
  return entry;
}

/** The plugin specifiers the config names (it is bundled alone and run once to read them). */
async function configuredPlugins(esbuild, dir) {
  if (!existsSync(configFile)) return [];
  const out = join(dir, 'config-probe.mjs');
  await esbuild.build({ entryPoints: [configFile], bundle: true, packages: 'external', platform: 'node', format: 'esm', outfile: out, logLevel: 'silent' });
  const config = (await import(pathToFileURL(out).href)).default;
  rmSync(out);
  return Array.isArray(config?.plugins) ? config.plugins.filter((p) => typeof p === 'string') : [];
}

/**
 * Registry packages are imported by absolute path from where the importing workspace package
 * finds them (pnpm gives each package its own node_modules): the bundle cannot resolve them from
 * its cache folder.
 */
const registryPackagesByPath = {
  name: 'registry-packages-by-path',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'by-path' || args.path.startsWith('@fazhi/') || args.path.startsWith('node:')) return undefined;
      const found = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'by-path' });
      if (found.errors.length) return { errors: found.errors };
      return { path: found.path, external: true };
    });
  },
};

/**
 * A workspace module that finds files from its own location (`import.meta.url`: @fazhi/db's
 * migrations, the `pg` driver it loads with createRequire) keeps that location: in the bundle it
 * would otherwise be the cache folder, where neither is found.
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`) || !args.path.startsWith(root)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const loader = args.path.endsWith('x') ? (args.path.endsWith('tsx') ? 'tsx' : 'jsx') : /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
    });
  },
};

async function buildBundle() {
  const builtAt = Date.now();
  const esbuild = await import('esbuild');
  const dirName = `build-${builtAt}-${process.pid}`;
  const dir = join(cacheDir, dirName);
  mkdirSync(dir, { recursive: true });
  const plugins = await configuredPlugins(esbuild, dir);
  const hasConfig = existsSync(configFile);
  // The entry: the CLI with the config and its plugins compiled in (see loadConfig's `bundled`).
  const entry = [
    `import { main } from ${JSON.stringify(join(root, 'apps/cli/src/main.ts'))};`,
    hasConfig ? `import config from ${JSON.stringify(configFile)};` : 'const config = undefined;',
    ...plugins.map((p, i) => `import * as plugin${i} from ${JSON.stringify(p)};`),
    `const plugins = { ${plugins.map((p, i) => `${JSON.stringify(p)}: plugin${i}`).join(', ')} };`,
    `const bundledConfig = config === undefined ? undefined : { file: ${JSON.stringify(configFile)}, config, plugins };`,
    'process.exitCode = await main(process.argv.slice(2), undefined, { bundledConfig });',
  ].join('\n');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, sourcefile: entrySource, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['fazhi-source'],
    outdir: dir,
    entryNames: 'cli',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.js' },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
    plugins: [registryPackagesByPath, sourceLocations],
  });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => p !== entrySource)
    .map((p) => relative(root, resolve(root, p)));
  if (existsSync(installStamp)) inputs.push(relative(root, installStamp));
  // Published by renaming a complete file, so a run beside this build sees the old bundle or the new one.
  const tmp = `${stampFile}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ dir: dirName, builtAt, configExists: hasConfig, inputs }));
  renameSync(tmp, stampFile);
  for (const old of readdirSync(cacheDir)) {
    if (old.startsWith('build-') && old !== dirName) rmSync(join(cacheDir, old), { recursive: true, force: true });
  }
  return join(dir, 'cli.js');
}

const bundle = currentBundle() ?? (await buildBundle());
await import(pathToFileURL(bundle).href);
