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
      ...reportedElsewhere(ctx),
    ],
  };
}

/** Attributes other streets and towns report (覆盖率, 持证率, 网格 …), from a stream of their own. */
function reportedElsewhere(ctx: GenContext): Draft<typeof orgAttributes>[] {
  const rng = ctx.rng('organisation-more');
  const street = ctx.orgs.street.id;
  const attr = (attribute: Draft<typeof orgAttributes>['attribute'], value: number, unit: string, effectiveOn: string, note: string | null): Draft<typeof orgAttributes> => ({
    ...base(rng, street),
    attribute,
    value,
    unit,
    effectiveOn,
    note,
  });
  return [
    attr('villages_count', 10, '个', '2019-01-01', '辖区10个社区'),
    attr('villages_with_counsel', 8, '个', '2022-01-01', null),
    attr('villages_with_counsel', 10, '个', '2024-03-01', '实现社区法律顾问全覆盖'),
    attr('villages_with_liaison', 10, '个', '2023-05-01', '每个社区配备1名法治联络员'),
    attr('enforcement_staff_count', 41, '人', '2023-01-01', null),
    attr('enforcement_staff_count', 43, '人', '2024-01-01', null),
    attr('law_officers_fulltime', 3, '人', '2022-06-01', '司法所专职人员'),
    attr('law_officers_parttime', 12, '人', '2023-03-01', '各部门、社区兼职法治员'),
    attr('grid_cells', 96, '个', '2021-01-01', null),
    attr('grid_cells', 102, '个', '2024-05-01', '网格优化调整'),
    attr('grid_workers', 118, '人', '2023-01-01', null),
    attr('law_assessment_weight', 5, '%', '2023-01-01', '法治建设在街道年度综合考核中的分值权重'),
    attr('public_lawyers_count', 2, '人', '2023-09-01', null),
  ];
}
