import { packageConfig } from '../../../scripts/tsup-package';

export default packageConfig({ target: 'es2022' });
