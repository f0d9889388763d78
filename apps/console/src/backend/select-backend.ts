import type { FazhiModel } from '@fazhi/model';
import type { ConsoleBackend } from './backend.js';
import { createEmbeddedBackend } from './embedded/embedded-backend.js';
import { supabaseEnv } from './supabase/env.js';

/**
 * The backend this build talks to: Supabase when `VITE_SUPABASE_URL` and `VITE_SUPABASE_ANON_KEY`
 * were set at build time, else the embedded database. The Supabase client is loaded only then.
 */
export async function selectBackend(model: FazhiModel, env: Record<string, string | undefined> = import.meta.env): Promise<ConsoleBackend> {
  const supabase = supabaseEnv(env);
  if (!supabase) return createEmbeddedBackend(model);
  const { createSupabaseBackend } = await import('./supabase/supabase-backend.js');
  // Mailed links lead back to this build's sign-in page, wherever `dist/` is served.
  const linkReturnUrl = new URL(`${env.BASE_URL ?? '/'}`.replace(/\/?$/, '/login'), window.location.origin).href;
  return createSupabaseBackend({ ...supabase, model, linkReturnUrl });
}
