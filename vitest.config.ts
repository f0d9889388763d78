import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * One vitest run covers every workspace package: each package is a project, and workspace
 * imports resolve to TypeScript sources through the `fazhi-source` export condition, so tests
 * never need a prior build.
 */
const sourceConditions = ['fazhi-source', 'module', 'node', 'import', 'default'];
const packageDirs = ['packages', 'packages/plugins', 'apps', 'examples']
  .flatMap((base) => (existsSync(base) ? readdirSync(base).map((d) => `${base}/${d}`) : []))
  .concat('seeds')
  .filter((dir) => existsSync(`${dir}/package.json`));

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['fazhi-source'] } },
  test: {
    // expect.poll's own default (1 s) is a timing assertion in disguise: on a loaded 2-core CI
    // runner a page title or a list can take longer than that to settle, and the test failed
    // although nothing was wrong. A poll still ends the moment its condition holds.
    expect: { poll: { timeout: 20_000 } },
    projects: [
      // The repository's own scripts (package metadata and README examples, install footprint helpers).
      { extends: true, test: { name: 'scripts', root: 'scripts', include: ['**/*.test.ts'], testTimeout: 60_000 } },
      ...packageDirs.map((dir) => ({
      extends: true,
      test: {
        name: JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).name as string,
        root: dir,
        include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        // A package's own run-wide fixtures (e.g. @fazhi/db's PostgreSQL cluster).
        ...(existsSync(`${dir}/vitest.setup.ts`) ? { globalSetup: [resolve(dir, 'vitest.setup.ts')] } : {}),
      },
    })),
    ],
  },
});
