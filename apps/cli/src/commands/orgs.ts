import { asUser, orgSetupUnitsFromSheet, setUpOrganisation, sqlOrgStore, type Database, type OrgKind, type OrgSetup, type OrgStore, type OrgUnitRow } from '@fazhi/db';
import { orgUnitKinds } from '@fazhi/domain';
import { readOrgTree } from '@fazhi/ledger';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.js';
import type { Output } from '../io.js';
import { findOrg } from '../org-option.js';
import { userIdOf } from '../user-option.js';
import { pathsIn } from '../model-options.js';
import { withDatabase } from './db.js';
import { orgsUsage } from './orgs-usage.js';

export { orgsUsage };

/**
 * `fazhi orgs list|add|move|retire` and `fazhi setup`: the org tree for operators, through the same
 * database functions the console calls (20261205090200_org_units_managed.sql), so the same rules
 * hold. Without `--as` the CLI acts as the database's operator (every unit); with `--as EMAIL` as
 * that user, under their grants.
 */


const options = {
  db: { type: 'string' },
  as: { type: 'string' },
  org: { type: 'string' },
  parent: { type: 'string' },
  kind: { type: 'string' },
  name: { type: 'string' },
  'short-name': { type: 'string' },
  code: { type: 'string' },
  'ledger-from': { type: 'string' },
  'ledger-to': { type: 'string' },
  reason: { type: 'string' },
  file: { type: 'string' },
  admin: { type: 'string' },
} as const;

/** The options, with `--db pglite:DIR` and `--file` relative to the working directory. */
function parse(argv: readonly string[], cwd: string) {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { ...parsed, values: pathsIn(parsed.values, cwd) };
  } catch (e) {
    const opt = /'([^']+)'/.exec((e as Error).message)?.[1] ?? '';
    throw new CliError(`参数有误：${opt ? `选项 ${opt.split(' ')[0]} 不认识或缺少取值` : (e as Error).message}\n\n${orgsUsage}`, 2);
  }
}

const required = (value: string | undefined, flag: string): string => {
  if (!value?.trim()) throw new CliError(`请用 ${flag} 指定${flag === '--reason' ? '理由' : '取值'}\n\n${orgsUsage}`, 2);
  return value.trim();
};

function kindOf(text: string): OrgKind {
  const kind = orgUnitKinds.find((k) => k.id === text || k.label === text)?.id;
  if (!kind) throw new CliError(`机构类型“${text}”无效，应为 ${orgUnitKinds.map((k) => `${k.id}（${k.label}）`).join('、')}`, 2);
  return kind;
}

const kindLabel = (kind: OrgKind) => orgUnitKinds.find((k) => k.id === kind)?.label ?? kind;

/** The tree as indented lines: name, kind, code, 建账起止, 已停用. */
export function orgTreeText(units: readonly OrgUnitRow[]): string {
  const ids = new Set(units.map((u) => u.id));
  const children = (parent: string | null) => units.filter((u) => (u.parentId && ids.has(u.parentId) ? u.parentId : null) === parent);
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children(parent)) {
      const span = u.ledgerFrom ? `建账 ${u.ledgerFrom} 至 ${u.ledgerTo ?? '今'}` : '';
      const extras = [kindLabel(u.kind), u.code ? `编号 ${u.code}` : '', span, u.retiredAt ? `已停用 ${u.retiredAt.slice(0, 10)}` : ''].filter(Boolean);
      lines.push(`${'  '.repeat(depth)}${u.name}（${extras.join('，')}）  ${u.id}`);
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines.length ? `${lines.join('\n')}\n` : '数据库中还没有机构（fazhi setup 建立本单位）\n';
}

/** The store as the operator, or as the user `--as` names. */
async function storeFor(db: Database, as: string | undefined): Promise<OrgStore> {
  if (!as) return sqlOrgStore((fn) => db.transaction(fn));
  const userId = await userIdOf(db, as, '--as');
  return sqlOrgStore((fn) => asUser(db, { userId }, fn));
}

