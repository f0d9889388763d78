import { packageConfig } from '../../scripts/tsup-package';

// Two entries so that importing the report model never loads docx/jszip (only ./docx does).
export default packageConfig({ entry: { index: 'src/index.ts', docx: 'src/docx.ts' } });
