import { DataProviderError, toHttpError } from '@fazhi/db/refine';
import { isAuthApiError, isAuthError, isAuthRetryableFetchError } from '@supabase/supabase-js';

/**
 * Supabase's English errors → `Error`s with Chinese messages, as the console shows them. GoTrue
 * (auth-js) errors come from sign-in and session handling; PostgREST errors (`{ code, message,
 * details }` plus the HTTP status) from reading the user and calling `indicator_values`.
 */

export const invalidCredentialsMessage = '邮箱或密码不正确';
export const sessionExpiredMessage = '登录已失效，请重新登录';

export const unreachable = (host: string, reason: string) => new Error(`无法连接 Supabase（${host}）：${reason || '网络错误'}`);

/**
 * GoTrue's error codes (auth-js `ErrorCode`, also the `error_code` of a link's return address) the
 * console explains in Chinese; the others keep GoTrue's own message behind `登录失败：`.
 */
const authCodeMessages: Record<string, string> = {
  invalid_credentials: invalidCredentialsMessage,
  invalid_grant: invalidCredentialsMessage,
  email_not_confirmed: '该邮箱尚未验证，请先打开验证邮件完成验证',
  user_banned: '该账号已被停用，请联系管理员',
  over_request_rate_limit: '尝试次数过多，请稍后再试',
  over_email_send_rate_limit: '邮件发送过于频繁，请过几分钟再试（同一邮箱每分钟只能发送一封）',
  otp_expired: '邮件中的链接已失效（已使用过或已过期），请重新申请',
  flow_state_expired: '邮件中的链接已过期，请重新申请',
  flow_state_not_found: '邮件中的链接已失效，请重新申请',
  bad_code_verifier: '请在申请链接的同一浏览器中打开邮件里的链接，或重新申请',
  pkce_code_verifier_not_found: '请在申请链接的同一浏览器中打开邮件里的链接，或重新申请',
  otp_disabled: '该邮箱还没有账号，也没有待接受的邀请：请先请单位管理员在“成员与权限”中邀请',
  signup_disabled: '本系统未开放自助注册：请联系管理员在 Supabase 中为该邮箱建立账号（邀请已保存，账号确认后即生效）',
  email_address_invalid: '邮箱地址无效，请检查后重试',
  email_address_not_authorized: 'Supabase 自带的邮件服务只发给项目成员：请管理员配置自己的邮件服务器（SMTP）',
  weak_password: '新密码太简单，请使用更长、更复杂的密码',
  same_password: '新密码不能与原密码相同',
  validation_failed: '请输入邮箱和密码',
  session_not_found: sessionExpiredMessage,
  refresh_token_not_found: sessionExpiredMessage,
  bad_jwt: sessionExpiredMessage,
};

/**
 * An auth error the console explains: the Chinese sentence, and GoTrue's code beside it, by which
 * the sign-in page finds the English one in its message catalogue (`console.authErrors.<code>`).
 */
export class AuthFailure extends Error {
  constructor(
    message: string,
    readonly authCode: string,
  ) {
    super(message);
    this.name = 'AuthFailure';
  }
}

const explained = (code: string) => new AuthFailure(authCodeMessages[code]!, code);

/** Sign-in, link and session errors of auth-js. */
export function authError(e: unknown, host: string): Error {
  if (isAuthRetryableFetchError(e)) {
    // status 0: fetch itself failed (offline, DNS, CORS); 5xx: GoTrue or its gateway is down.
    if (!e.status) return unreachable(host, e.message);
    return new Error(`Supabase 认证服务暂时不可用（${host}，HTTP ${e.status}），请稍后重试`);
  }
  if (isAuthError(e)) {
    const code = e.code ?? '';
    const message = e.message ?? '';
    if (authCodeMessages[code]) return explained(code === 'invalid_grant' ? 'invalid_credentials' : code);
    // Older GoTrue versions send no code: their messages, and the status, say it.
    if (/invalid login credentials/i.test(message)) return explained('invalid_credentials');
    if (/email not confirmed/i.test(message)) return explained('email_not_confirmed');
    if (e.status === 429) return explained('over_request_rate_limit');
    if (/missing email|missing password/i.test(message)) return explained('validation_failed');
    if (isAuthApiError(e) && e.status === 401) return new Error(sessionExpiredMessage);
    return new Error(`登录失败：${message || `HTTP ${e.status}`}`);
  }
  if (e instanceof Error) return new Error(`登录失败：${e.message}`, { cause: e });
  return new Error('登录失败', { cause: e });
}

/**
 * The error GoTrue puts in the address a link leads back to (`#error=access_denied&error_code=
 * otp_expired&error_description=…`, or in the query), in Chinese.
 */
export function linkReturnError(code: string, description: string): Error {
  return authCodeMessages[code] ? explained(code) : new Error(`登录链接无效：${description || code}`);
}

/** What supabase-js' PostgREST builders resolve to when a request fails. */
export interface PostgrestFailure {
  error: { code?: string; message?: string; details?: string | null; hint?: string | null };
  status: number;
}

/**
 * PostgREST errors: unreachable server, expired login and missing objects (migrations not applied)
 * get their own sentences; the rest goes through the data provider's `toHttpError` (403 for
 * row-level security, 400 for bad values…). `what` names the object, e.g. `表 public.memberships`.
 */
export function postgrestError({ error, status }: PostgrestFailure, host: string, what: string): Error {
  const code = error.code ?? '';
  // supabase-js answers a failed fetch with status 0, no code and `TypeError: fetch failed`.
  if (status === 0 && !code) return unreachable(host, error.message ?? '');
  if (code === 'PGRST301' || code === 'PGRST302' || code === 'PGRST303' || status === 401) {
    return new DataProviderError(401, sessionExpiredMessage, { code: code || undefined, cause: error });
  }
  // PGRST202: no such function; PGRST205 / 42P01 / 42883: no such table or function.
  if (code === 'PGRST202' || code === 'PGRST205' || code === '42P01' || code === '42883') {
    return new DataProviderError(500, `Supabase 项目（${host}）中找不到${what}，请先执行数据库迁移`, { code, cause: error });
  }
  return toHttpError(error);
}
