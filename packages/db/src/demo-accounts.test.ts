import { workAreas } from '@fazhi/domain';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from './demo-accounts.js';

// The sign-in page loads this file alone, so it keeps its own area labels; this test holds them
// to @fazhi/domain's work areas.
describe('demo accounts', () => {
  it('has exactly one clerk per work area, named after it, whose clerk grant is that area alone', () => {
    for (const area of workAreas) {
      const clerks = demoAccounts.filter((a) => a.memberships.some((m) => m.role === 'clerk' && (m.areas as readonly string[]).includes(area.id)));
      expect(clerks.map((a) => a.memberships.filter((m) => m.role === 'clerk').map((m) => [...m.areas])), area.id).toEqual([[[area.id]]]);
      expect(clerks[0]!.displayName.startsWith(`${area.label}经办人`), clerks[0]!.displayName).toBe(true);
      expect(clerks[0]!.email).toBe(`${area.id.replace(/_/g, '-')}@demo.fazhi.example`);
    }
  });

  it('has unique ids and e-mails', () => {
    expect(new Set(demoAccounts.map((a) => a.id)).size).toBe(demoAccounts.length);
    expect(new Set(demoAccounts.map((a) => a.email)).size).toBe(demoAccounts.length);
  });
});
