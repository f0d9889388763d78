import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { DatabaseError } from './database-error.js';
import { writeBackupFile } from './backup-file.js';
import { openDatabase, parseDatabaseUrl, redactUrl } from './open-database.js';
import { openPglite } from './pglite-database.js';
import { testDatabases } from './testing/test-databases.js';

describe('parseDatabaseUrl', () => {
  it('tells postgres, persisted PGlite and in-memory PGlite apart', () => {
    expect(parseDatabaseUrl('postgres://u:p@h:5432/db')).toEqual({ kind: 'postgres', url: 'postgres://u:p@h:5432/db' });
    expect(parseDatabaseUrl('postgresql://h/db').kind).toBe('postgres');
    expect(parseDatabaseUrl('pglite:memory')).toEqual({ kind: 'pglite-memory' });
    expect(parseDatabaseUrl('pglite:/tmp/x')).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
    expect(parseDatabaseUrl('pglite://data/db')).toMatchObject({ kind: 'pglite', dataDir: expect.stringMatching(/\/data\/db$/) });
    expect(parseDatabaseUrl('pglite:/tmp/fazhi-南沙街道-2026-12-05.fazhi-backup')).toEqual({ kind: 'pglite-backup', file: '/tmp/fazhi-南沙街道-2026-12-05.fazhi-backup' });
  });

  it('rejects anything else in Chinese, without the password', () => {
    expect(() => parseDatabaseUrl('mysql://root:secret@h/db')).toThrow(/无法识别的数据库地址“mysql:\/\/root:secret@h\/db”/);
    expect(() => parseDatabaseUrl('pglite:')).toThrow(/pglite:目录/);
    expect(redactUrl('postgres://fazhi:secret@db:5432/x')).toBe('postgres://fazhi:***@db:5432/x');
  });
});

describe('openDatabase pglite:FILE.fazhi-backup (the console backup)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-open-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const about = { schemaVersion: '20261128000000', unit: { id: 'x', name: '南沙街道' }, createdAt: '2026-12-05T09:00:00Z', createdBy: 'admin@demo.fazhi.example' };

  it('opens the backed-up data as an in-memory copy: what is written to it is not saved', async () => {
    const source = await openPglite();
    await source.exec('create table t (x int); insert into t values (42); checkpoint;');
    const file = join(dir, 'street.fazhi-backup');
    writeFileSync(file, new Uint8Array(await (await writeBackupFile(await source.dumpDataDir(), about)).arrayBuffer()));
    await source.close();
    const copy = await openDatabase(`pglite:${file}`);
    expect((await copy.query('select x from t')).rows).toEqual([{ x: 42 }]);
    await copy.exec('insert into t values (43)');
    await copy.close();
    const again = await openDatabase(`pglite:${file}`);
    expect((await again.query('select x from t')).rows).toEqual([{ x: 42 }]);
    await again.close();
  }, 120_000);

  it('refuses a damaged or missing file in Chinese, naming it', async () => {
    const bad = join(dir, 'bad.fazhi-backup');
    writeFileSync(bad, 'FAZHI-BACKUP 1\n{not json}\n');
    await expect(openDatabase(`pglite:${bad}`)).rejects.toThrow(`备份文件“${bad}”：备份文件已损坏：备份说明无法读取`);
    await expect(openDatabase(`pglite:${join(dir, 'none.fazhi-backup')}`)).rejects.toThrow(/^无法读取备份文件“.*none\.fazhi-backup”/);
  });
});

describe('openDatabase pglite:DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder and keeps data across reopening', async () => {
    const url = `pglite:${join(dir, 'nested', 'db')}`;
    const a = await openDatabase(url);
    expect(a.dialect).toBe('pglite');
    await a.exec('create table t (x int); insert into t values (42);');
    await a.close();
    const b = await openDatabase(url);
    expect((await b.query('select x from t')).rows).toEqual([{ x: 42 }]);
    await b.close();
  });

  it('opens PGlite with a 32MB buffer pool, not its default 128MB (all of it resident from the start)', async () => {
    for (const url of [`pglite:${join(dir, 'buffers')}`, 'pglite:memory']) {
      const db = await openDatabase(url);
      expect((await db.query<{ shared_buffers: string }>('show shared_buffers')).rows).toEqual([{ shared_buffers: '32MB' }]);
      await db.close();
    }
    const plain = await openPglite();
    expect((await plain.query<{ shared_buffers: string }>('show shared_buffers')).rows).toEqual([{ shared_buffers: '128MB' }]);
    await plain.close();
  });
});

