import { packageConfig } from '../../scripts/tsup-package';

// Two entries: the browser-safe model, and `./node` (config loading, which reads files).
export default packageConfig({ entry: { index: 'src/index.ts', node: 'src/node.ts' } });
