import { supabaseAttachmentStore } from '@fazhi/db/browser';
import type { AttachmentStore } from '@fazhi/plugin-sdk';
import type { SupabaseDatabase } from '@fazhi/db/browser';
import type { SupabaseClient } from '@supabase/supabase-js';

/**
 * Record attachments in Supabase Storage, as the signed-in user (storage policies apply). The
 * store itself lives in @fazhi/db (`supabaseAttachmentStore`); this is the one place the
 * console's Supabase backend names it.
 */
export function supabaseAttachments(client: SupabaseClient<SupabaseDatabase>): AttachmentStore {
  return supabaseAttachmentStore(client);
}
