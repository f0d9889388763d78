import type { ConsoleUser } from '@fazhi/plugin-sdk';

/**
 * Units a user can look at as a whole on dashboards: the district and street units among what
 * they may read, top first (a supervisor gets the district and each street; a street's staff their street).
 */
export function scopeUnits(user: ConsoleUser) {
  const byId = new Map(user.orgs.map((o) => [o.id, o]));
  const depth = (id: string) => {
    let d = 0;
    for (let cur = byId.get(id); cur?.parentId && byId.has(cur.parentId); cur = byId.get(cur.parentId)) d++;
    return d;
  };
  return user.orgs
    .filter((o) => o.kind === 'district' || o.kind === 'street' || o.kind === 'town')
    .map((o) => ({ ...o, depth: depth(o.id) }))
    .sort((a, b) => a.depth - b.depth);
}

/** Where the dashboard opens: the unit chosen last time if still readable, else the user's own top unit. */
export function initialScope(user: ConsoleUser, remembered: string | null): string | undefined {
  const units = scopeUnits(user);
  if (remembered && units.some((u) => u.id === remembered)) return remembered;
  const own = new Set(user.memberships.map((m) => m.orgId));
  return (units.find((u) => own.has(u.id)) ?? units[0])?.id;
}
