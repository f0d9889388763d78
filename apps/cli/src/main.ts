import { isIsoDate, parsePeriod, todayInShanghai, yearPeriod, type Period } from '@fazhi/domain';
import type { FazhiModel } from '@fazhi/model';
import type { BundledConfig } from '@fazhi/model/node';
import { narrativeKeys, narrativeSkeleton } from '@fazhi/report';
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';
import type { LedgerOptions } from './commands/ledger.js';
import { orgsUsage } from './commands/orgs-usage.js';
import { modelFor, pathsIn, templateCommands } from './model-options.js';
import { fileSystemErrorMessage, processOutput, terminalText, writeFileAtomic, type Output } from './io.js';
import { openSource, type RecordSource } from './source.js';

export const usage = `用法：fazhi <命令> [选项]

命令：
  report     生成法治政府建设年度报告
  metrics    计算并输出全部指标（含分子、分母和同比）
  narrative  生成空白叙述文件（报告中需要人工撰写的段落）
  db         数据库：db migrate 应用迁移；db seed 导入数据集并创建演示账号；db generate 生成模型变化的迁移
  import     导入 Excel/CSV 台账（.xlsx、.csv，UTF-8 或 GBK）：逐行校验，全部写入或全部不写
  export     导出一类记录为 Excel（.xlsx）或 CSV 台账
  template   生成一类记录的 Excel 导入模板
  members    成员与权限：members list 列出成员和邀请；invite 邀请、withdraw 撤回邀请；grant 授权、revoke 撤销；deactivate 停用、activate 启用
  orgs       机构：orgs list 列出机构树；orgs add、move、retire 新增、移动、停用机构
  setup      空数据库的首次设置（建立本单位）：机构树与首位管理员

通用选项：
  --config FILE    配置文件（插件与报告模板），默认为当前目录下的 fazhi.config.ts、.mts、.js、.mjs 或 .json
  --template FILE  report、narrative：本次使用的报告模板文件（.json 或导出模板的模块），代替配置中的模板；
                   report --db 不指定时使用数据库中该单位保存的模板（如有）
  --dataset DIR    数据集目录（如 seeds/nansha-2024）
  --db URL         数据库（report、metrics 可代替 --dataset）：postgres://…、pglite:目录、pglite:备份文件.fazhi-backup（只读）或 pglite:memory
  --dir DIR        db generate：Supabase 目录（含 migrations/ 与 model-snapshot.json），默认 supabase；
                   import --all：fazhi export --all 写出的目录
  --year YYYY      统计年度；metrics 也可用 --period 2024Q1 或 2024-03
  --org ID|名称    机构（编号、机构编号、全称或简称），默认为数据集的根机构
  --format F       report：markdown | html | docx；metrics：json | table
  --out FILE       输出文件（docx 必填；其余默认输出到标准输出）
  --narrative FILE 叙述文件（默认使用数据集 narrative/<年度>.md）
  --frozen         report --db：使用该单位该年度定稿时冻结的数字（而不是当前的数字）
  --only PREFIX    metrics 只输出编号以此开头的指标，可重复
  --today DATE     以该日期（YYYY-MM-DD）为“今天”：未结束的期间统计到前一天，并与上年同期比较；
                   默认为北京时间的当天（用于重现某一天的输出）
  --kind KIND      import、export、template：记录类型（如 mediation_cases，或其中文名称）
  --file FILE      import：要导入的 .xlsx 或 .csv 文件
  --map 表头=字段  import：把文件中的某个表头对应到字段（字段名或中文名称），可重复
  --on-duplicate M import：编号重复（文件内或本街道已有）时 skip 跳过、update 更新或 stop 停止（默认）
  --dry-run        import：只读取和校验，不写入数据库
  --skip-invalid   import：跳过有错误的行，只导入有效的行
  --all            export：每类记录写成 --out 目录下的 <类型>.xlsx，另写 组织机构.xlsx；
                   import：把这样的目录（--dir）整个导入空数据库（含机构），一个事务，全部或全不
  --unmasked       export：个人信息（姓名、电话、身份证号）照原文导出；默认打码
  --email、--user、--role、--areas、--personal-data、--days、--reason、--as
                   members：见 fazhi members（不带子命令）显示的用法
  -h, --help       显示帮助

示例：
  fazhi report --dataset seeds/nansha-2024 --year 2024 --format docx --out 报告.docx
  fazhi metrics --dataset seeds/nansha-2024 --year 2024 --format table
  fazhi db seed --db pglite:./data --dataset seeds/nansha-2024
  fazhi metrics --db pglite:./data --year 2024
  fazhi import --db pglite:./data --kind mediation_cases --file 调解台账.xlsx --on-duplicate skip
  fazhi export --db pglite:./data --kind hotline_tickets --year 2024 --out 热线工单.xlsx
  fazhi template --kind mediation_cases --out 调解案件导入模板.xlsx
  fazhi export --db pglite:./data --all --unmasked --out 台账备份
  fazhi import --db pglite:./新库 --all --dir 台账备份
  fazhi members invite --db postgres://… --email li@example.cn --org 南沙街道 --role clerk --areas 人民调解 --reason 新调解员
  fazhi report --config ../街道/fazhi.config.ts --template 模板.json --dataset seeds/nansha-2024 --year 2024

机构（orgs、setup）：
${orgsUsage.replace(/^/gm, '  ')}

配置文件与报告模板的格式见 docs/configuration.md。
`;

