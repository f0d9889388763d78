/**
 * Which npm packages an entry of a workspace package loads when it runs: the entry is bundled the
 * way tsup builds it (esbuild, ESM, TypeScript with the repository's tsconfig, so type-only
 * imports vanish exactly as they do in dist/), following `@fazhi/*` imports into their sources
 * (the `fazhi-source` condition) and stopping at every other bare import, which is recorded.
 * Static and dynamic imports both count: a dynamic import() still loads the package when reached.
 *
 * Used by the lean-entry tests (e.g. @fazhi/db's core must not load Refine) and by
 * scripts/install-footprint.mjs.
 */
import { build } from 'esbuild';
import { builtinModules } from 'node:module';

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** The package name of a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * @param {string} entryFile absolute path of the entry's source (e.g. packages/db/src/index.ts)
 * @returns {Promise<string[]>} the npm packages it loads, sorted, without Node built-ins and
 *   without `@fazhi/*` (those are followed, not listed)
 */
export async function runtimePackages(entryFile) {
  const loaded = new Set();
  await build({
    entryPoints: [entryFile],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    logLevel: 'silent',
    conditions: ['fazhi-source'],
    plugins: [
      {
        name: 'record-external-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (builtins.has(args.path) || args.path.startsWith('node:')) return { path: args.path, external: true };
            if (args.path.startsWith('@fazhi/')) return undefined;
            loaded.add(packageOf(args.path));
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return [...loaded].sort();
}
