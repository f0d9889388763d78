// Data only (no node: imports): the console's sign-in page lists these in the browser.
export type DemoRole = 'supervisor' | 'admin' | 'clerk' | 'viewer';

export interface DemoMembership {
  /** Which of the seed's units: the district (supervisors) or the street (everyone else). */
  at: 'district' | 'street';
  role: DemoRole;
  areas: readonly string[];
  personalData: boolean;
}

export interface DemoAccount {
  id: string;
  email: string;
  displayName: string;
  memberships: readonly DemoMembership[];
}

/** The password of every demo account (they exist only in demo and test databases). */
export const demoPassword = 'fazhi-demo-2024';

/** A clerk of one work area and nothing else: reads and writes that area only (docs/database.md, roles). */
const areaClerk = <const Area extends string, const Email extends string>(n: number, area: Area, email: Email, label: string) =>
  ({
    id: `de000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email,
    displayName: `${label}经办人（演示）`,
    memberships: [{ at: 'street', role: 'clerk', areas: [area], personalData: false }],
  }) as const;

/**
 * One demo account per role of docs/database.md, on the seed's district and street, and one clerk
 * per work area of @fazhi/domain (`workAreas`) with exactly that area's grants (legal aid's clerk
 * also holds a viewer membership: the documented way to let a clerk read other areas). The
 * console's embedded mode lists them on its sign-in page; tests sign in as them. Ids are stable:
 * new accounts take the next number.
 */
export const demoAccounts = [
  {
    id: 'de000000-0000-4000-8000-000000000001',
    email: 'supervisor@demo.fazhi.example',
    displayName: '区督导员（演示）',
    memberships: [{ at: 'district', role: 'supervisor', areas: [], personalData: false }],
  },
  {
    id: 'de000000-0000-4000-8000-000000000002',
    email: 'admin@demo.fazhi.example',
    displayName: '街道管理员（演示，可查看个人信息）',
    memberships: [{ at: 'street', role: 'admin', areas: [], personalData: true }],
  },
  {
    id: 'de000000-0000-4000-8000-000000000003',
    email: 'mediation@demo.fazhi.example',
    displayName: '人民调解经办人（演示）',
    memberships: [{ at: 'street', role: 'clerk', areas: ['mediation'], personalData: false }],
  },
  {
    id: 'de000000-0000-4000-8000-000000000004',
    email: 'legal-aid@demo.fazhi.example',
    displayName: '法律援助经办人（演示，其他领域只读）',
    memberships: [
      { at: 'street', role: 'clerk', areas: ['legal_aid'], personalData: false },
      { at: 'street', role: 'viewer', areas: [], personalData: false },
    ],
  },
  {
    id: 'de000000-0000-4000-8000-000000000005',
    email: 'viewer@demo.fazhi.example',
    displayName: '查看者（演示）',
    memberships: [{ at: 'street', role: 'viewer', areas: [], personalData: false }],
  },
  areaClerk(6, 'enforcement', 'enforcement@demo.fazhi.example', '行政执法'),
  areaClerk(7, 'legality_review', 'legality-review@demo.fazhi.example', '合法性审查'),
  areaClerk(8, 'admin_disputes', 'admin-disputes@demo.fazhi.example', '行政争议'),
  areaClerk(9, 'publicity', 'publicity@demo.fazhi.example', '普法宣传'),
  areaClerk(10, 'rectification', 'rectification@demo.fazhi.example', '问题整改'),
  areaClerk(11, 'public_service', 'public-service@demo.fazhi.example', '政务服务'),
  areaClerk(12, 'leadership', 'leadership@demo.fazhi.example', '党政主要负责人履职'),
  areaClerk(13, 'business_env', 'business-env@demo.fazhi.example', '法治化营商环境'),
  areaClerk(14, 'organisation', 'organisation@demo.fazhi.example', '机构概况'),
] as const satisfies readonly DemoAccount[];
