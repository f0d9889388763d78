/**
 * Work areas (工作领域). Record kinds belong to exactly one area; area clerks are granted areas,
 * and the report template groups figures by area.
 */
export const workAreas = [
  { id: 'leadership', label: '党政主要负责人履职', labelEn: 'Leadership duty' },
  { id: 'legality_review', label: '合法性审查', labelEn: 'Legality review' },
  { id: 'admin_disputes', label: '行政争议', labelEn: 'Administrative disputes' },
  { id: 'enforcement', label: '行政执法', labelEn: 'Enforcement' },
  { id: 'mediation', label: '人民调解', labelEn: 'Mediation' },
  { id: 'legal_aid', label: '法律援助', labelEn: 'Legal aid' },
  { id: 'publicity', label: '普法宣传', labelEn: 'Publicity' },
  { id: 'business_env', label: '法治化营商环境', labelEn: 'Business environment' },
  { id: 'public_service', label: '政务服务', labelEn: 'Public service' },
  { id: 'rectification', label: '问题整改', labelEn: 'Rectification' },
  { id: 'organisation', label: '机构概况', labelEn: 'Organisation' },
] as const;

export type BuiltInWorkAreaId = (typeof workAreas)[number]['id'];
/** Third-party areas may use their own ids; built-in ones are listed in `workAreas`. */
export type WorkAreaId = BuiltInWorkAreaId | (string & {});

export function workAreaLabel(id: WorkAreaId): string {
  return workAreas.find((a) => a.id === id)?.label ?? id;
}
