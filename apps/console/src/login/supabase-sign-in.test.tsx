// @vitest-environment jsdom
/**
 * The sign-in page and the console's start on a Supabase build, with the real Supabase backend.
 * GoTrue and PostgREST cannot run here: the recording fetch of @fazhi/db stands in for them,
 * recording each request and answering as GoTrue would. What this checks: what the page's buttons
 * send, what the console makes of a mailed link's return address (a reset link leads to 设置新密码,
 * an expired one to a sentence on the sign-in page, the address is cleaned), and the page for a
 * signed-in user without any membership. That a real project mails and verifies is not checked.
 */
import { composeConsole } from '@fazhi/plugin-sdk/host';
import { clickButton, installDomShims, setText } from '@fazhi/plugin-sdk/testing';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingFetch, type CannedResponse, type RecordingFetch } from '../../../../packages/db/src/providers/recording-fetch.test-helper.js';
import { patrolPlugin } from '../../../../packages/plugin-sdk/src/test-kind.test-helper.js';
import { createSupabaseBackend, type SupabaseBackend } from '../backend/supabase/supabase-backend.js';
import { Root } from '../root.js';
import { LoginPage } from './login-page.js';

const composition = composeConsole([patrolPlugin()]);
const url = 'http://127.0.0.1:54321';
const loginUrl = 'http://localhost:3000/login';
const userId = '0b7a3c1e-5d2f-4c8a-9e61-3f4d2a1b0c9d';
const v = { 'x-supabase-api-version': '2024-01-01' };

