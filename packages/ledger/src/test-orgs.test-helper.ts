import type { OrgUnit } from '@fazhi/domain';

/** A small org tree for the ledger tests: a street, two communities and the street's committee. */
export const testOrgs: OrgUnit[] = [
  { id: 'street', parentId: null, kind: 'street', name: '广州市南沙区南沙街道办事处', shortName: '南沙街道' },
  { id: 'jinsha', parentId: 'street', kind: 'community', name: '金沙社区居民委员会', shortName: '金沙社区' },
  { id: 'tangkeng', parentId: 'street', kind: 'community', name: '塘坑社区居民委员会', shortName: '塘坑社区' },
  { id: 'committee', parentId: 'street', kind: 'mediation_committee', name: '南沙街道人民调解委员会' },
];

/** A fixed today, so the notFuture checks do not depend on the clock. */
export const today = () => '2025-06-30';
