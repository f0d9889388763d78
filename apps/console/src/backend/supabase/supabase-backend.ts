import { supabaseAccessStore, supabaseDuplicateKeySource, supabaseOrgStore, supabaseRecordImporter, supabaseReportStore, type SupabaseDatabase } from '@fazhi/db/browser';
import { supabaseDataProvider } from '@fazhi/db/refine';
import type { FazhiModel } from '@fazhi/model';
import { createClient, isAuthRetryableFetchError, type SupabaseClient, type SupabaseClientOptions, type SupportedStorage, type User } from '@supabase/supabase-js';
import type { ConsoleBackend, EmailLinks, LinkSignIn, SignedInSession } from '../backend.js';
import { supabaseAttachments } from './attachments.js';
import { fetchConsoleUser } from './console-user.js';
import { supabaseProjectUrl } from './env.js';
import { authError, linkReturnError, postgrestError, sessionExpiredMessage } from './errors.js';
import { notifyingServices } from '../indicator-cache.js';
import { supabaseIndicatorSource } from './indicators.js';

export interface SupabaseBackendOptions {
  /** Project URL, e.g. `https://abcd.supabase.co` (see `supabaseEnv`). */
  url: string;
  /** The project's anon (publishable) key; every request then runs as the signed-in user. */
  anonKey: string;
  /** The `fetch` supabase-js uses; the global one by default (tests pass a recording fetch). */
  fetch?: typeof fetch;
  /** Where the session is kept between visits; localStorage in a browser by default. */
  storage?: SupportedStorage;
  /**
   * Realtime options for supabase-js. The console uses no realtime, but on Node 20 (tests) the
   * client needs a WebSocket transport to be constructed: pass `{ transport: ws }` there. Left
   * to the caller so the browser bundle never imports `ws`.
   */
  realtime?: SupabaseClientOptions<'public'>['realtime'];
  /** The composed model (fazhi.config.ts): the kinds the data provider serves, the catalog of the figures. */
  model: FazhiModel;
  /**
   * Where mailed links lead back to: the console's sign-in page (`…/login`), listed under the
   * project's Redirect URLs. Without it GoTrue uses the project's Site URL.
   */
  linkReturnUrl?: string;
}

export interface SupabaseBackend extends ConsoleBackend {
  kind: 'supabase';
  /** The supabase-js client every call goes through (one per backend, so one session). */
  readonly client: SupabaseClient<SupabaseDatabase>;
}

/** The header's name for a user: `user_metadata.display_name`, else the e-mail. */
function sessionOf(user: User): SignedInSession {
  const email = user.email ?? '';
  const meta = user.user_metadata as Record<string, unknown> | undefined;
  const name = typeof meta?.display_name === 'string' ? meta.display_name.trim() : '';
  return { userId: user.id, email, displayName: name || email || user.id };
}

/**
 * The console's backend on a Supabase project: GoTrue for sign-in (session kept in `storage`,
 * refreshed automatically), PostgREST for records (`supabaseDataProvider`), the user's grants and
 * org units, and dashboard figures (`indicator_values` as RPC), Storage for attachments. Every
 * request carries the user's JWT, so the project's row-level security decides what they see.
 */
export function createSupabaseBackend(opts: SupabaseBackendOptions): SupabaseBackend {
  const url = supabaseProjectUrl(opts.url, 'Supabase 项目地址');
  if (!opts.anonKey.trim()) throw new Error('缺少 Supabase anon key');
  const host = new URL(url).host;

  const client = createClient<SupabaseDatabase>(url, opts.anonKey, {
    auth: {
      persistSession: true,
      autoRefreshToken: true,
      // Links the console asks for come back with `?code=` (PKCE): their tokens never sit in the
      // address or its history, and only the browser that asked can use them.
      flowType: 'pkce',
      // The sign-in page reads a link's return itself (`emailLinks.completeLink`): the router owns the address.
      detectSessionInUrl: false,
      // Without `storage` auth-js uses localStorage when the browser allows it, memory otherwise.
      ...(opts.storage ? { storage: opts.storage } : {}),
    },
    ...(opts.fetch ? { global: { fetch: opts.fetch } } : {}),
    ...(opts.realtime ? { realtime: opts.realtime } : {}),
  });
  const { registry, catalog } = opts.model;
  const emailLinks = supabaseEmailLinks(client, host, opts.linkReturnUrl);

  return {
    kind: 'supabase',
    description: `Supabase：${host}`,
    demoLogins: [],
    client,
    emailLinks,

    async warmUp() {
      // Nothing to load ahead: the client is ready and sign-in is one request.
    },

    async restoreSession() {
      // Reads the stored session; an expired access token is refreshed (one request) first.
      const { data, error } = await client.auth.getSession();
      if (error) {
        // Offline or the server down: say so rather than pretend the user signed out. A refused
        // refresh (revoked, expired) means signing in again.
        if (isAuthRetryableFetchError(error)) throw authError(error, host);
        return null;
      }
      return data.session ? sessionOf(data.session.user) : null;
    },

    async signIn(email, password) {
      const address = email.trim();
      if (!address || !password) throw new Error('请输入邮箱和密码');
      let result: Awaited<ReturnType<typeof client.auth.signInWithPassword>>;
      try {
        result = await client.auth.signInWithPassword({ email: address, password });
      } catch (e) {
        throw authError(e, host);
      }
      if (result.error) throw authError(result.error, host);
      if (!result.data.user) throw new Error('登录失败：Supabase 没有返回用户信息');
      return sessionOf(result.data.user);
    },

    async signOut() {
      // `local`: this browser's session is removed before the request, so signing out never
      // depends on the network, and the user's sessions on other devices stay signed in. The
      // server-side revocation is best effort (its error, if any, is not the user's concern).
      await client.auth.signOut({ scope: 'local' });
    },

    async connect(session) {
      const { data, error } = await client.auth.getSession();
      if (error) throw authError(error, host);
      // Every request runs with the stored session's JWT: it must be this user's.
      if (!data.session || data.session.user.id !== session.userId) throw new Error(sessionExpiredMessage);
      const readUser = () => fetchConsoleUser(client, session.userId, session.displayName, host);
      const user = await readUser();
      const indicators = supabaseIndicatorSource(client, host, catalog);
      return {
        user,
        reloadUser: readUser,
        ...notifyingServices(
          {
            dataProvider: supabaseDataProvider(client, { registry, apiUrl: `${url}/rest/v1` }),
            importer: supabaseRecordImporter(client),
            access: supabaseAccessStore(client),
            orgs: supabaseOrgStore(client),
          },
          indicators.invalidate,
        ),
        indicators,
        attachments: supabaseAttachments(client),
        duplicates: supabaseDuplicateKeySource(client),
        reports: supabaseReportStore(client),
      };
    },
  };
}

