// vitest globalSetup of @fazhi/db (registered by the root vitest.config.ts): one PostgreSQL 15
// cluster for the run. See src/testing/global-setup.ts.
export { default } from './src/testing/global-setup.js';
