/**
 * The one tsup configuration shared by every library package (packages/*): ESM + .d.ts from
 * src/index.ts into dist/, matching the exports map ("types" → dist/index.d.ts, "default" →
 * dist/index.js).
 *
 * A package that has no src/index.ts yet (or an empty one) still builds: the entry is replaced by
 * an empty module written under node_modules/.cache, so `pnpm check` (build → publint) keeps
 * working while the package is being written. A warning is printed so this is never silent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const ENTRY = 'src/index.ts';

function entryFor(packageDir: string): Record<string, string> {
  const source = join(packageDir, ENTRY);
  if (existsSync(source) && readFileSync(source, 'utf8').trim() !== '') return { index: ENTRY };

  const placeholderDir = join(packageDir, 'node_modules', '.cache', 'fazhi-tsup');
  const placeholder = join(placeholderDir, 'index.ts');
  mkdirSync(placeholderDir, { recursive: true });
  writeFileSync(placeholder, '// Placeholder: this package has no src/index.ts yet.\nexport {};\n');
  console.warn(`[fazhi] ${ENTRY} is missing or empty in ${packageDir}: building an empty module.`);
  return { index: placeholder };
}

export function packageConfig(overrides: Options = {}) {
  return defineConfig({
    entry: entryFor(process.cwd()),
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    ...overrides,
  });
}
