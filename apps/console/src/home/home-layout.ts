import type { ConsoleUser, WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { hasRight } from '@fazhi/plugin-sdk/host';

/** The indicators of a plugin's dashboard cards, in its order. */
export const headline = (p: WorkAreaPlugin): string[] => (p.dashboard ?? []).flatMap((w) => (w.type === 'indicator-card' ? [w.indicator] : []));

/**
 * What the home page shows a user for a unit: every plugin, those the user writes in there first,
 * and the indicators of their cards (each once). Shared with the demo build, which computes the
 * demo accounts' first figures ahead (scripts/shipped-homes.ts).
 */
export function homeLayout(plugins: readonly WorkAreaPlugin[], user: ConsoleUser, orgId: string | undefined): { ordered: WorkAreaPlugin[]; ids: string[] } {
  const ordered = [...plugins].sort((a, b) => Number(hasRight(user, 'write', b.area, orgId)) - Number(hasRight(user, 'write', a.area, orgId)));
  return { ordered, ids: [...new Set(ordered.flatMap(headline))] };
}
