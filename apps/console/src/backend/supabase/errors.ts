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

/** Sign-in and session errors of auth-js. */
export function authError(e: unknown, host: string): Error {
  if (isAuthRetryableFetchError(e)) {
    // status 0: fetch itself failed (offline, DNS, CORS); 5xx: GoTrue or its gateway is down.
    if (!e.status) return unreachable(host, e.message);
    return new Error(`Supabase 认证服务暂时不可用（${host}，HTTP ${e.status}），请稍后重试`);
  }
  if (isAuthApiError(e)) {
    const code = e.code ?? '';
    const message = e.message ?? '';
    if (code === 'invalid_credentials' || code === 'invalid_grant' || /invalid login credentials/i.test(message)) {
      return new Error(invalidCredentialsMessage);
    }
    if (code === 'email_not_confirmed' || /email not confirmed/i.test(message)) return new Error('该邮箱尚未验证，请先打开验证邮件完成验证');
    if (code === 'user_banned') return new Error('该账号已被停用，请联系管理员');
    if (code === 'over_request_rate_limit' || code === 'over_email_send_rate_limit' || e.status === 429) {
      return new Error('尝试次数过多，请稍后再试');
    }
    if (code === 'validation_failed' || /missing email|missing password/i.test(message)) return new Error('请输入邮箱和密码');
    if (code === 'session_not_found' || code === 'refresh_token_not_found' || code === 'bad_jwt' || e.status === 401) {
      return new Error(sessionExpiredMessage);
    }
    return new Error(`登录失败：${message || `HTTP ${e.status}`}`);
  }
  if (isAuthError(e)) return new Error(`登录失败：${e.message}`);
  if (e instanceof Error) return new Error(`登录失败：${e.message}`, { cause: e });
  return new Error('登录失败', { cause: e });
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
