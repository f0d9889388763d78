import { describe, expect, it } from 'vitest';
import { allowedParents, isStreetLevel, OrgTree, orgKindLabel, orgUnitKinds, type OrgUnit, type OrgUnitKind } from './org.js';

const unit = (id: string, parentId: string | null, kind: OrgUnitKind, name = id): OrgUnit => ({ id, parentId, kind, name });

describe('towns and villages', () => {
  it('holds a county with a town, its villages, a community and their committees', () => {
    const tree = new OrgTree([
      unit('d', null, 'district', '从化区'),
      unit('t', 'd', 'town', '太平镇'),
      unit('v1', 't', 'village', '钱岗村'),
      unit('v2', 't', 'village', '木棉村'),
      unit('c', 't', 'community', '太平社区'),
      unit('m', 'v1', 'mediation_committee', '钱岗村人民调解委员会'),
      unit('j', 't', 'department', '太平司法所'),
      unit('s', 'd', 'street', '街口街道'),
      unit('v3', 's', 'village', '城郊村'),
    ]);
    expect([...tree.subtreeIds('t')].sort()).toEqual(['c', 'j', 'm', 't', 'v1', 'v2']);
    expect(tree.streetLevelOf('m')?.name).toBe('太平镇');
    expect(tree.streetLevelOf('v3')?.name).toBe('街口街道');
    expect(tree.streetLevelOf('d')).toBeUndefined();
    expect(orgKindLabel('town')).toBe('镇');
    expect(orgKindLabel('village')).toBe('村');
  });

  it('refuses a village at the top, under a district or under a community, naming each in Chinese', () => {
    expect(
      () =>
        new OrgTree([
          unit('d', null, 'district', '从化区'),
          unit('t', 'd', 'town', '太平镇'),
          unit('c', 't', 'community', '太平社区'),
          unit('v1', null, 'village', '孤村'),
          unit('v2', 'd', 'village', '区直村'),
          unit('v3', 'c', 'village', '社区下的村'),
          unit('t2', 't', 'town', '镇下的镇'),
        ]),
    ).toThrow(
      '机构树有误：\n机构“孤村”（v1）的类型不能位于最上级\n机构“区直村”（v2）的类型不能位于“区”之下\n机构“社区下的村”（v3）的类型不能位于“社区”之下\n机构“镇下的镇”（t2）的类型不能位于“镇”之下',
    );
  });

  it('treats streets and towns, and only those, as the level that keeps ledgers', () => {
    expect(orgUnitKinds.filter((k) => isStreetLevel(k.id)).map((k) => k.id)).toEqual(['street', 'town']);
    // Every kind has a rule for its parents, and a town may stand wherever a street may.
    for (const k of orgUnitKinds) expect(allowedParents[k.id], k.id).toBeDefined();
    expect(allowedParents.town).toEqual(allowedParents.street);
  });
});
