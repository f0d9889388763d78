// @vitest-environment node
/**
 * The Supabase backend, tested WITHOUT GoTrue or PostgREST (they cannot run here: no Docker).
 * supabase-js is given the recording fetch of @fazhi/db: every request is recorded (method, path,
 * query, headers, body) and answered with canned, GoTrue- or PostgREST-shaped responses. What this
 * checks: the requests we send, and what we make of the answers. What it cannot check: that a
 * real project answers as canned here (row-level security, the RPC's figures, error bodies).
 */
import { composeConsole } from '@fazhi/plugin-sdk/host';
import { afterEach, describe, expect, it } from 'vitest';
import { pgError, recordingFetch, type CannedResponse, type RecordedRequest, type Responder } from '../../../../../packages/db/src/providers/recording-fetch.test-helper.js';
import { patrolPlugin } from '../../../../../packages/plugin-sdk/src/test-kind.test-helper.js';
import { createSupabaseBackend, type SupabaseBackend } from './supabase-backend.js';

/** The console's model with a plugin whose kind (法律服务点巡查) no fazhi package ships. */
const { model } = composeConsole([patrolPlugin()]);

const url = 'http://127.0.0.1:54321';
const host = '127.0.0.1:54321';
const anonKey = 'test-anon-key';
const userId = '0b7a3c1e-5d2f-4c8a-9e61-3f4d2a1b0c9d';
const orgId = '11111111-1111-4111-8111-111111111111';
const streetId = '22222222-2222-4222-8222-222222222222';

