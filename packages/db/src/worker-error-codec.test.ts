import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseError, toDatabaseError } from './database-error.js';
import { toHttpError } from './providers/error-mapping.js';
import { carryErrorFields, decodeErrorFields } from './worker-error-codec.js';

/**
 * The hook the console's database worker puts on its PGlite, on a real PGlite: what arrives on
 * the page is `new Error(message)` (pglite 0.5's worker posts `{ message }` only), and that must
 * still say which SQLSTATE, constraint and column it was.
 */
const acrossWorker = (e: unknown) => Object.assign(new Error((e as Error).message), { message: (e as Error).message });

describe('error fields across the worker boundary', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = carryErrorFields(await PGlite.create());
    await pg.exec(`create table t (id int primary key, n int not null constraint t_n_positive check (n > 0))`);
  });
  afterAll(() => pg.close());

  it('keeps SQLSTATE, constraint and the original message of a query error', async () => {
    const raised = await pg.query('insert into t values (1, 0)').catch((e: unknown) => e);
    const arrived = toDatabaseError(acrossWorker(raised));
    expect(isDatabaseError(arrived, '23514')).toBe(true);
    expect(arrived).toMatchObject({ constraint: 't_n_positive', message: 'new row for relation "t" violates check constraint "t_n_positive"' });
  });

  it('keeps the column of a not-null violation and the code of an exec error', async () => {
    const raised = await pg.query('insert into t (id) values (2)').catch((e: unknown) => e);
    expect(toDatabaseError(acrossWorker(raised))).toMatchObject({ code: '23502', column: 'n' });
    const viaExec = await pg.exec(`do $$ begin raise exception using errcode = 'PT409', message = '记录已被他人修改（当前版本 3），请刷新后重试'; end $$`).catch((e: unknown) => e);
    const mapped = toHttpError(toDatabaseError(acrossWorker(viaExec)));
    expect([mapped.statusCode, mapped.message]).toEqual([409, '记录已被他人修改（当前版本 3），请刷新后重试']);
  });

  it('without the hook the page would see no SQLSTATE (the defect)', async () => {
    const plain = await PGlite.create();
    const raised = await plain.query('select 1/0').catch((e: unknown) => e);
    await plain.close();
    expect(toHttpError(toDatabaseError(acrossWorker(raised))).statusCode).toBe(500);
    expect(decodeErrorFields('an ordinary message')).toBeUndefined();
  });
});
