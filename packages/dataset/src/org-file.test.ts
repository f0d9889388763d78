import { describe, expect, it } from 'vitest';
import { formatOrgs, readOrgs } from './org-file.js';

describe('orgs.csv with towns and villages', () => {
  it('reads 镇 and 村 by their Chinese labels or ids, and writes the ids back', () => {
    const text = ['id,parentId,kind,name,shortName', 'd,,区,从化区,', 't,d,镇,从化区太平镇人民政府,太平镇', 'v1,t,村,太平镇钱岗村村民委员会,钱岗村', 'v2,t,village,太平镇木棉村村民委员会,木棉村', 'm,v1,人民调解委员会,钱岗村人民调解委员会,'].join('\n');
    const { tree, problems } = readOrgs(text);
    expect(problems).toEqual([]);
    expect([...tree!.units.values()].map((u) => u.kind)).toEqual(['district', 'town', 'village', 'village', 'mediation_committee']);
    expect(tree!.streetLevelOf('m')?.shortName).toBe('太平镇');
    expect(formatOrgs(tree!.units.values()).split('\n')[2]).toBe('t,d,town,从化区太平镇人民政府,太平镇');
  });

  it('names the row of a village placed under a community', () => {
    const text = ['id,parentId,kind,name,shortName', 't,,镇,太平镇,', 'c,t,社区,太平社区,', 'v,c,村,错位村,'].join('\n');
    expect(readOrgs(text).problems).toEqual([{ file: 'orgs.csv', row: 4, message: '机构“错位村”（v）的类型不能位于“社区”之下' }]);
  });
});
