import type { OrgUnitRow } from '@fazhi/db/browser';
import { describe, expect, it } from 'vitest';
import { kindsBelow, moveTargets, orgTreeRows } from './org-tree-rows.js';

const unit = (id: string, parentId: string | null, kind: OrgUnitRow['kind'], name: string, retiredAt: string | null = null): OrgUnitRow => ({
  id, parentId, kind, name, code: null, shortName: null, ledgerFrom: null, ledgerTo: null, retiredAt,
});
const units = [
  unit('s', null, 'street', '示范街道'),
  unit('c2', 's', 'community', '西社区'),
  unit('c1', 's', 'community', '东社区'),
  unit('m', 'c1', 'mediation_committee', '东社区调委会'),
  unit('old', 's', 'community', '旧社区', '2025-01-01T00:00:00Z'),
];

describe('the org tree of the 机构管理 page', () => {
  it('nests units under their parents, siblings by name', () => {
    const [root] = orgTreeRows(units);
    expect(root!.children!.map((c) => c.name)).toEqual(['东社区', '旧社区', '西社区']);
    expect(root!.children![0]!.children!.map((c) => c.id)).toEqual(['m']);
  });

  it('offers the kinds the database allows below a parent', () => {
    expect(kindsBelow('street')).toEqual(['community', 'village', 'mediation_committee', 'department']);
    expect(kindsBelow('community')).toEqual(['mediation_committee']);
    expect(kindsBelow('district')).toEqual(['street', 'town', 'department']);
  });

  it('moves a unit only to a fitting, active parent outside its own subtree', () => {
    expect(moveTargets(units, units.find((u) => u.id === 'm')!).map((u) => u.id)).toEqual(['s', 'c2']);
    expect(moveTargets(units, units.find((u) => u.id === 'c1')!).map((u) => u.id)).toEqual([]);
  });
});
