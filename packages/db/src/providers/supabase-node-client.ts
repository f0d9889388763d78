import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import ws from 'ws';

/**
 * A supabase-js client for Node (the CLI, scripts, tests). Node 20 has no global WebSocket, and
 * supabase-js' realtime client needs one even when realtime is never used, so `ws` is passed as
 * its transport. Browsers should call `createClient` directly.
 */
export function createNodeSupabaseClient(url: string, key: string, options: SupabaseClientOptions<'public'> = {}): SupabaseClient {
  return createClient(url, key, {
    ...options,
    realtime: { ...options.realtime, transport: ws as never },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, ...options.auth },
  });
}
