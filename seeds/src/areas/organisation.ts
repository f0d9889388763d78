import { orgAttributes } from '@fazhi/domain';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';

/**
 * Dated attributes. The hall area reads 60 m² until the 2024 upgrade (106 m², "100多平米" in
 * prose); a 2025 re-measurement and a deleted typo must not be read for 2024.
 */
export function generateOrganisation(ctx: GenContext) {
  const rng = ctx.rng('organisation');
  const street = ctx.orgs.street.id;
  const attr = (attribute: Draft<typeof orgAttributes>['attribute'], value: number, unit: string, effectiveOn: string, note: string | null): Draft<typeof orgAttributes> => ({
    ...base(rng, street),
    attribute,
    value,
    unit,
    effectiveOn,
    note,
  });
  const typo = attr('legal_service_hall_area', 160, '平方米', '2024-09-20', '录入有误，已删除');
  typo.deletedAt = deletedAfter(rng, '2024-09-20', 3);
  return {
    org_attributes: [
      attr('legal_service_hall_area', 60, '平方米', '2019-05-20', '公共法律服务工作站建成启用'),
      attr('legal_service_hall_area', 106, '平方米', '2024-09-20', '大厅升级改造完成，增设调解室和自助服务区'),
      typo,
      attr('legal_service_hall_area', 118, '平方米', '2025-01-20', '增设法律援助接待室后重新测量'),
      attr('mediators_count', 6, '人', '2021-01-01', null),
      attr('mediators_count', 8, '人', '2023-07-01', '新增物业、交通事故专业调解员'),
      attr('legal_counsel_count', 2, '人', '2020-01-01', '常年法律顾问'),
      attr('law_committee_members', 17, '人', '2022-03-15', '全面依法治街委员会成立'),
      attr('law_committee_members', 19, '人', '2023-04-10', '调整成员名单'),
      attr('law_committee_members', 21, '人', '2024-04-08', '因机构改革调整成员名单'),
    ],
  };
}
