import type { OrgUnit } from '@fazhi/domain';
import { CliError } from './cli-error.js';

export interface FindOrgOptions {
  /** The option named in messages: `--org` by default, `--parent` for a new unit's parent. */
  option?: string;
  /** Where to look when nothing matches: how to list the units. */
  unknownHint?: string;
}

const listHint = 'fazhi orgs list --db … 列出全部机构';

/**
 * The unit an option such as `--org` names, for every command alike (report, metrics, import,
 * export, members, orgs): by id or 机构编号 (code), then by full or short name, then by the
 * beginning of one (金沙 for 金沙社区). Several units answering is refused with their ids, never
 * guessed; nothing answering names where to look.
 */
export function findOrg<T extends OrgUnit>(units: readonly T[], wanted: string, opts: FindOrgOptions = {}): T {
  const option = opts.option ?? '--org';
  const key = wanted.trim();
  if (!key) throw new CliError(`${option}：请写机构的编号、机构编号、全称或简称`, 2);
  const byKey = units.find((u) => u.id === key || (u.code != null && u.code === key));
  if (byKey) return byKey;
  const names = (u: T) => [u.name, u.shortName ?? ''].filter(Boolean);
  const exact = units.filter((u) => names(u).includes(key));
  const found = exact.length ? exact : units.filter((u) => names(u).some((n) => n.startsWith(key)));
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const choices = found.map((u) => `${u.name}（${u.id}${u.code ? `，机构编号 ${u.code}` : ''}）`).join('、');
    throw new CliError(`${option}：“${key}”对应 ${found.length} 个机构，请改用编号或全称：${choices}`, 2);
  }
  throw new CliError(`${option}：找不到机构“${key}”（可写编号、机构编号、全称或简称；${opts.unknownHint ?? listHint}）`, 2);
}
