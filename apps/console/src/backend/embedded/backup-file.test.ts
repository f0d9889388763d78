import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, readBackupFile, writeBackupFile } from './backup-file.js';

const about = { schemaVersion: '20261204000400', unit: { id: 'u1', name: '南沙街道' }, createdAt: '2026-12-04T20:00:00.000Z', createdBy: 'admin@demo.fazhi.example' };
const data = new Blob([new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256))]);
const newest = '20261204000400';

async function refusal(file: Blob, schema = newest): Promise<string> {
  try {
    await readBackupFile(file, schema);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('backup file', () => {
  it('reads back what it wrote: manifest and data', async () => {
    const file = await writeBackupFile(data, about);
    const read = await readBackupFile(file, newest);
    expect(read.manifest).toMatchObject({ app: 'fazhi', format: 1, ...about, bytes: 3000 });
    expect(new Uint8Array(await read.data.arrayBuffer())).toEqual(new Uint8Array(await data.arrayBuffer()));
    expect(backupFileName(read.manifest)).toBe('fazhi-南沙街道-2026-12-04.fazhi-backup');
  });

  it('refuses other files, truncated ones, newer schemas, in Chinese', async () => {
    const file = await writeBackupFile(data, about);
    expect(await refusal(new Blob(['PGDMP…']))).toMatch(/^不是工作台的备份文件/);
    expect(await refusal(file.slice(0, file.size - 1))).toMatch(/^备份文件不完整：应有 3000 字节数据，实有 2999 字节$/);
    expect(await refusal(file, '20261128000500')).toMatch(/^备份来自较新版本的工作台/);
    expect(await refusal(new Blob(['FAZHI-BACKUP 1\n{not json}\n']))).toBe('备份文件已损坏：备份说明无法读取');
  });

  it('detects any single changed byte of the data (10,000 cases)', async () => {
    const file = new Uint8Array(await (await writeBackupFile(data, about)).arrayBuffer());
    const dataStart = file.length - 3000;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2999 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const bad = file.slice();
        bad[dataStart + at] = (bad[dataStart + at]! + delta) % 256;
        expect(await refusal(new Blob([bad]))).toBe('备份文件已损坏：校验和不符');
      }),
      { numRuns: 10_000 },
    );
  });
});
