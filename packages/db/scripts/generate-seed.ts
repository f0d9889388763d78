import { loadDataset } from '@fazhi/dataset';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedSql } from '../src/seed-sql.js';

/** Regenerates supabase/seed.sql from seeds/nansha-2024 (a test fails when it is stale). */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const ds = await loadDataset(`${root}seeds/nansha-2024`);
writeFileSync(`${root}supabase/seed.sql`, seedSql(ds, { source: 'seeds/nansha-2024' }));
console.log('已生成 supabase/seed.sql');
