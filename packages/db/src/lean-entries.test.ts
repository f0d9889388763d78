import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimePackages } from '../../../scripts/runtime-imports.mjs';

// Installing @fazhi/cli must not bring UI packages: the core entries of @fazhi/db may not load
// Refine or React, and Refine is only an (optional) peer of the ./refine entry.
const source = (entry: string) => fileURLToPath(new URL(`./${entry}`, import.meta.url));
const uiPackage = /^(react|react-dom|antd|@ant-design\/.*|@refinedev\/.*|@tanstack\/react-query)$/;

describe('@fazhi/db entries', () => {
  it.each(['index.ts', 'browser.ts', 'demo-accounts.ts'])('%s loads neither Refine nor React', async (entry) => {
    const loaded = await runtimePackages(source(entry));
    expect(loaded.filter((p) => uiPackage.test(p))).toEqual([]);
  });

  it('the Refine data providers are in ./refine, which loads @refinedev/supabase', async () => {
    expect(await runtimePackages(source('refine.ts'))).toContain('@refinedev/supabase');
  });

  it('declares Refine as optional peer dependencies only', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
    const refine = (deps: Record<string, unknown> = {}) => Object.keys(deps).filter((name) => uiPackage.test(name));
    expect(refine(pkg.dependencies)).toEqual([]);
    expect(refine(pkg.peerDependencies)).toEqual(['@refinedev/core', '@refinedev/supabase']);
    expect(pkg.peerDependenciesMeta).toMatchObject({ '@refinedev/core': { optional: true }, '@refinedev/supabase': { optional: true } });
  });
});
