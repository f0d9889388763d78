import { packageConfig } from '../../scripts/tsup-package';

// Four entries so a plugin declaration (main) never pulls React, antd or the test harness.
export default packageConfig({
  entry: { index: 'src/index.ts', host: 'src/host/index.ts', ui: 'src/ui/index.ts', testing: 'src/testing/index.ts' },
  target: 'es2022',
  external: [/^@fazhi\//, /^react/, /^antd/, /^@ant-design\//, /^@refinedev\//, /^@testing-library\//, 'dayjs'],
});
