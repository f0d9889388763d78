import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '@fazhi/dataset';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNansha } from './build-nansha.js';
import { nanshaDir } from './generate-nansha.js';

const tmp = await mkdtemp(join(tmpdir(), 'fazhi-seeds-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The first line where two texts differ, to make a stale committed file easy to diagnose. */
function firstDifference(a: string, b: string): string {
  const [la, lb] = [a.split('\n'), b.split('\n')];
  const i = la.findIndex((line, k) => line !== lb[k]);
  return `第${i + 1}行：已提交“${la[i]?.slice(0, 120)}”，重新生成“${lb[i]?.slice(0, 120)}”`;
}

describe('nansha-2024 generator', () => {
  it('regenerates the committed files byte for byte (run `pnpm seed:generate` after changing it)', async () => {
    const out = join(tmp, 'nansha-2024');
    await writeDataset(out, buildNansha());
    const fresh = (await readdir(out)).sort();
    const committed = (await readdir(nanshaDir)).filter((f) => f !== 'README.md' && f !== 'narrative').sort();
    expect(fresh).toEqual(committed);
    const stale: string[] = [];
    for (const f of fresh) {
      const [a, b] = await Promise.all([readFile(join(nanshaDir, f)), readFile(join(out, f))]);
      if (!a.equals(b)) stale.push(`${f} ${firstDifference(a.toString('utf8'), b.toString('utf8'))}`);
    }
    expect(stale).toEqual([]);
  });
});
