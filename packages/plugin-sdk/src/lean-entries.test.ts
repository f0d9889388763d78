import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimePackages } from '../../../scripts/runtime-imports.mjs';

// A plugin's declaration (the main entry) is read by the CLI and the model: it must load neither
// React/antd/Refine (those are for ./ui and ./testing) nor the DOCX library of @fazhi/report.
const source = (entry: string) => fileURLToPath(new URL(`./${entry}`, import.meta.url));

describe('@fazhi/plugin-sdk entries', () => {
  it('the main entry loads no UI package and no DOCX library', async () => {
    const loaded = await runtimePackages(source('index.ts'));
    expect(loaded.filter((p) => /^(docx|jszip|react|react-dom|antd|@ant-design\/.*|@refinedev\/.*)$/.test(p))).toEqual([]);
  });

  it('./ui is where React and antd are loaded', async () => {
    expect(await runtimePackages(source('ui/index.ts'))).toEqual(expect.arrayContaining(['antd', 'react']));
  });
});
