import type { Database } from '@fazhi/db';
import { CliError } from './cli-error.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The account an option such as `--as` or `--user` names, for every command alike (members,
 * orgs): by id or e-mail (case-insensitive), read as the owner: the API roles cannot read auth.users.
 */
export async function userIdOf(db: Database, wanted: string, option: string): Promise<string> {
  const byId = uuid.test(wanted.trim());
  const found = await db.query<{ id: string }>(byId ? 'select id from auth.users where id = $1' : 'select id from auth.users where lower(email) = lower($1)', [wanted.trim()]);
  const id = found.rows[0]?.id;
  if (!id) throw new CliError(`${option}：没有${byId ? '编号' : '邮箱'}为“${wanted}”的账号${option === '--user' ? '；新成员请用 fazhi members invite 邀请' : ''}`, 2);
  return id;
}
