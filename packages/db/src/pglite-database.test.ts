import { describe, expect, test } from 'vitest';
import { openPglite } from './pglite-database.js';

describe('openPglite', () => {
  test('walSegmentMB makes the new cluster with WAL segments of that size (the default stays PostgreSQL’s 16 MB)', async () => {
    const small = await openPglite({ walSegmentMB: 1 });
    const usual = await openPglite();
    try {
      expect((await small.query<{ size: string }>('select current_setting($1) as size', ['wal_segment_size'])).rows).toEqual([{ size: '1MB' }]);
      expect((await usual.query<{ size: string }>('select current_setting($1) as size', ['wal_segment_size'])).rows).toEqual([{ size: '16MB' }]);
    } finally {
      await small.close();
      await usual.close();
    }
  }, 60_000);
});
