import type { OrgUnit } from '@fazhi/domain';
import { normalizeText } from './normalize.js';

export type OrgMatch = { ok: true; unit: OrgUnit } | { ok: false; message: string };

/**
 * The unit a ledger's 所属单位 cell names: its full or short name exactly, else the one unit whose
 * name begins with the text (金沙 for 金沙社区). Two candidates is an error naming both, never a guess.
 */
export function matchOrg(orgs: readonly OrgUnit[], text: string): OrgMatch {
  // A ledger names the same few units row after row: each text is matched once per org tree.
  let known = matchesByTree.get(orgs);
  if (!known) matchesByTree.set(orgs, (known = { names: new Map(orgs.map((u) => [u, [u.name, u.shortName ?? ''].filter(Boolean).map(normalizeText)])), matches: new Map() }));
  let match = known.matches.get(text);
  if (!match) known.matches.set(text, (match = matchName(orgs, known.names, text)));
  return match;
}

const matchesByTree = new WeakMap<readonly OrgUnit[], { names: Map<OrgUnit, string[]>; matches: Map<string, OrgMatch> }>();

function matchName(orgs: readonly OrgUnit[], normalizedNames: Map<OrgUnit, string[]>, text: string): OrgMatch {
  const t = normalizeText(text);
  const names = (u: OrgUnit) => normalizedNames.get(u)!;
  const exact = orgs.filter((u) => names(u).includes(t));
  if (exact.length === 1) return { ok: true, unit: exact[0]! };
  const candidates = exact.length > 1 ? exact : orgs.filter((u) => names(u).some((n) => n.startsWith(t)));
  if (candidates.length === 1) return { ok: true, unit: candidates[0]! };
  if (candidates.length > 1) return { ok: false, message: `单位“${text}”对应多个机构：${candidates.map((u) => u.name).join('、')}，请写全称` };
  return { ok: false, message: `单位“${text}”不在机构列表中，请写机构全称或简称` };
}
