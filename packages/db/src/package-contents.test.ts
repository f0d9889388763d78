import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { packageRoot } from './package-paths.js';

const run = promisify(execFile);

// A published @fazhi/db applies the migrations it ships (defaultMigrationsDir): the tarball must
// carry every one of supabase/migrations, and packing must not leave a copy in the repository,
// where it would shadow the root folder.
it('the packed package ships every migration and the shim, and packing leaves no copy behind', async () => {
  const out = mkdtempSync(join(tmpdir(), 'fazhi-db-pack-'));
  try {
    await run('pnpm', ['pack', '--pack-destination', out], { cwd: packageRoot, timeout: 50_000 });
    const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'))!;
    const { stdout } = await run('tar', ['tzf', join(out, tarball)]);
    const files = stdout.split('\n').filter(Boolean);
    const migrations = readdirSync(join(packageRoot, '../../supabase/migrations')).filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(5);
    expect(files.filter((f) => f.startsWith('package/supabase/migrations/')).sort()).toEqual(migrations.map((f) => `package/supabase/migrations/${f}`).sort());
    expect(files).toContain('package/sql/supabase-shim.sql');
    expect(existsSync(join(packageRoot, 'supabase'))).toBe(false);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