export async function runOrgs(argv: readonly string[], out: Output, cwd: string): Promise<void> {
  const { values, positionals } = parse(argv, cwd);
  const [action, ...rest] = positionals;
  if (rest.length) throw new CliError(`多余的参数：${rest.join(' ')}`, 2);
  if (!action || !['list', 'add', 'move', 'retire'].includes(action)) throw new CliError(`请指定 orgs 的操作：list、add、move 或 retire\n\n${orgsUsage}`, 2);
  await withDatabase(values.db, async (db) => {
    const store = await storeFor(db, values.as);
    const units = await store.list();
    if (action === 'list') {
      out.stdout(orgTreeText(units));
      return;
    }
    if (action === 'add') {
      const parent = findOrg(units, required(values.parent, '--parent'), { option: '--parent' });
      const added = await store.add({
        parentId: parent.id,
        kind: kindOf(required(values.kind, '--kind')),
        name: required(values.name, '--name'),
        shortName: values['short-name'] ?? null,
        code: values.code ?? null,
        ledgerFrom: values['ledger-from'] ?? null,
        ledgerTo: values['ledger-to'] ?? null,
      });
      out.stdout(`已新增机构“${added.name}”（${kindLabel(added.kind)}，上级“${parent.name}”）：${added.id}\n`);
      return;
    }
    const unit = findOrg(units, required(values.org, '--org'));
    const reason = required(values.reason, '--reason');
    if (action === 'move') {
      const parent = findOrg(units, required(values.parent, '--parent'), { option: '--parent' });
      await store.move(unit.id, parent.id, reason);
      out.stdout(`已把机构“${unit.name}”移到“${parent.name}”之下\n`);
      return;
    }
    await store.retire(unit.id, reason);
    const still = (await store.list()).some((u) => u.id === unit.id);
    out.stdout(still ? `已停用机构“${unit.name}”（其记录保留，可查阅）\n` : `机构“${unit.name}”没有任何记录，已删除\n`);
  });
}

/** The first-run document from `--file`: JSON as is, or an org sheet plus `--admin` and FAZHI_ADMIN_PASSWORD. */
async function setupFrom(file: string, admin: string | undefined, env: NodeJS.ProcessEnv): Promise<OrgSetup> {
  const bytes = await readFile(file);
  if (/\.xlsx$/i.test(file)) {
    const tree = await readOrgTree(new Uint8Array(bytes), file);
    if (tree.errors.length) throw new CliError(tree.errors.join('\n'));
    const password = env.FAZHI_ADMIN_PASSWORD ?? '';
    if (!admin || !password) throw new CliError('用组织机构表建立本单位时，请用 --admin 指定首位管理员的邮箱，并在环境变量 FAZHI_ADMIN_PASSWORD 中给出其初始密码', 2);
    return { units: orgSetupUnitsFromSheet(tree.units), admin: { email: admin, password } };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new CliError(`机构设置文件“${file}”不是有效的 JSON：${(e as Error).message}`);
  }
  const setup = doc as OrgSetup;
  // The password may stay out of the file: FAZHI_ADMIN_PASSWORD gives it; --admin names the e-mail.
  if (setup && typeof setup === 'object') {
    const given: Partial<OrgSetup['admin']> = setup.admin ?? {};
    setup.admin = { ...given, email: admin ?? given.email ?? '', password: given.password ?? env.FAZHI_ADMIN_PASSWORD ?? '' };
  }
  return setup;
}

export async function runSetup(argv: readonly string[], out: Output, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values, positionals } = parse(argv, cwd);
  if (positionals.length) throw new CliError(`多余的参数：${positionals.join(' ')}`, 2);
  const setup = await setupFrom(required(values.file, '--file'), values.admin, env);
  await withDatabase(values.db, async (db) => {
    const result = await db.transaction((tx) => setUpOrganisation(tx, setup));
    out.stdout(`已建立本单位：${result.unitIds.length} 个机构，首位管理员 ${setup.admin.email.trim().toLowerCase()}（可在控制台登录）\n`);
  });
}
