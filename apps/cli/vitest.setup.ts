// vitest globalSetup of @fazhi/cli (registered by the root vitest.config.ts): the PostgreSQL 15
// cluster the `--db postgres://…` tests run against. A relative import: globalSetup runs in the
// main vitest process, which resolves workspace packages to their (unbuilt) dist, not to source.
export { default } from '../../packages/db/src/testing/global-setup.js';