class NoRealtime {
  constructor() {
    throw new Error('realtime is not used by the console');
  }
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const expiresAt = Math.floor(Date.now() / 1000) + 3600;
const accessToken = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, role: 'authenticated', exp: expiresAt })}.c2lnbmF0dXJl`;
const gotrueUser = { id: userId, aud: 'authenticated', role: 'authenticated', email: 'new@example.cn', app_metadata: { provider: 'email' }, user_metadata: {}, created_at: '2026-12-01T00:00:00Z' };
const tokenResponse: CannedResponse = { body: { access_token: accessToken, token_type: 'bearer', expires_in: 3600, expires_at: expiresAt, refresh_token: 'refresh-1', user: gotrueUser } };

const backends: SupabaseBackend[] = [];
afterEach(async () => {
  cleanup();
  for (const b of backends.splice(0)) await b.client.auth.stopAutoRefresh();
  window.localStorage.clear();
});

function supabase(rec: RecordingFetch) {
  installDomShims();
  const items = new Map<string, string>();
  const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, val: string) => void items.set(k, val), removeItem: (k: string) => void items.delete(k) };
  const backend = createSupabaseBackend({ url, anonKey: 'test-anon-key', model: composition.model, fetch: rec.fetch, storage, realtime: { transport: NoRealtime as never }, linkReturnUrl: loginUrl });
  backends.push(backend);
  return backend;
}

const page = (children: React.ReactNode) => (
  <ConfigProvider>
    <AntdApp>{children}</AntdApp>
  </ConfigProvider>
);
const sent = (rec: RecordingFetch) => rec.requests.map((r) => `${r.method} ${r.path}`);

describe('the sign-in page on Supabase', () => {
  it('邮箱登录链接: one e-mail, the invitation asked first, the link mailed back to /login, and where it went said', async () => {
    const rec = recordingFetch();
    const backend = supabase(rec);
    render(page(<MemoryRouter initialEntries={['/login']}><LoginPage backend={backend} locale="zh-CN" onLocaleChange={() => undefined} onSignedIn={() => undefined} /></MemoryRouter>));
    setText('邮箱', 'new@example.cn');
    await clickButton('邮箱登录链接');
    // The form loads on demand (the embedded default's sign-in route never downloads it).
    await screen.findByTestId('link-sign-in');
    // The e-mail typed for the password is carried over.
    expect((screen.getByLabelText('邮箱') as HTMLInputElement).value).toBe('new@example.cn');
    rec.queue({ body: true }, { body: {} });
    await clickButton('发送登录链接');
    expect((await screen.findByRole('status')).textContent).toContain('登录链接已发到 new@example.cn');
    expect(sent(rec)).toEqual(['POST /rest/v1/rpc/invitation_pending', 'POST /auth/v1/otp']);
    expect(rec.requests[1]!.params).toEqual([['redirect_to', loginUrl]]);
    expect(rec.requests[1]!.body).toMatchObject({ email: 'new@example.cn', create_user: true });
    await clickButton('返回密码登录');
    expect(screen.getByLabelText('密码')).toBeTruthy();
  }, 60_000);

  it('忘记密码 in English: GoTrue’s rate limit in the catalogue’s words', async () => {
    const rec = recordingFetch();
    const backend = supabase(rec);
    render(page(<MemoryRouter initialEntries={['/login']}><LoginPage backend={backend} locale="en" onLocaleChange={() => undefined} onSignedIn={() => undefined} /></MemoryRouter>));
    await clickButton('Forgot password');
    await screen.findByTestId('password-reset');
    setText('E-mail', 'clerk@example.cn');
    rec.queue({ status: 429, headers: v, body: { code: 'over_email_send_rate_limit', message: 'email rate limit exceeded' } });
    await clickButton('Send password reset e-mail');
    expect((await screen.findByRole('alert')).textContent).toBe('Could not send it: E-mails are sent too often: try again in a few minutes');
    expect(sent(rec)).toEqual(['POST /auth/v1/recover']);
  }, 60_000);
});

describe('the console opened by a mailed link (Supabase)', () => {
  it('a reset link: 设置新密码 first, the code gone from the address; then, with no membership yet, 尚无任何机构的权限 and sign-out', async () => {
    const rec = recordingFetch((req) => (req.path.startsWith('/rest/v1/') ? { body: [], headers: { 'content-range': '*/0' } } : { body: {} }));
    const backend = supabase(rec);
    await backend.emailLinks!.sendPasswordReset('new@example.cn');
    rec.requests.length = 0;
    window.history.replaceState(null, '', '/login?code=reset-code');
    rec.queue(tokenResponse);
    render(<Root backend={backend} composition={composition} />);
    await screen.findByTestId('new-password', {}, { timeout: 10_000 });
    expect(sent(rec)).toEqual(['POST /auth/v1/token']);
    expect(window.location.pathname + window.location.search).toBe('/');
    setText('新密码', 'a-longer-secret-1');
    setText('再次输入新密码', 'a-longer-secret-1');
    rec.queue({ body: gotrueUser });
    await clickButton('保存新密码并进入');
    const none = await screen.findByTestId('no-membership', {}, { timeout: 30_000 });
    expect(none.textContent).toContain('尚无任何机构的权限');
    expect(none.textContent).toContain('账号 new@example.cn 已登录');
    const put = rec.requests.find((r) => r.method === 'PUT')!;
    expect([put.path, put.body]).toMatchObject(['/auth/v1/user', { password: 'a-longer-secret-1' }]);
    expect(rec.requests.filter((r) => r.path === '/rest/v1/memberships')).toHaveLength(1);
    await clickButton('重新检查');
    await waitFor(() => expect(rec.requests.filter((r) => r.path === '/rest/v1/memberships')).toHaveLength(2));
    await clickButton('退出登录');
    await screen.findByLabelText('密码', {}, { timeout: 10_000 });
  }, 90_000);

  it('an expired link: the sign-in page says so, nothing is sent, the error is gone from the address', async () => {
    const rec = recordingFetch();
    const backend = supabase(rec);
    window.history.replaceState(null, '', '/login#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired');
    render(<Root backend={backend} composition={composition} />);
    const alert = await screen.findByTestId('link-failed', {}, { timeout: 10_000 });
    expect(alert.textContent).toBe('无法用该链接登录：邮件中的链接已失效（已使用过或已过期），请重新申请');
    expect(rec.requests).toEqual([]);
    expect(window.location.href).toBe('http://localhost:3000/login');
  }, 60_000);
});