describe('openDatabase postgres://', () => {
  it('names the server it cannot reach, without the password', async () => {
    await expect(openDatabase('postgres://fazhi:secret@127.0.0.1:1/none')).rejects.toThrow(/无法连接数据库“postgres:\/\/fazhi:\*\*\*@127\.0\.0\.1:1\/none”/);
  });
});

describe.each(testDatabases())('Database on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.createEmpty();
    await db.exec(`
      create table items (id int primary key, name text not null, amount bigint, ratio numeric(14, 2), on_day date, at timestamptz, tags text[]);
      insert into items values (1, '一', 1234567890123, 1.50, '2024-03-05', '2024-03-05 01:30:00+00', '{a,b}');
    `);
  });
  afterAll(() => db.close());

  it('reads values in one shape on every backend', async () => {
    const r = await db.query(`select id, name, amount, ratio, on_day, at, tags, count(*) over () as n, array[at] as ats, array[on_day] as days from items`);
    expect(r.rows).toEqual([
      {
        id: 1,
        name: '一',
        amount: 1234567890123,
        ratio: '1.50',
        on_day: '2024-03-05',
        at: '2024-03-05T09:30:00+08:00',
        tags: ['a', 'b'],
        n: 1,
        ats: ['2024-03-05T09:30:00+08:00'],
        days: ['2024-03-05'],
      },
    ]);
  });

  it('passes parameters, arrays included, and counts affected rows', async () => {
    const ins = await db.query('insert into items (id, name, tags, on_day) values ($1, $2, $3, $4)', [2, '二', ['x', 'y'], '2024-12-31']);
    expect(ins.affectedRows).toBe(1);
    expect((await db.query('select tags, on_day from items where id = $1', [2])).rows).toEqual([{ tags: ['x', 'y'], on_day: '2024-12-31' }]);
    expect((await db.query('update items set name = name where id > $1', [0])).affectedRows).toBe(2);
    expect((await db.query('delete from items where id = 2')).affectedRows).toBe(1);
  });

  it('maps server errors to DatabaseError with SQLSTATE and details', async () => {
    const dup = await db.query('insert into items (id, name) values (1, $1)', ['x']).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(DatabaseError);
    expect(dup).toMatchObject({ code: '23505', constraint: 'items_pkey', table: 'items', detail: expect.stringContaining('(id)=(1)') });
    const notNull = await db.query('insert into items (id) values (9)').catch((e: unknown) => e);
    expect(notNull).toMatchObject({ code: '23502', column: 'name' });
    const syntax = await db.exec('select 1;\nselect nope from nowhere;').catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: '42P01', position: 28 });
  });

  it('commits a transaction, and rolls it back whole when the callback throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query(`insert into items (id, name) values (10, '十')`);
    });
    const err = await db
      .transaction(async (tx) => {
        await tx.query(`insert into items (id, name) values (11, '十一')`);
        throw new Error('停');
      })
      .catch((e: Error) => e.message);
    expect(err).toBe('停');
    const failed = await db
      .transaction(async (tx) => {
        await tx.query(`insert into items (id, name) values (12, '十二')`);
        await tx.query(`insert into items (id, name) values (10, '重复')`);
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: '23505' });
    expect((await db.query('select id from items where id >= 10 order by id')).rows).toEqual([{ id: 10 }]);
  });

  it('holds one session per transaction and never interleaves two of them', async () => {
    const log: string[] = [];
    const work = (name: string) =>
      db.transaction(async (tx) => {
        await tx.query(`select set_config('fazhi.who', $1, true)`, [name]);
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, 5));
          const r = await tx.query<{ who: string }>(`select current_setting('fazhi.who') as who`);
          log.push(`${name}:${r.rows[0]!.who}`);
        }
        return (await tx.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      });
    await Promise.all([work('a'), work('b'), work('c')]);
    for (const entry of log) expect(entry.split(':')[0]).toBe(entry.split(':')[1]);
    // After the transactions, nothing of theirs is left in the session.
    expect((await db.query<{ who: string | null }>(`select current_setting('fazhi.who', true) as who`)).rows[0]!.who ?? '').toBe('');
  });
});
