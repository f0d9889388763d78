import { orgUnitKinds } from '@fazhi/domain';

/** The org commands' usage, apart from their code: the CLI's help lists it without loading the database code. */
export const orgsUsage = `fazhi orgs list --db URL [--as 邮箱]
fazhi orgs add --db URL --parent 机构 --kind 类型 --name 名称 [--short-name 简称] [--code 编号] [--ledger-from 日期] [--ledger-to 日期] [--reason 理由] [--as 邮箱]
fazhi orgs move --db URL --org 机构 --parent 新上级机构 --reason 理由 [--as 邮箱]
fazhi orgs retire --db URL --org 机构 --reason 理由 [--as 邮箱]      有记录的机构停用，没有任何记录的删除
fazhi setup --db URL --file 机构设置.json|组织机构.xlsx [--admin 邮箱]   空数据库的首次设置（建立本单位）
  机构：编号、机构编号（code）、全称或简称；类型：${orgUnitKinds.map((k) => `${k.id}（${k.label}）`).join('、')}
  --as 邮箱或账号编号：以该用户的身份和权限办理（街道管理员限本街道，区督导员限本区）；不指定则以数据库管理员身份办理
  setup 用 组织机构.xlsx（fazhi export --all 写出）时，首位管理员用 --admin 指定邮箱，密码取自环境变量 FAZHI_ADMIN_PASSWORD`;
