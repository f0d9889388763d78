// Writes seeds/nansha-2024 from the deterministic generator: `pnpm seed:generate`.
// An optional argument names another output folder.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDataset } from '@fazhi/dataset';
import { buildNansha } from './build-nansha.js';

export const nanshaDir = resolve(dirname(fileURLToPath(import.meta.url)), '../nansha-2024');

async function main() {
  const out = resolve(process.argv[2] ?? nanshaDir);
  const started = performance.now();
  const input = buildNansha();
  const built = performance.now();
  await writeDataset(out, input);
  const written = performance.now();
  let bytes = 0;
  const rows: string[] = [];
  for (const f of (await readdir(out)).sort()) {
    bytes += (await stat(join(out, f))).size;
  }
  for (const [kind, records] of input.records instanceof Map ? input.records : []) rows.push(`${kind} ${records.length}`);
  console.log(`已生成 ${out}`);
  console.log(`记录：${rows.join('，')}`);
  console.log(`大小 ${(bytes / 1_048_576).toFixed(1)} MB；生成 ${Math.round(built - started)} ms，校验并写入 ${Math.round(written - built)} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