/** The e-mail as typed, trimmed; refuses an empty one before any request. */
function emailOf(text: string): string {
  const email = text.trim();
  if (!email) throw new Error('请输入邮箱');
  return email;
}

/** Throws the Chinese message for an auth-js result's error (or for what it threw). */
async function authCall<T extends { error: unknown }>(host: string, call: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await call();
  } catch (e) {
    throw authError(e, host);
  }
  if (result.error) throw authError(result.error, host);
  return result;
}

/**
 * 邮箱登录链接 and 忘记密码 over GoTrue: `POST /auth/v1/otp` and `/auth/v1/recover` with a PKCE
 * challenge and `redirect_to` the sign-in page; the return exchanges its `?code=` (`POST
 * /auth/v1/token?grant_type=pkce`). Links GoTrue sends on its own (the dashboard's *Invite user*)
 * return `#access_token=…` instead, and e-mail templates written with `{{ .TokenHash }}`
 * `?token_hash=…&type=…`: both are taken too.
 */
function supabaseEmailLinks(client: SupabaseClient<SupabaseDatabase>, host: string, returnUrl: string | undefined): EmailLinks {
  const linkSession = async (user: User | null | undefined, recovery: boolean): Promise<LinkSignIn> => {
    if (!user) throw new Error('登录失败：Supabase 没有返回用户信息');
    return { session: sessionOf(user), purpose: recovery ? 'recovery' : 'signIn' };
  };
  return {
    async sendSignInLink(text) {
      const email = emailOf(text);
      // Anyone may ask (the page runs as anon); the answer is one boolean, naming no unit or role.
      const { data, error, status } = await client.rpc('invitation_pending', { p_email: email });
      if (error) throw postgrestError({ error, status }, host, '邀请查询函数 public.invitation_pending');
      await authCall(host, () =>
        client.auth.signInWithOtp({ email, options: { shouldCreateUser: data === true, ...(returnUrl ? { emailRedirectTo: returnUrl } : {}) } }),
      );
    },

    async sendPasswordReset(text) {
      const email = emailOf(text);
      await authCall(host, () => client.auth.resetPasswordForEmail(email, returnUrl ? { redirectTo: returnUrl } : {}));
    },

    async completeLink(address) {
      const query = address.searchParams;
      const hash = new URLSearchParams(address.hash.replace(/^#/, ''));
      const failed = hash.get('error_code') ?? hash.get('error') ?? query.get('error_code') ?? query.get('error');
      if (failed) throw linkReturnError(failed, hash.get('error_description') ?? query.get('error_description') ?? '');
      const code = query.get('code');
      if (code) {
        const { data } = await authCall(host, () => client.auth.exchangeCodeForSession(code));
        // auth-js keeps `recovery` beside the code verifier of a password reset and returns it here
        // (its typings leave `redirectType` out).
        return linkSession(data.user, (data as { redirectType?: string | null }).redirectType === 'recovery');
      }
      const tokenHash = query.get('token_hash');
      const type = query.get('type');
      if (tokenHash && type) {
        if (!['magiclink', 'recovery', 'invite', 'signup', 'email', 'email_change'].includes(type)) throw linkReturnError('', `未知的链接类型“${type}”`);
        const { data } = await authCall(host, () => client.auth.verifyOtp({ token_hash: tokenHash, type: type as 'email' }));
        return linkSession(data.user, type === 'recovery');
      }
      const accessToken = hash.get('access_token');
      const refreshToken = hash.get('refresh_token');
      if (accessToken && refreshToken) {
        const { data } = await authCall(host, () => client.auth.setSession({ access_token: accessToken, refresh_token: refreshToken }));
        return linkSession(data.user, hash.get('type') === 'recovery');
      }
      return null;
    },

    async setNewPassword(password) {
      if (!password) throw new Error('请输入新密码');
      await authCall(host, () => client.auth.updateUser({ password }));
    },
  };
}