const options = {
  config: { type: 'string' },
  template: { type: 'string' },
  dataset: { type: 'string' },
  db: { type: 'string' },
  dir: { type: 'string' },
  year: { type: 'string' },
  period: { type: 'string' },
  org: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  narrative: { type: 'string' },
  frozen: { type: 'boolean' },
  only: { type: 'string', multiple: true },
  today: { type: 'string' },
  kind: { type: 'string' },
  file: { type: 'string' },
  map: { type: 'string', multiple: true },
  'on-duplicate': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  all: { type: 'boolean' },
  unmasked: { type: 'boolean' },
  // members
  email: { type: 'string' },
  user: { type: 'string' },
  role: { type: 'string' },
  areas: { type: 'string' },
  'personal-data': { type: 'boolean' },
  days: { type: 'string' },
  reason: { type: 'string' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as { code?: string; message: string };
    const opt = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new CliError(`未知的选项 ${opt}\n\n${usage}`, 2);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new CliError(`选项 ${opt.split(' ')[0]} 缺少取值`, 2);
    throw new CliError(`参数有误：${err.message}`, 2);
  }
}

function periodFrom(values: { year?: string | undefined; period?: string | undefined }): Period {
  if (values.year && values.period) throw new CliError('--year 与 --period 只能选一个', 2);
  const text = values.year ?? values.period;
  if (!text) throw new CliError('请用 --year 指定统计年度，如 --year 2024', 2);
  if (values.year && !/^\d{4}$/.test(values.year)) throw new CliError(`--year 应为四位年份，收到“${values.year}”`, 2);
  try {
    return values.year ? yearPeriod(Number(values.year)) : parsePeriod(text);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
}

/** `--today`, or the date now in Asia/Shanghai (the office's calendar day). */
function todayFrom(value: string | undefined): string {
  if (value === undefined) return todayInShanghai();
  if (!isIsoDate(value)) throw new CliError(`--today 应为 YYYY-MM-DD 格式的实际日期，收到“${value}”`, 2);
  return value;
}

/** Opens the records (`--dataset` or `--db`), runs `fn`, and releases the source however it ends. */
async function withSource(values: { dataset?: string | undefined; db?: string | undefined }, out: Output, model: FazhiModel, fn: (source: RecordSource) => Promise<void>): Promise<void> {
  const source = await openSource(values, out, model);
  try {
    await fn(source);
  } finally {
    await source.close?.();
  }
}

/**
 * Excel/CSV ledgers in and out (@fazhi/ledger). Each command's module is imported when it runs:
 * a report never loads the Excel, DOCX or database code.
 */
const ledgerCommands = ['import', 'export', 'template'];

export interface MainOptions {
  /** The working directory: where `fazhi.config.*` is looked for and relative paths start (the process's by default). */
  cwd?: string;
  /** The repository's config compiled into the quick entry (scripts/fazhi.mjs): used when it is the config found. */
  bundledConfig?: BundledConfig;
}

/** Runs one CLI invocation; returns the exit code. Errors for people are printed, never thrown. */
export async function main(argv: readonly string[], out: Output = processOutput, options: MainOptions = {}): Promise<number> {
  try {
    const cwd = options.cwd ?? process.cwd();
    // The org commands take options of their own (commands/orgs.ts); paths are the working directory's.
    if (argv[0] === 'orgs' || argv[0] === 'setup') {
      const { runOrgs, runSetup } = await import('./commands/orgs.js');
      if (argv[0] === 'orgs') await runOrgs(argv.slice(1), out, cwd);
      else await runSetup(argv.slice(1), out, cwd);
      return 0;
    }
    const parsed = parse(argv);
    const values = pathsIn(parsed.values, cwd);
    const [command, ...rest] = parsed.positionals;
    if (values.help || !command || command === 'help') {
      out.stdout(usage);
      return command || values.help ? 0 : 2;
    }
    if (command === 'db') {
      if (rest.length > 1) throw new CliError(`多余的参数：${rest.slice(1).join(' ')}`, 2);
      // `db generate` writes into ./supabase of the working directory unless --dir says otherwise.
      const { runDb } = await import('./commands/db.js');
      await runDb(rest[0], { ...values, dir: values.dir ?? pathsIn({ dir: 'supabase' }, cwd).dir }, out, await modelFor(command, values, cwd, options.bundledConfig));
      return 0;
    }
    if (command === 'members') {
      if (rest.length > 1) throw new CliError(`多余的参数：${rest.slice(1).join(' ')}`, 2);
      const { email, user, role, areas, days, reason, as } = values;
      const { runMembers } = await import('./commands/members.js');
      await runMembers(rest[0], { db: values.db, org: values.org, email, user, role, areas, personalData: values['personal-data'], days, reason, as }, out);
      return 0;
    }
    if (rest.length) throw new CliError(`多余的参数：${rest.join(' ')}`, 2);
    if (ledgerCommands.includes(command)) {
      const model = await modelFor(command, values, cwd, options.bundledConfig);
      const { runExport, runImport, runTemplate } = await import('./commands/ledger.js');
      const opts: LedgerOptions = { db: values.db, kind: values.kind, file: values.file, out: values.out, org: values.org, year: values.year, map: values.map, onDuplicate: values['on-duplicate'], dryRun: values['dry-run'], skipInvalid: values['skip-invalid'], all: values.all, dir: values.dir, unmasked: values.unmasked };
      if (command === 'import') return await runImport(opts, out, model);
      if (command === 'export') await runExport(opts, out, model);
      else await runTemplate(opts, out, model);
      return 0;
    }
    if (![...templateCommands, 'metrics'].includes(command)) throw new CliError(`未知的命令“${command}”\n\n${usage}`, 2);
    // The composed model every command works with (built-ins plus the configured extensions).
    const model = await modelFor(command, values, cwd, options.bundledConfig);
    switch (command) {
      case 'report': {
        const { frozenNeedsDb, runReport } = await import('./commands/report.js');
        if (values.frozen && !values.db) throw new CliError(frozenNeedsDb, 2);
        const opts = { org: values.org, period: periodFrom(values), today: todayFrom(values.today), format: values.format ?? 'markdown', out: values.out, narrative: values.narrative, templateGiven: values.template !== undefined, frozen: values.frozen ?? false };
        await withSource(values, out, model, (source) => runReport(source, opts, out, model));
        return 0;
      }
      case 'metrics': {
        const { runMetrics } = await import('./commands/metrics.js');
        const opts = { org: values.org, period: periodFrom(values), today: todayFrom(values.today), format: values.format ?? 'table', ...(values.only ? { only: values.only } : {}) };
        await withSource(values, out, model, (source) => runMetrics(source, opts, out, model));
        return 0;
      }
      case 'narrative': {
        const text = narrativeSkeleton(narrativeKeys(model.template));
        if (values.out) writeFileAtomic(values.out, text);
        else out.stdout(text);
        return 0;
      }
      default:
        throw new CliError(`未知的命令“${command}”\n\n${usage}`, 2);
    }
  } catch (e) {
    // Messages quote paths and data values: escaped here, once, so none can drive the terminal.
    if (e instanceof CliError) {
      out.stderr(`错误：${terminalText(e.message)}\n`);
      return e.exitCode;
    }
    const fileProblem = fileSystemErrorMessage(e);
    if (fileProblem) {
      out.stderr(`错误：${terminalText(fileProblem)}\n`);
      return 1;
    }
    out.stderr(`内部错误：${terminalText((e as Error).stack ?? String(e))}\n`);
    return 1;
  }
}
