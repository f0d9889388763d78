import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from './package-paths.js';

/**
 * A migration that has been released may already be applied on a street's database, and the
 * runner (like `supabase db push`) never runs a recorded version again: editing it would leave
 * that database silently different from a fresh one. `supabase/released-migrations.sha256`
 * (sha256sum format, so `cd supabase/migrations && sha256sum -c ../released-migrations.sha256`
 * checks it too) pins every released file; a change to the schema is a new forward migration,
 * whose line is added to the list when it is released.
 */
const dir = defaultMigrationsDir();
const lockFile = join(dir, '../released-migrations.sha256');
const released = readFileSync(lockFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line);
    if (!m) throw new Error(`released-migrations.sha256 的行格式不对：${line}`);
    return { hash: m[1]!, file: m[2]! };
  });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
const migrationFiles = () => readdirSync(dir).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();

describe('released migrations', () => {
  it('are never edited: each keeps the content it was released with', () => {
    const edited = released.filter((r) => sha256(r.file) !== r.hash).map((r) => r.file);
    expect(edited, '已发布的迁移文件被修改了：请恢复原文件，把改动写成新的迁移').toEqual([]);
  });

  it('are never removed or renamed', () => {
    const files = new Set(migrationFiles());
    expect(released.filter((r) => !files.has(r.file)).map((r) => r.file)).toEqual([]);
  });

  it('come before every unreleased migration, so a new one can only run after them', () => {
    const last = released.map((r) => r.file).sort().at(-1)!;
    const unreleased = migrationFiles().filter((f) => !released.some((r) => r.file === f));
    expect(unreleased.filter((f) => f < last)).toEqual([]);
  });
});
