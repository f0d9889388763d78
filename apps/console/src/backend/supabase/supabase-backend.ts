import { supabaseAccessStore, supabaseDuplicateKeySource, supabaseOrgStore, supabaseRecordImporter, supabaseReportStore, type SupabaseDatabase } from '@fazhi/db/browser';
import { supabaseDataProvider } from '@fazhi/db/refine';
import type { FazhiModel } from '@fazhi/model';
import { createClient, isAuthRetryableFetchError, type SupabaseClient, type SupabaseClientOptions, type SupportedStorage, type User } from '@supabase/supabase-js';
import type { ConsoleBackend, SignedInSession } from '../backend.js';
import { supabaseAttachments } from './attachments.js';
import { fetchConsoleUser } from './console-user.js';
import { supabaseProjectUrl } from './env.js';
import { authError, sessionExpiredMessage } from './errors.js';
import { notifyingWrites } from '../indicator-cache.js';
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
      // Password sign-in only: nothing to pick up from the address bar (the router owns it).
      detectSessionInUrl: false,
      // Without `storage` auth-js uses localStorage when the browser allows it, memory otherwise.
      ...(opts.storage ? { storage: opts.storage } : {}),
    },
    ...(opts.fetch ? { global: { fetch: opts.fetch } } : {}),
    ...(opts.realtime ? { realtime: opts.realtime } : {}),
  });
  const { registry, catalog } = opts.model;

  return {
    kind: 'supabase',
    description: `Supabase：${host}`,
    demoLogins: [],
    client,

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
      const user = await fetchConsoleUser(client, session.userId, session.displayName, host);
      const indicators = supabaseIndicatorSource(client, host, catalog);
      return {
        user,
        dataProvider: notifyingWrites(supabaseDataProvider(client, { registry, apiUrl: `${url}/rest/v1` }), indicators.invalidate),
        indicators,
        attachments: supabaseAttachments(client),
        duplicates: supabaseDuplicateKeySource(client),
        importer: supabaseRecordImporter(client),
        reports: supabaseReportStore(client),
        access: supabaseAccessStore(client),
        orgs: supabaseOrgStore(client),
      };
    },
  };
}
