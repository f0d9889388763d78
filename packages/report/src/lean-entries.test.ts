import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimePackages } from '../../../scripts/runtime-imports.mjs';

// @fazhi/model and @fazhi/plugin-sdk import this package's main entry, so it must not load the
// DOCX library; the Word renderer lives behind @fazhi/report/docx.
const source = (entry: string) => fileURLToPath(new URL(`./${entry}`, import.meta.url));

describe('@fazhi/report entries', () => {
  it('the main entry loads neither docx nor jszip', async () => {
    const loaded = await runtimePackages(source('index.ts'));
    expect(loaded.filter((p) => p === 'docx' || p === 'jszip')).toEqual([]);
  });

  it('./docx loads docx and jszip', async () => {
    expect(await runtimePackages(source('docx.ts'))).toEqual(['docx', 'jszip']);
  });

  it('docx and jszip are optional peers, so installing @fazhi/model or a plugin does not bring them', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(pkg.dependencies ?? {}).filter((p) => p === 'docx' || p === 'jszip')).toEqual([]);
    expect(pkg.peerDependenciesMeta).toEqual({ docx: { optional: true }, jszip: { optional: true } });
  });
});
