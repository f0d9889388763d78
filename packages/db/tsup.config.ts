import { packageConfig } from '../../scripts/tsup-package';

// The main entry plus the test helpers other packages' suites use (@fazhi/db/testing).
export default packageConfig({
  entry: { index: 'src/index.ts', browser: 'src/browser.ts', refine: 'src/refine.ts', 'demo-accounts': 'src/demo-accounts.ts', 'testing/index': 'src/testing/index.ts', 'testing/pg-cluster': 'src/testing/pg-cluster.ts', 'testing/global-setup': 'src/testing/global-setup.ts' },
  external: ['vitest', 'vitest/node', /^@refinedev\//],
});
