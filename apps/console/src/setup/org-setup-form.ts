import type { OrgSetup, OrgSetupUnit } from '@fazhi/db/browser';

/** What the 建立本单位 form holds; the lists are one name per line. */
export interface SetupFormValues {
  district?: string;
  streetKind: 'street' | 'town';
  name: string;
  shortName?: string;
  communities?: string;
  committees?: string;
  departments?: string;
  ledgerFrom?: string;
  ledgerTo?: string;
  adminEmail: string;
  adminPassword: string;
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const optional = (text: string | undefined) => text?.trim() || null;

/**
 * The form as the first-run document: the street or town (with 建账起止) and below it its
 * communities (villages under a town), mediation committees and departments, under the district
 * when one is named. `sheetUnits` (from an uploaded 组织机构.xlsx) replaces the units of the form.
 */
export function orgSetupFromForm(v: SetupFormValues, sheetUnits?: OrgSetupUnit[]): OrgSetup {
  const admin = { email: v.adminEmail.trim(), password: v.adminPassword };
  if (sheetUnits) return { units: sheetUnits, admin };
  const street: OrgSetupUnit = {
    kind: v.streetKind,
    name: v.name.trim(),
    shortName: optional(v.shortName),
    ledgerFrom: optional(v.ledgerFrom),
    ledgerTo: optional(v.ledgerTo),
    children: [
      ...lines(v.communities).map((name): OrgSetupUnit => ({ kind: v.streetKind === 'town' ? 'village' : 'community', name })),
      ...lines(v.committees).map((name): OrgSetupUnit => ({ kind: 'mediation_committee', name })),
      ...lines(v.departments).map((name): OrgSetupUnit => ({ kind: 'department', name })),
    ],
  };
  const district = optional(v.district);
  return { units: district ? [{ kind: 'district', name: district, children: [street] }] : [street], admin };
}
