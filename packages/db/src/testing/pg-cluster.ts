import { execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isDatabaseError } from '../database-error.js';
import { openPostgres } from '../postgres-database.js';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster for tests. */
export interface PgCluster {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** URL of database `name` on this cluster (whether or not it exists). */
  urlOf(name: string): string;
  /** Creates database `name` (optionally a copy of `template`) and returns its URL. */
  createDatabase(name: string, opts?: { template?: string }): Promise<string>;
  /** Stops the server at once and deletes its folder; safe to call twice. */
  stop(): Promise<void>;
}

export interface PgClusterOptions {
  /** Folder holding initdb, pg_ctl and postgres; found automatically when absent. */
  binDir?: string;
  /** More server settings (`name=value`), after the defaults, so they win (benchmarks size memory). */
  settings?: readonly string[];
  /**
   * A folder to keep the cluster in instead of a new temp folder (a benchmark reusing what it
   * built): initdb runs only when it holds no cluster yet, and stop() stops the server but leaves
   * the folder. When run as root the server runs as `postgres`, which must be able to reach it
   * (every folder above it searchable by others, as /tmp is).
   */
  keepIn?: string;
}

/** Where the server binaries may be: $PG_BIN_DIR, Debian's PostgreSQL 15, `pg_config --bindir`. */
function binDirCandidates(): string[] {
  const out = [process.env.PG_BIN_DIR ?? '', '/usr/lib/postgresql/15/bin'];
  try {
    out.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config on PATH
  }
  return out.filter(Boolean);
}

/** The first candidate folder holding initdb and pg_ctl; a clear error (never a skip) when none. */
export function findPgBinDir(candidates: readonly string[] = binDirCandidates()): string {
  const dir = candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!dir) {
    throw new Error(
      '找不到 PostgreSQL 15 服务器程序（initdb、pg_ctl）：请安装 postgresql-15（Debian：apt-get install postgresql-15），' +
        '或用环境变量 PG_BIN_DIR 指明其目录。数据库测试需要它们，不会跳过。',
    );
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

// PostgreSQL refuses to run as root; sessions and CI are root, so the server runs as `postgres`.
const asRoot = process.getuid?.() === 0;

function command(binDir: string, bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args]] : [join(binDir, bin), args];
}

function ownDirForPostgres(dir: string): void {
  if (!asRoot) return;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  let uid: number;
  try {
    uid = id('-u');
  } catch {
    throw new Error('以 root 运行测试时需要系统用户 postgres（安装 postgresql-15 软件包会创建它）');
  }
  chownSync(dir, uid, id('-g'));
}

/**
 * A detached shell that stops the server and deletes its folder once this process is gone, even
 * when it is killed (SIGKILL, a crashed worker) and no exit handler runs.
 */
function startWatchdog(binDir: string, data: string, dir: string | null): number | undefined {
  const [cmd, argv] = command(binDir, 'pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  const stop = [cmd, ...argv].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${stop} >/dev/null 2>&1${dir === null ? '' : `; rm -rf '${dir}'`}`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Starts a PostgreSQL server in a new temp folder: initdb (trust auth, UTF8, C locale, no fsync),
 * listening on 127.0.0.1 at a free port and on a unix socket in that folder only. Tuned for
 * tests, never for data that matters: fsync, full-page writes and synchronous commit are off.
 */
export async function startPgCluster(opts: PgClusterOptions = {}): Promise<PgCluster> {
  const binDir = opts.binDir ?? findPgBinDir();
  const keep = opts.keepIn !== undefined;
  const dir = opts.keepIn ?? mkdtempSync(join(tmpdir(), 'fazhi-pg-'));
  if (keep) mkdirSync(dir, { recursive: true });
  ownDirForPostgres(dir);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const pg = async (bin: string, args: string[]) => {
    const [cmd, argv] = command(binDir, bin, args);
    await run(cmd, argv, { encoding: 'utf8' });
  };

  let stopped = false;
  let watchdog: number | undefined;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    if (watchdog) {
      try {
        process.kill(watchdog);
      } catch {
        // already gone
      }
    }
    try {
      // A kept cluster shuts down cleanly: with synchronous_commit off, an immediate stop can drop
      // the last commits (they may not be in the WAL yet), and a restart would replay the WAL.
      const [cmd, argv] = command(binDir, 'pg_ctl', ['-D', data, '-m', keep ? 'fast' : 'immediate', '-w', 'stop']);
      if (existsSync(join(data, 'postmaster.pid'))) execFileSync(cmd, argv, { stdio: 'ignore' });
    } catch {
      // already gone
    }
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  // A run that dies without calling stop() still must not leave a server behind.
  process.once('exit', stopSync);

  try {
    if (!existsSync(join(data, 'PG_VERSION'))) await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const settings = [
        `-p ${port}`,
        `-c listen_addresses=127.0.0.1`,
        `-c unix_socket_directories=${dir}`,
        '-c fsync=off',
        '-c full_page_writes=off',
        '-c synchronous_commit=off',
        '-c max_connections=200',
        '-c shared_buffers=128MB',
        ...(opts.settings ?? []).map((setting) => `-c ${setting}`),
      ].join(' ');
      try {
        // A kept cluster that was not stopped cleanly replays its WAL first: minutes for a big one.
        await pg('pg_ctl', ['-D', data, '-l', log, '-w', '-t', keep ? '900' : '60', '-o', settings, 'start']);
        break;
      } catch (e) {
        // The free port may have been taken in between; try another a few times.
        if (attempt >= 3) throw e;
      }
    }
    watchdog = startWatchdog(binDir, data, keep ? null : dir);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    return {
      url,
      port,
      dir,
      urlOf,
      async createDatabase(name, o = {}) {
        const sql = `create database ${quoteIdent(name)}${o.template ? ` template ${quoteIdent(o.template)}` : ''}`;
        const admin = await openPostgres(url, { max: 1 });
        try {
          // Cloning fails while another session is connected to the template (55006); such a
          // session is always short-lived here (another worker's clone), so wait and retry.
          for (let attempt = 0; ; attempt++) {
            try {
              await admin.exec(sql);
              break;
            } catch (e) {
              if (!isDatabaseError(e, '55006') || attempt >= 50) throw e;
              await new Promise((r) => setTimeout(r, 100));
            }
          }
        } finally {
          await admin.close();
        }
        return urlOf(name);
      },
      async stop() {
        process.removeListener('exit', stopSync);
        stopSync();
      },
    };
  } catch (e) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    stopSync();
    process.removeListener('exit', stopSync);
    const err = e as Error & { stderr?: string };
    throw new Error(`无法启动测试用 PostgreSQL：${err.stderr?.trim() || err.message}${serverLog ? `\n服务器日志：\n${serverLog}` : ''}`, { cause: e });
  }
}
