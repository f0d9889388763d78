import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runtimePackages } from '../../../scripts/runtime-imports.mjs';

it('@fazhi/model loads neither the DOCX library nor any UI package', async () => {
  const loaded = await runtimePackages(fileURLToPath(new URL('./index.ts', import.meta.url)));
  expect(loaded.filter((p) => /^(docx|jszip|react|antd|@refinedev\/.*)$/.test(p))).toEqual([]);
});
