#!/usr/bin/env node
/**
 * `pnpm db:push|db:lint|db:advisors|db:test --db-url URL`: the database chores a street runs
 * against its own PostgreSQL or Supabase database, with the Supabase CLI pinned by @fazhi/db
 * (2.117.0) rather than whatever is installed globally. `supabase start`, `gen types` and
 * `test db` need Docker, so `db:test` runs the pgTAP files with pg_prove instead (the files
 * `supabase test db` would run; the database needs the pgtap extension available).
 *
 *   push       apply supabase/migrations that the database lacks (supabase db push)
 *   lint       plpgsql_check over the schema's functions (supabase db lint)
 *   advisors   Supabase's security and performance advisor, failing on warnings
 *   test       supabase/tests/*.sql with pg_prove
 *
 * The URL may also come from FAZHI_DB_URL. For a local server without TLS add `?sslmode=disable`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const supabaseBin = join(root, 'packages/db/node_modules/.bin/supabase');
const [command, ...rest] = process.argv.slice(2);

function fail(message, code = 2) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const at = rest.indexOf('--db-url');
const url = at >= 0 ? rest[at + 1] : process.env.FAZHI_DB_URL;
const extra = at >= 0 ? [...rest.slice(0, at), ...rest.slice(at + 2)] : rest;
const usage = '用法：pnpm db:push|db:lint|db:advisors|db:test --db-url postgres://用户:密码@主机:端口/库名（或设置 FAZHI_DB_URL）';
if (!['push', 'lint', 'advisors', 'test'].includes(command ?? '')) fail(usage);
if (!url || !/^postgres(ql)?:\/\//.test(url)) fail(`缺少或无效的 --db-url（应以 postgres:// 开头）。\n${usage}`);

function run(bin, args, env = {}) {
  const r = spawnSync(bin, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DO_NOT_TRACK: '1', SUPABASE_TELEMETRY_DISABLED: '1', ...env } });
  if (r.error) fail(`无法运行 ${bin}：${r.error.message}（请先运行 ./scripts/bootstrap.sh）`, 1);
  process.exit(r.status ?? 1);
}

if (command === 'test') {
  const testsDir = join(root, 'supabase/tests');
  const files = readdirSync(testsDir).filter((f) => f.endsWith('.sql')).sort().map((f) => join(testsDir, f));
  const psql = ['/usr/lib/postgresql/15/bin/psql'].find(existsSync);
  // pg_prove hands --dbname to psql in a way that loses a URL's query string (it then falls back
  // to the local socket), so sslmode travels as libpq's environment variable instead.
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get('sslmode');
  parsed.search = '';
  run('pg_prove', [...(psql ? ['--psql-bin', psql] : []), '--dbname', parsed.toString(), ...extra, ...files], sslmode ? { PGSSLMODE: sslmode } : {});
} else {
  if (!existsSync(supabaseBin)) fail('找不到 Supabase CLI（@fazhi/db 的开发依赖）；请先运行 ./scripts/bootstrap.sh', 1);
  const args = {
    push: ['db', 'push', '--db-url', url, '--include-all'],
    lint: ['db', 'lint', '--db-url', url, '--level', 'warning'],
    advisors: ['db', 'advisors', '--db-url', url, '--type', 'all', '--fail-on', 'warn'],
  }[command];
  run(supabaseBin, [...args, ...extra]);
}
