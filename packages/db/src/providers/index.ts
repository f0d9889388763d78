// Refine data providers over fazhi's schema: one over our own SQL (PGlite in the browser,
// PostgreSQL on a server) and one wrapping @refinedev/supabase for production Supabase.
// Node-only helpers stay out of this entry so a browser bundle never pulls them in:
// ./supabase-node-client.js (ws transport) and ./bench-get-list.js (seeds PGlite from files).
export { sqlDataProvider, type SqlDataProviderOptions } from './sql-data-provider.js';
export { supabaseDataProvider, type SupabaseDataProviderOptions } from './supabase-data-provider.js';
export { DataProviderError, forbiddenMessage, notFoundMessage, staleVersionMessage } from './http-error.js';
export { queryTimeoutMessage, toHttpError, unavailableMessage, unknownErrorMessage, type ErrorContext } from './error-mapping.js';
export type { FazhiMeta, Session } from './types.js';
