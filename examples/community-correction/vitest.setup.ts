// vitest globalSetup of this example (registered by the root vitest.config.ts): the PostgreSQL 15
// cluster its end-to-end CLI test runs against. A relative import: globalSetup runs in the main
// vitest process, which resolves workspace packages to their dist, not to source.
export { default } from '../../packages/db/src/testing/global-setup.js';
