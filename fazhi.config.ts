import type { FazhiConfig } from '@fazhi/model';

/**
 * The one place this repository's plugins are registered: the console is built from it, and the
 * CLI reads it. A string is a package name (or a path relative to this file) whose default export
 * is the plugin; `pnpm new:plugin` adds its line here.
 */
export default {
  plugins: [
    '@fazhi/plugin-mediation',
    '@fazhi/plugin-legal-aid',
    '@fazhi/plugin-enforcement',
    '@fazhi/plugin-publicity',
    '@fazhi/plugin-leadership',
    '@fazhi/plugin-public-service',
    '@fazhi/plugin-admin-disputes',
    '@fazhi/plugin-business-env',
    '@fazhi/plugin-organisation',
    '@fazhi/plugin-legality-review',
  ],
} satisfies FazhiConfig;
