import type { OrgUnit } from '@fazhi/domain';
import type { Rng } from './random.js';

/** Departments of the street office, by a short key used across the generators. */
export const departmentNames = {
  office: '党政综合办公室',
  party: '党建工作办公室',
  economy: '经济发展办公室',
  planning: '规划建设办公室',
  publicService: '公共服务办公室',
  safety: '平安建设办公室',
  emergency: '应急管理办公室',
  enforcement: '综合行政执法队',
  justice: '司法所',
  serviceCentre: '政务服务中心',
  legalStation: '公共法律服务工作站',
} as const;
export type DepartmentKey = keyof typeof departmentNames;

export const communityNames = ['蕉门', '金隆', '南沙', '港湾', '进港', '塘坑', '鸿福', '金洲', '板头', '海景'] as const;

export interface NanshaOrgs {
  units: OrgUnit[];
  district: OrgUnit;
  /** A district bureau: records filed under it lie outside the street's subtree and must not count. */
  districtJustice: OrgUnit;
  street: OrgUnit;
  dept: Record<DepartmentKey, OrgUnit>;
  communities: OrgUnit[];
  committees: { street: OrgUnit; property: OrgUnit; traffic: OrgUnit; byCommunity: Map<string, OrgUnit> };
}

/** Short display name of a unit (shortName when set). */
export const short = (u: OrgUnit) => u.shortName ?? u.name;

export function buildOrgs(rng: Rng): NanshaOrgs {
  const units: OrgUnit[] = [];
  const add = (parent: OrgUnit | null, kind: OrgUnit['kind'], name: string, shortName: string | null): OrgUnit => {
    const u: OrgUnit = { id: rng.uuid(), parentId: parent?.id ?? null, kind, name, shortName };
    units.push(u);
    return u;
  };
  const district = add(null, 'district', '广州市南沙区', '南沙区');
  const districtJustice = add(district, 'department', '广州市南沙区司法局', '区司法局');
  const street = add(district, 'street', '广州市南沙区南沙街道办事处', '南沙街道');
  const dept = Object.fromEntries(
    Object.entries(departmentNames).map(([key, name]) => [key, add(street, 'department', `南沙街道${name}`, name)]),
  ) as Record<DepartmentKey, OrgUnit>;
  const communities = communityNames.map((n) => add(street, 'community', `南沙街道${n}社区居民委员会`, `${n}社区`));
  const committees = {
    street: add(street, 'mediation_committee', '南沙街道人民调解委员会', '街道调委会'),
    property: add(street, 'mediation_committee', '南沙街道物业纠纷人民调解委员会', '物业纠纷调委会'),
    traffic: add(street, 'mediation_committee', '南沙街道道路交通事故人民调解委员会', '交通事故调委会'),
    byCommunity: new Map(communities.map((c) => [c.id, add(c, 'mediation_committee', `${short(c)}人民调解委员会`, `${short(c)}调委会`)])),
  };
  return { units, district, districtJustice, street, dept, communities, committees };
}