/** supabase-js builds a realtime client even when unused; Node 20 has no WebSocket to give it. */
class NoRealtime {
  constructor() {
    throw new Error('realtime is not used by the console');
  }
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const expiresAt = Math.floor(Date.now() / 1000) + 3600;
const accessToken = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, role: 'authenticated', exp: expiresAt })}.signature`;

const gotrueUser = (meta: Record<string, unknown> = { display_name: '张调解' }) => ({
  id: userId,
  aud: 'authenticated',
  role: 'authenticated',
  email: 'clerk@example.org',
  app_metadata: { provider: 'email' },
  user_metadata: meta,
  created_at: '2024-01-01T00:00:00Z',
});

const tokenResponse = (meta?: Record<string, unknown>): CannedResponse => ({
  body: {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: expiresAt,
    refresh_token: 'refresh-1',
    user: gotrueUser(meta),
  },
});

const backends: SupabaseBackend[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.client.auth.stopAutoRefresh();
});

function setup(fallback?: Responder, storage = memoryStorage()) {
  const rec = recordingFetch(fallback);
  const backend = createSupabaseBackend({ url, anonKey, model, fetch: rec.fetch, storage, realtime: { transport: NoRealtime as never } });
  backends.push(backend);
  return { rec, backend, storage };
}

/** A backend with a signed-in user; the sign-in request is dropped from the record. */
async function signedIn(fallback?: Responder) {
  const s = setup(fallback);
  s.rec.queue(tokenResponse());
  const session = await s.backend.signIn('clerk@example.org', 'secret-1');
  s.rec.requests.length = 0;
  return { ...s, session };
}

const paramsOf = (r: RecordedRequest) => Object.fromEntries(r.params);

describe('supabase backend: what it is', () => {
  it('is kind supabase, names the project host, offers no demo logins', async () => {
    const { backend } = setup();
    expect(backend.kind).toBe('supabase');
    expect(backend.description).toBe(`Supabase：${host}`);
    expect(backend.demoLogins).toEqual([]);
    expect(backend.localDatabase).toBeUndefined();
    await expect(backend.warmUp()).resolves.toBeUndefined();
  });

  it('refuses a project URL that is not http(s)', () => {
    expect(() => createSupabaseBackend({ url: 'abcd.supabase.co', anonKey, model })).toThrow(/Supabase 项目地址 不是有效的网址/);
    expect(() => createSupabaseBackend({ url, anonKey: ' ', model })).toThrow('缺少 Supabase anon key');
  });
});

describe('supabase backend: sign-in (GoTrue)', () => {
  it('posts e-mail and password to /auth/v1/token?grant_type=password and keeps the session', async () => {
    const { rec, backend, storage } = setup();
    rec.queue(tokenResponse());
    const session = await backend.signIn(' clerk@example.org ', 'secret-1');
    expect(session).toEqual({ userId, email: 'clerk@example.org', displayName: '张调解' });
    expect(rec.requests).toHaveLength(1);
    const [req] = rec.requests;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe('/auth/v1/token');
    expect(req!.params).toEqual([['grant_type', 'password']]);
    expect(req!.body).toMatchObject({ email: 'clerk@example.org', password: 'secret-1' });
    expect(req!.headers.apikey).toBe(anonKey);
    // persistSession: the session is in the given storage, under supabase-js' project key.
    expect([...storage.items.keys()]).toEqual(['sb-127-auth-token']);
    expect(JSON.parse(storage.items.get('sb-127-auth-token')!)).toMatchObject({ access_token: accessToken, refresh_token: 'refresh-1' });
  });

  it('shows the e-mail when the account has no display name', async () => {
    const { rec, backend } = setup();
    rec.queue(tokenResponse({ display_name: '  ' }));
    expect((await backend.signIn('clerk@example.org', 'secret-1')).displayName).toBe('clerk@example.org');
  });

  it('maps a 400 invalid_grant (and the newer invalid_credentials) to 邮箱或密码不正确', async () => {
    const { rec, backend, storage } = setup();
    rec.queue({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid login credentials' } });
    await expect(backend.signIn('clerk@example.org', 'wrong')).rejects.toThrow(/^邮箱或密码不正确$/);
    rec.queue({ status: 400, headers: { 'x-supabase-api-version': '2024-01-01' }, body: { code: 'invalid_credentials', message: 'Invalid login credentials' } });
    await expect(backend.signIn('clerk@example.org', 'wrong')).rejects.toThrow(/^邮箱或密码不正确$/);
    expect(storage.items.size).toBe(0);
  });

  it("maps GoTrue's other refusals to Chinese, and keeps the server's reason otherwise", async () => {
    const { rec, backend } = setup();
    const v = { 'x-supabase-api-version': '2024-01-01' };
    rec.queue({ status: 400, headers: v, body: { code: 'email_not_confirmed', message: 'Email not confirmed' } });
    await expect(backend.signIn('a@example.org', 'x')).rejects.toThrow('该邮箱尚未验证');
    rec.queue({ status: 429, headers: v, body: { code: 'over_request_rate_limit', message: 'Request rate limit reached' } });
    await expect(backend.signIn('a@example.org', 'x')).rejects.toThrow('尝试次数过多，请稍后再试');
    rec.queue({ status: 400, headers: v, body: { code: 'user_banned', message: 'User is banned' } });
    await expect(backend.signIn('a@example.org', 'x')).rejects.toThrow('该账号已被停用');
    rec.queue({ status: 422, headers: v, body: { code: 'something_new', message: 'Something new happened' } });
    await expect(backend.signIn('a@example.org', 'x')).rejects.toThrow('登录失败：Something new happened');
    rec.queue({ status: 503, body: { message: 'upstream down' } });
    await expect(backend.signIn('a@example.org', 'x')).rejects.toThrow(`Supabase 认证服务暂时不可用（${host}，HTTP 503）`);
  });

  it('says which project cannot be reached when the request fails', async () => {
    const backend = createSupabaseBackend({
      url,
      anonKey,
      model,
      storage: memoryStorage(),
      realtime: { transport: NoRealtime as never },
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    backends.push(backend);
    await expect(backend.signIn('a@example.org', 'x')).rejects.toThrow(`无法连接 Supabase（${host}）：fetch failed`);
  });

  it('asks for both fields before sending anything', async () => {
    const { rec, backend } = setup();
    await expect(backend.signIn('  ', 'x')).rejects.toThrow('请输入邮箱和密码');
    await expect(backend.signIn('a@example.org', '')).rejects.toThrow('请输入邮箱和密码');
    expect(rec.requests).toEqual([]);
  });
});

/**
 * 邮箱登录链接, 忘记密码 and the return from a mailed link. GoTrue cannot run here: the recording
 * fetch stands in for it (and for PostgREST's `invitation_pending`), so these check the exact
 * requests — endpoints, bodies, `redirect_to`, the PKCE challenge — and what the console makes of
 * GoTrue's answers, not that a real project mails anything.
 */
describe('supabase backend: e-mail links (GoTrue stood in for by the recording fetch)', () => {
  const loginUrl = 'https://console.example.cn/fazhi/login';
  function linkSetup(fallback?: Responder, storage = memoryStorage()) {
    const rec = recordingFetch(fallback);
    const backend = createSupabaseBackend({ url, anonKey, model, fetch: rec.fetch, storage, realtime: { transport: NoRealtime as never }, linkReturnUrl: loginUrl });
    backends.push(backend);
    return { rec, backend, storage, links: backend.emailLinks! };
  }
  const verifierKey = 'sb-127-auth-token-code-verifier';

  it('邮箱登录链接 for an invited e-mail: asks invitation_pending as anon, then POST /otp creating the account, PKCE, back to /login', async () => {
    const { rec, links, storage } = linkSetup();
    rec.queue({ body: true }, { body: {} });
    await links.sendSignInLink('  Invited@Example.cn ');
    expect(rec.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /rest/v1/rpc/invitation_pending', 'POST /auth/v1/otp']);
    const [ask, otp] = rec.requests;
    expect(ask!.body).toEqual({ p_email: 'Invited@Example.cn' });
    // Nobody is signed in: the anon key is the bearer.
    expect(ask!.headers.authorization).toBe(`Bearer ${anonKey}`);
    expect(otp!.params).toEqual([['redirect_to', loginUrl]]);
    expect(otp!.body).toMatchObject({ email: 'Invited@Example.cn', create_user: true, code_challenge_method: 's256' });
    const challenge = (otp!.body as { code_challenge: string }).code_challenge;
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The verifier stays in this browser for the return.
    expect(storage.items.get(verifierKey)).toMatch(/^"?[A-Za-z0-9_-]{43,}"?$/);
  });

  it('邮箱登录链接 for an e-mail without an invitation: no account is created, and GoTrue’s refusal is said in Chinese', async () => {
    const { rec, links } = linkSetup();
    const v = { 'x-supabase-api-version': '2024-01-01' };
    rec.queue({ body: false }, { status: 422, headers: v, body: { code: 'otp_disabled', message: 'Signups not allowed for otp' } });
    await expect(links.sendSignInLink('stranger@example.cn')).rejects.toThrow('该邮箱还没有账号，也没有待接受的邀请');
    expect(rec.requests[1]!.body).toMatchObject({ email: 'stranger@example.cn', create_user: false });
    // Sign-ups off on the project, an invited e-mail: the operator must create the account.
    rec.queue({ body: true }, { status: 422, headers: v, body: { code: 'signup_disabled', message: 'Signups not allowed for this instance' } });
    await expect(links.sendSignInLink('invited@example.cn')).rejects.toThrow('本系统未开放自助注册');
    rec.queue({ body: true }, { status: 429, headers: v, body: { code: 'over_email_send_rate_limit', message: 'email rate limit exceeded' } });
    await expect(links.sendSignInLink('invited@example.cn')).rejects.toThrow('邮件发送过于频繁');
    rec.queue({ body: true }, { status: 400, headers: v, body: { code: 'email_address_not_authorized', message: 'Email address not authorized' } });
    await expect(links.sendSignInLink('invited@example.cn')).rejects.toThrow('请管理员配置自己的邮件服务器（SMTP）');
  });

  it('邮箱登录链接 names a project without the migration, and sends nothing for an empty e-mail', async () => {
    const { rec, links } = linkSetup(() => pgError(404, 'PGRST202', 'Could not find the function public.invitation_pending(p_email) in the schema cache'));
    await expect(links.sendSignInLink('a@example.cn')).rejects.toThrow(`Supabase 项目（${host}）中找不到邀请查询函数 public.invitation_pending，请先执行数据库迁移`);
    expect(rec.requests.map((r) => r.path)).toEqual(['/rest/v1/rpc/invitation_pending']);
    rec.requests.length = 0;
    await expect(links.sendSignInLink('   ')).rejects.toThrow('请输入邮箱');
    await expect(links.sendPasswordReset('')).rejects.toThrow('请输入邮箱');
    expect(rec.requests).toEqual([]);
  });

  it('the return of a sign-in link: ?code= is exchanged with the stored verifier (POST /token?grant_type=pkce), the session kept', async () => {
    const { rec, links, storage } = linkSetup();
    rec.queue({ body: true }, { body: {} });
    await links.sendSignInLink('clerk@example.org');
    const verifier = JSON.parse(storage.items.get(verifierKey)!) as string;
    rec.requests.length = 0;
    rec.queue(tokenResponse());
    const back = await links.completeLink(new URL(`${loginUrl}?code=auth-code-1`));
    expect(back).toEqual({ purpose: 'signIn', session: { userId, email: 'clerk@example.org', displayName: '张调解' } });
    expect(rec.requests.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.params)}`)).toEqual(['POST /auth/v1/token?grant_type=pkce']);
    expect(rec.requests[0]!.body).toEqual({ auth_code: 'auth-code-1', code_verifier: verifier });
    expect(storage.items.has(verifierKey)).toBe(false);
    expect(JSON.parse(storage.items.get('sb-127-auth-token')!)).toMatchObject({ access_token: accessToken });
  });

  it('忘记密码: POST /recover with PKCE and redirect_to; its return is a recovery, and the new password goes PUT /user as the user', async () => {
    const { rec, links, backend } = linkSetup();
    rec.queue({ body: {} });
    await links.sendPasswordReset(' clerk@example.org ');
    const [recover] = rec.requests;
    expect(`${recover!.method} ${recover!.path}`).toBe('POST /auth/v1/recover');
    expect(recover!.params).toEqual([['redirect_to', loginUrl]]);
    expect(recover!.body).toMatchObject({ email: 'clerk@example.org', code_challenge_method: 's256' });
    rec.requests.length = 0;
    rec.queue(tokenResponse());
    expect(await links.completeLink(new URL(`${loginUrl}?code=reset-code`))).toMatchObject({ purpose: 'recovery', session: { userId } });
    rec.requests.length = 0;
    rec.queue({ body: gotrueUser() });
    await links.setNewPassword('a-much-longer-secret');
    expect(rec.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /auth/v1/user']);
    expect(rec.requests[0]!.body).toMatchObject({ password: 'a-much-longer-secret' });
    expect(rec.requests[0]!.headers.authorization).toBe(`Bearer ${accessToken}`);
    const v = { 'x-supabase-api-version': '2024-01-01' };
    rec.queue({ status: 422, headers: v, body: { code: 'weak_password', message: 'Password should be at least 6 characters.', weak_password: { reasons: ['length'] } } });
    await expect(links.setNewPassword('123')).rejects.toThrow('新密码太简单');
    rec.queue({ status: 422, headers: v, body: { code: 'same_password', message: 'New password should be different from the old password.' } });
    await expect(links.setNewPassword('a-much-longer-secret')).rejects.toThrow('新密码不能与原密码相同');
    await expect(links.setNewPassword('')).rejects.toThrow('请输入新密码');
    expect((await backend.restoreSession())?.userId).toBe(userId);
  });

  it('a link opened in another browser (no verifier): asks to open it where it was requested, sends nothing', async () => {
    const { rec, links } = linkSetup();
    await expect(links.completeLink(new URL(`${loginUrl}?code=auth-code-1`))).rejects.toThrow('请在申请链接的同一浏览器中打开邮件里的链接，或重新申请');
    expect(rec.requests).toEqual([]);
  });

  it('links GoTrue sends itself (dashboard 邀请): #access_token= is checked with GET /user and kept; type=recovery asks for a password', async () => {
    const { rec, links, storage } = linkSetup();
    rec.queue({ body: gotrueUser() });
    // auth-js decodes a token from an address (base64url parts), so its signature must be one too.
    const linkToken = accessToken.replace(/\.signature$/, '.c2lnbmF0dXJl');
    const hash = new URLSearchParams({ access_token: linkToken, refresh_token: 'refresh-9', expires_in: '3600', token_type: 'bearer', type: 'invite' });
    expect(await links.completeLink(new URL(`${loginUrl}#${hash}`))).toMatchObject({ purpose: 'signIn', session: { userId, email: 'clerk@example.org' } });
    expect(rec.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /auth/v1/user']);
    expect(rec.requests[0]!.headers.authorization).toBe(`Bearer ${linkToken}`);
    expect(JSON.parse(storage.items.get('sb-127-auth-token')!)).toMatchObject({ access_token: linkToken, refresh_token: 'refresh-9' });
    rec.queue({ body: gotrueUser() });
    hash.set('type', 'recovery');
    expect((await links.completeLink(new URL(`${loginUrl}#${hash}`)))?.purpose).toBe('recovery');
  });

  it('templates with {{ .TokenHash }}: ?token_hash=&type= is verified with POST /verify', async () => {
    const { rec, links } = linkSetup();
    rec.queue(tokenResponse());
    expect(await links.completeLink(new URL(`${loginUrl}?token_hash=th-1&type=magiclink`))).toMatchObject({ purpose: 'signIn', session: { userId } });
    expect(rec.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /auth/v1/verify']);
    expect(rec.requests[0]!.body).toMatchObject({ token_hash: 'th-1', type: 'magiclink' });
    await expect(links.completeLink(new URL(`${loginUrl}?token_hash=th-1&type=phone_change`))).rejects.toThrow('未知的链接类型“phone_change”');
  });

  it('an expired or used link comes back with #error_code: said in Chinese without a request; a plain address carries nothing', async () => {
    const { rec, links } = linkSetup();
    await expect(links.completeLink(new URL(`${loginUrl}#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired`))).rejects.toThrow(
      '邮件中的链接已失效（已使用过或已过期），请重新申请',
    );
    await expect(links.completeLink(new URL(`${loginUrl}?error=server_error&error_description=Something+odd`))).rejects.toThrow('登录链接无效：Something odd');
    expect(await links.completeLink(new URL(`${loginUrl}?to=%2Fmembers`))).toBeNull();
    expect(rec.requests).toEqual([]);
  });
});

describe('supabase backend: session kept between visits', () => {
  it('restores the stored session without a request, and forgets it on sign-out', async () => {
    const { storage } = await signedIn();
    // A later visit: a new client on the same storage.
    const next = setup(undefined, storage);
    expect(await next.backend.restoreSession()).toEqual({ userId, email: 'clerk@example.org', displayName: '张调解' });
    expect(next.rec.requests).toEqual([]);

    await next.backend.signOut();
    expect(next.rec.requests.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.params)}`)).toEqual(['POST /auth/v1/logout?scope=local']);
    expect(next.rec.requests[0]!.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(storage.items.size).toBe(0);
    expect(await setup(undefined, storage).backend.restoreSession()).toBeNull();
  });

  it('is null when nothing was kept', async () => {
    const { rec, backend } = setup();
    expect(await backend.restoreSession()).toBeNull();
    expect(rec.requests).toEqual([]);
  });

  it('signs out of this browser even when the server cannot be reached', async () => {
    const { rec, backend, storage } = await signedIn(() => ({ status: 503, body: { message: 'down' } }));
    await expect(backend.signOut()).resolves.toBeUndefined();
    expect(rec.requests.map((r) => r.path)).toEqual(['/auth/v1/logout']);
    expect(storage.items.size).toBe(0);
  });
});

const membershipRows = [
  { org_id: orgId, role: 'admin', areas: [], personal_data: true },
  { org_id: streetId, role: 'clerk', areas: ['mediation', 'legal_aid'], personal_data: false },
];
const orgRows = [
  { id: orgId, parent_id: null, kind: 'district', name: '广州市南沙区', short_name: '南沙区' },
  { id: streetId, parent_id: orgId, kind: 'street', name: '广州市南沙区南沙街道办事处', short_name: null },
];

/** PostgREST answers for the two reads of `connect`. */
const userTables: Responder = (req) => {
  const total = (n: number) => ({ 'content-range': n ? `0-${n - 1}/${n}` : '*/0' });
  if (req.path === '/rest/v1/memberships') return { body: membershipRows, headers: total(membershipRows.length) };
  if (req.path === '/rest/v1/org_units') return { body: orgRows, headers: total(orgRows.length) };
  return { body: [] };
};

describe('supabase backend: connect reads the user over PostgREST, as the user', () => {
  it("reads the user's own memberships and every readable org unit, ordered by code then name", async () => {
    const { rec, backend, session } = await signedIn(userTables);
    const connected = await backend.connect(session);
    expect(rec.requests).toHaveLength(2);
    const m = rec.requests.find((r) => r.path === '/rest/v1/memberships')!;
    const o = rec.requests.find((r) => r.path === '/rest/v1/org_units')!;
    expect(m.method).toBe('GET');
    expect(paramsOf(m)).toEqual({ select: 'org_id,role,areas,personal_data', user_id: `eq.${userId}`, active: 'eq.true', order: 'org_id.asc,role.asc', offset: '0', limit: '1000' });
    expect(o.method).toBe('GET');
    expect(paramsOf(o)).toEqual({ select: 'id,parent_id,kind,name,short_name', order: 'code.asc.nullslast,name.asc,id.asc', offset: '0', limit: '1000' });
    for (const r of [m, o]) {
      // As the user: their JWT, not the anon key, is the bearer.
      expect(r.headers.authorization).toBe(`Bearer ${accessToken}`);
      expect(r.headers.apikey).toBe(anonKey);
      expect(r.headers.prefer).toBe('count=exact');
    }
    expect(connected.user).toEqual({
      id: userId,
      name: '张调解',
      memberships: [
        { orgId, role: 'admin', areas: [], personalData: true },
        { orgId: streetId, role: 'clerk', areas: ['mediation', 'legal_aid'], personalData: false },
      ],
      orgs: [
        { id: orgId, parentId: null, kind: 'district', name: '广州市南沙区', shortName: '南沙区' },
        { id: streetId, parentId: orgId, kind: 'street', name: '广州市南沙区南沙街道办事处', shortName: null },
      ],
    });
    expect(Object.keys(connected).sort()).toEqual(['access', 'attachments', 'dataProvider', 'duplicates', 'importer', 'indicators', 'orgs', 'reloadUser', 'reports', 'user']);
  });

  it('reads further pages when the server caps a response (max-rows) below the total', async () => {
    const { rec, backend, session } = await signedIn((req) => {
      if (req.path !== '/rest/v1/org_units') return { body: [], headers: { 'content-range': '*/0' } };
      const offset = Number(paramsOf(req).offset);
      return { body: [orgRows[offset]], headers: { 'content-range': `${offset}-${offset}/2` } };
    });
    const { user } = await backend.connect(session);
    expect(user.orgs.map((o) => o.id)).toEqual([orgId, streetId]);
    expect(rec.requests.filter((r) => r.path === '/rest/v1/org_units').map((r) => paramsOf(r).offset)).toEqual(['0', '1']);
  });

  it('refuses to connect without the stored session of that user', async () => {
    const { rec, backend } = setup(userTables);
    await expect(backend.connect({ userId, email: 'clerk@example.org', displayName: '张调解' })).rejects.toThrow('登录已失效，请重新登录');
    const { backend: other } = await signedIn(userTables);
    await expect(other.connect({ userId: orgId, email: 'x@example.org', displayName: 'x' })).rejects.toThrow('登录已失效，请重新登录');
    expect(rec.requests).toEqual([]);
  });

  it('maps PostgREST errors: RLS refusal, expired JWT, tables missing (no migrations), unreachable', async () => {
    const cases: [CannedResponse, RegExp, number?][] = [
      [pgError(403, '42501', 'permission denied for table memberships'), /^没有权限$/, 403],
      [pgError(401, 'PGRST303', 'JWT expired'), /^登录已失效，请重新登录$/, 401],
      [pgError(404, 'PGRST205', "Could not find the table 'public.memberships' in the schema cache"), /^Supabase 项目（127\.0\.0\.1:54321）中找不到表 public\.memberships，请先执行数据库迁移$/, 500],
    ];
    for (const [answer, message, statusCode] of cases) {
      const { backend, session } = await signedIn((req) => (req.path === '/rest/v1/memberships' ? answer : userTables(req)));
      const error = await backend.connect(session).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(message);
      expect(error).toMatchObject({ statusCode });
    }
  });
});

/**
 * A whole `indicator_values` answer, as the real function gives it: a row for every catalog
 * indicator (zeros), with `rows` replacing some. The console asks for all of them at once.
 */
const everyIndicator = (rows: Record<string, unknown>[]) => {
  const given = new Map(rows.map((r) => [r.indicator_id, r]));
  return model.catalog.indicators.map((i) => given.get(i.id) ?? { indicator_id: i.id, value: 0, numerator: '0', denominator: i.denominator === undefined ? null : '1' });
};

/** Canned `indicator_values` rows for 2024 and 2023 (numeric arrives as JSON numbers or text). */
const indicatorRows = (start: string) =>
  everyIndicator(start.startsWith('2024')
    ? [
        { indicator_id: 'mediation.successful_cases', value: 242, numerator: '242', denominator: null },
        { indicator_id: 'mediation.success_rate', value: 96.8, numerator: 242, denominator: 250 },
        { indicator_id: 'mediation.successful_amount', value: 123456789, numerator: 123456789, denominator: null },
      ]
    : [
        { indicator_id: 'mediation.successful_cases', value: 200, numerator: 200, denominator: null },
        { indicator_id: 'mediation.success_rate', value: null, numerator: 0, denominator: 0 },
        { indicator_id: 'mediation.successful_amount', value: null, numerator: null, denominator: null },
      ]);

/** `ledger_span` rows as PostgREST sends them: dates as ISO strings. */
const spanRows = (from: string | null, to: string | null = null) => [{ ledger_from: from, ledger_to: to, inherited_from: from, inherited_to: to }];

const rpcTables: Responder = (req) => {
  if (req.path === '/rest/v1/rpc/indicator_values') return { body: indicatorRows(paramsOf(req).p_start!) };
  if (req.path === '/rest/v1/rpc/ledger_span') return { body: spanRows(null) };
  return userTables(req);
};

describe('supabase backend: dashboard figures from the indicator_values RPC', () => {
  it('compare: the ledger span, then one RPC per period (the year and the year before), values from numerator and denominator', async () => {
    const { rec, backend, session } = await signedIn(rpcTables);
    const { indicators } = await backend.connect(session);
    rec.requests.length = 0;
    const ids = ['mediation.success_rate', 'mediation.successful_cases', 'mediation.successful_amount'];
    const result = await indicators.compare(ids, orgId, { kind: 'year', year: 2024 });

    expect(rec.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/rest/v1/rpc/ledger_span'],
      ['GET', '/rest/v1/rpc/indicator_values'],
      ['GET', '/rest/v1/rpc/indicator_values'],
    ]);
    expect(rec.requests.map(paramsOf)).toEqual([
      { p_org: orgId },
      { p_org: orgId, p_start: '2024-01-01', p_end: '2025-01-01' },
      { p_org: orgId, p_start: '2023-01-01', p_end: '2024-01-01' },
    ]);
    expect(rec.requests[0]!.headers.authorization).toBe(`Bearer ${accessToken}`);

    // In the order asked.
    expect(result.map((c) => c.current.indicator.id)).toEqual(ids);
    const [rate, cases, amount] = result;
    expect(cases!.current).toMatchObject({ orgId, period: { kind: 'year', year: 2024 }, value: 242, numerator: { measureId: 'mediation.successful_cases', value: 242 } });
    expect(cases!.previous!.value).toBe(200);
    expect(cases!.difference).toBe(42);
    expect(cases!.relativeChange).toBeCloseTo(21);
    expect(rate!.current.value).toBeCloseTo(96.8);
    expect(rate!.current.denominator).toEqual({ measureId: 'mediation.accepted_cases', value: 250 });
    expect(rate!.previous!.value).toBeNull();
    expect(rate!.difference).toBeNull();
    expect(amount!.current.value).toBe(123456789);
    expect(amount!.previous!.numerator.value).toBeNull();
  });

  // PostgREST cannot run here: the recording fetch stands in for it, answering as ledger_span would.
  it('compare: asks for no previous year when the ledgers begin with the year, and says why', async () => {
    const { rec, backend, session } = await signedIn((req) => (req.path === '/rest/v1/rpc/ledger_span' ? { body: spanRows('2024-01-01') } : rpcTables(req)));
    const { indicators } = await backend.connect(session);
    rec.requests.length = 0;
    const [cases] = await indicators.compare(['mediation.successful_cases'], orgId, { kind: 'year', year: 2024 });
    expect(rec.requests.map(paramsOf)).toEqual([{ p_org: orgId }, { p_org: orgId, p_start: '2024-01-01', p_end: '2025-01-01' }]);
    expect(cases).toMatchObject({ previous: null, difference: null, relativeChange: null, basis: { comparable: false, reason: 'no_previous_data', span: { from: '2024-01-01', to: null } } });
    expect(cases!.current.value).toBe(242);
  });

  it('compare: names a missing ledger_span function (migrations not applied) in Chinese', async () => {
    const { backend, session } = await signedIn((req) =>
      req.path === '/rest/v1/rpc/ledger_span' ? pgError(404, 'PGRST202', 'Could not find the function public.ledger_span(p_org) in the schema cache') : rpcTables(req),
    );
    const { indicators } = await backend.connect(session);
    await expect(indicators.compare(['mediation.successful_cases'], orgId, { kind: 'year', year: 2024 })).rejects.toThrow(`Supabase 项目（${host}）中找不到建账起止函数 public.ledger_span，请先执行数据库迁移`);
  });

  it('trend: twelve monthly RPCs, in parallel, one value per month', async () => {
    const { rec, backend, session } = await signedIn((req) => {
      if (req.path !== '/rest/v1/rpc/indicator_values') return userTables(req);
      const month = Number(paramsOf(req).p_start!.slice(5, 7));
      return { body: everyIndicator([{ indicator_id: 'mediation.successful_cases', value: month, numerator: String(month * 10), denominator: null }]) };
    });
    const { indicators } = await backend.connect(session);
    rec.requests.length = 0;
    const months = await indicators.trend('mediation.successful_cases', orgId, 2024);
    expect(months.map((m) => m.value)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
    expect(months.map((m) => m.period)).toEqual(Array.from({ length: 12 }, (_, i) => ({ kind: 'month', year: 2024, month: i + 1 })));
    const bodies = rec.requests.map(paramsOf);
    expect(bodies).toHaveLength(12);
    expect(bodies[0]).toEqual({ p_org: orgId, p_start: '2024-01-01', p_end: '2024-02-01' });
    expect(bodies[11]).toEqual({ p_org: orgId, p_start: '2024-12-01', p_end: '2025-01-01' });
  });

  it('maps RPC errors: function missing (no migrations), RLS refusal, bad numbers, unreachable', async () => {
    const run = async (answer: CannedResponse) => {
      const { backend, session } = await signedIn((req) => (req.path === '/rest/v1/rpc/indicator_values' ? answer : userTables(req)));
      const { indicators } = await backend.connect(session);
      return indicators.compare(['mediation.successful_cases'], orgId, { kind: 'year', year: 2024 });
    };
    await expect(run(pgError(404, 'PGRST202', 'Could not find the function public.indicator_values(p_end, p_org, p_start) in the schema cache'))).rejects.toThrow(
      `Supabase 项目（${host}）中找不到指标函数 public.indicator_values，请先执行数据库迁移`,
    );
    await expect(run(pgError(403, '42501', 'permission denied for function indicator_values'))).rejects.toMatchObject({ statusCode: 403, message: '没有权限' });
    await expect(run({ body: everyIndicator([{ indicator_id: 'mediation.successful_cases', numerator: 'abc', denominator: null }]) })).rejects.toThrow(/不是有限数/);
    await expect(run({ body: everyIndicator([{ indicator_id: 'mediation.successful_cases', numerator: { n: 1 }, denominator: null }]) })).rejects.toThrow(/分子不是数值/);
    await expect(run({ body: [] })).rejects.toThrow(/没有返回指标“/);
  });

  it('says which project cannot be reached when an RPC fails', async () => {
    const { backend, session } = await signedIn((req) => {
      if (req.path === '/rest/v1/rpc/indicator_values') throw new TypeError('fetch failed');
      return userTables(req);
    });
    const { indicators } = await backend.connect(session);
    await expect(indicators.trend('mediation.successful_cases', orgId, 2024)).rejects.toThrow(`无法连接 Supabase（${host}）：TypeError: fetch failed`);
  });
});

describe('supabase backend: the data provider and attachments', () => {
  it("gives Refine our supabase data provider, running as the user", async () => {
    const { rec, backend, session } = await signedIn((req) => (req.path.startsWith('/rest/v1/mediation') ? { body: [], headers: { 'content-range': '*/0' } } : userTables(req)));
    const { dataProvider, attachments } = await backend.connect(session);
    rec.requests.length = 0;
    const list = await dataProvider.getList({ resource: 'mediation_cases' });
    expect(list).toEqual({ data: [], total: 0 });
    expect(rec.requests[0]!.path).toBe('/rest/v1/mediation_cases_view');
    expect(rec.requests[0]!.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(dataProvider.getApiUrl()).toBe(`${url}/rest/v1`);
    for (const m of ['put', 'list', 'remove', 'url'] as const) expect(typeof attachments[m]).toBe('function');
    // The attachment store (tested in @fazhi/db) goes through the same client, so as the user too.
    rec.requests.length = 0;
    await attachments.list({ orgId, kindId: 'mediation_cases', recordId: orgId }).catch(() => undefined);
    expect(rec.requests.length).toBeGreaterThan(0);
    for (const r of rec.requests) expect(r.headers.authorization).toBe(`Bearer ${accessToken}`);
  });

  it('asks for the figures again after any write that can change them: an import, a grant, a unit moved', async () => {
    const { rec, backend, session } = await signedIn((req) => {
      if (req.path === '/rest/v1/rpc/import_records') return { body: { inserted: 1, updated: 0, skipped: 0, duplicates: [], stopped: false } };
      if (req.path === '/rest/v1/rpc/revoke_membership') return { body: null };
      if (req.path === '/rest/v1/rpc/move_org_unit') return { body: { id: orgId, parent_id: streetId, kind: 'community', name: '一社区', short_name: null } };
      return rpcTables(req);
    });
    const { indicators, importer, access, orgs } = await backend.connect(session);
    const figureRequests = async () => {
      rec.requests.length = 0;
      await indicators.compare(['mediation.successful_cases'], orgId, { kind: 'year', year: 2024 });
      return rec.requests.filter((r) => r.path === '/rest/v1/rpc/indicator_values').length;
    };
    expect(await figureRequests()).toBe(2);
    expect(await figureRequests()).toBe(0); // remembered until a write
    await importer.import(model.registry.get('legal_point_patrols'), [], 'stop');
    expect(await figureRequests()).toBe(2);
    await access.revoke('m1', '调岗');
    expect(await figureRequests()).toBe(2);
    await orgs.move(orgId, streetId, '区划调整');
    expect(await figureRequests()).toBe(2);
    // Reads forget nothing.
    await access.listMembers(orgId);
    await orgs.list();
    expect(await figureRequests()).toBe(0);
  });

  it('serves a plugin-only kind of the composed model (not 未知的记录类型), and computes its indicator', async () => {
    const { rec, backend, session } = await signedIn((req) => {
      if (req.path === '/rest/v1/legal_point_patrols_view') return { body: [{ id: orgId, org_id: streetId, patrol_no: '巡〔2025〕1号', patrolled_on: '2025-03-05', state: 'planned', visitors: 12, finding: null, version: 1 }], headers: { 'content-range': '0-0/1' } };
      if (req.path === '/rest/v1/rpc/indicator_values') return { body: everyIndicator([{ indicator_id: 'legal_points.patrols', value: 3, numerator: 3, denominator: null }]) };
      if (req.path === '/rest/v1/rpc/ledger_span') return { body: [{ ledger_from: '2023-01-01', ledger_to: null }] };
      return userTables(req);
    });
    const { dataProvider, indicators } = await backend.connect(session);
    rec.requests.length = 0;
    const list = await dataProvider.getList({ resource: 'legal_point_patrols' });
    expect(rec.requests[0]!.path).toBe('/rest/v1/legal_point_patrols_view');
    expect(list.total).toBe(1);
    expect(list.data[0]).toMatchObject({ patrolNo: '巡〔2025〕1号', patrolledOn: '2025-03-05', visitors: 12 });
    const [figure] = await indicators.compare(['legal_points.patrols'], streetId, { kind: 'year', year: 2025 });
    expect(figure!.current.value).toBe(3);
  });
});
