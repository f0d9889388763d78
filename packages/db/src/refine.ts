// @fazhi/db/refine: the Refine data providers over fazhi's schema (our own SQL on PGlite or
// PostgreSQL, and @refinedev/supabase for Supabase) and the HTTP-style errors they reject with.
// A separate entry so that the core (`@fazhi/db`) and `@fazhi/db/browser` need neither Refine nor
// React: @refinedev/core and @refinedev/supabase are optional peer dependencies, installed only by
// the apps that import this entry (the console, the plugin test harness).
export * from './providers/index.js';
