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

/**
 * One demo account per role of docs/database.md, on the seed's district and street. The console's
 * embedded mode lists them on its sign-in page; tests sign in as them.
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
] as const satisfies readonly DemoAccount[];
