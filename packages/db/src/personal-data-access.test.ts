/**
 * The RPC request against the recording fetch: PostgREST cannot run here, so this checks what the
 * wrapper sends and what it makes of PostgREST-shaped answers. The rule itself runs on PGlite and
 * PostgreSQL 15 in rls/personal-data-access.test.ts, and through SQL below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { logPersonalDataAccess, logPersonalDataAccessRpc } from './personal-data-access.js';
import { DataProviderError } from './providers/http-error.js';
import { pgError, recordingClient, recordingFetch } from './providers/recording-fetch.test-helper.js';
import { fixtureOrg, fixtureUser, seedFixture } from './providers/sql-harness.test-helper.js';
import { asUser } from './session.js';
import { pgliteBackend } from './testing/index.js';

const access = { action: 'backup', orgId: fixtureOrg.streetA, scope: '本机数据库完整备份' } as const;

describe('personal-data access log through the Supabase client (recording fetch)', () => {
  it('posts the narrow RPC with the access described and returns the entry id', async () => {
    const rec = recordingFetch(() => ({ status: 200, body: 42 }));
    expect(await logPersonalDataAccessRpc(recordingClient(rec), access)).toBe('42');
    expect(rec.requests).toHaveLength(1);
    expect(rec.requests[0]).toMatchObject({ method: 'POST', path: '/rest/v1/rpc/log_personal_data_access', body: { action: 'backup', org_id: fixtureOrg.streetA, scope: '本机数据库完整备份', area: null } });
  });

  it('turns PostgREST’s refusal into the database’s Chinese message', async () => {
    const rec = recordingFetch(() => pgError(403, '42501', '只有街道管理员可以备份、恢复或重置数据库'));
    const e = await logPersonalDataAccessRpc(recordingClient(rec), access).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataProviderError);
    expect([(e as DataProviderError).statusCode, (e as DataProviderError).message]).toEqual([403, '只有街道管理员可以备份、恢复或重置数据库']);
  });
});

describe('personal-data access log through SQL (PGlite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await pgliteBackend.create();
    await seedFixture(db);
  });
  afterAll(() => db.close());

  it('logs for a street admin and refuses a viewer in Chinese', async () => {
    const id = await asUser(db, { userId: fixtureUser.writer }, (tx) => logPersonalDataAccess(tx, access));
    expect(Number(id)).toBeGreaterThan(0);
    const refused = (await asUser(db, { userId: fixtureUser.reader }, (tx) => logPersonalDataAccess(tx, access)).catch((x: unknown) => x)) as DataProviderError;
    expect(refused).toBeInstanceOf(DataProviderError);
    expect([refused.statusCode, refused.message]).toEqual([403, '只有街道管理员可以备份、恢复或重置数据库']);
  });
});
