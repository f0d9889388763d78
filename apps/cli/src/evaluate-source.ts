import type { OrgUnit, Period } from '@fazhi/domain';

export function orgDisplayName(org: OrgUnit): string {
  return org.shortName || org.name;
}

export type { Period };
