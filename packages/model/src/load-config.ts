import * as domain from '@fazhi/domain';
import * as metrics from '@fazhi/metrics';
import * as report from '@fazhi/report';
import { parseReportTemplate, ReportTemplateError, type ReportTemplate } from '@fazhi/report';
import type { Jiti } from 'jiti';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInModel, composeModel, ModelError, type FazhiModel } from './compose.js';
import type { FazhiConfig } from './config.js';
import type { FazhiExtension } from './extension.js';
import * as model from './index.js';

/** The file names looked for in the working directory, in this order of preference. */
export const configFileNames = ['fazhi.config.ts', 'fazhi.config.mts', 'fazhi.config.js', 'fazhi.config.mjs', 'fazhi.config.json'] as const;

/** The keys a config may have; anything else is a typo to report, not to ignore. */
const configKeys: readonly (keyof FazhiConfig)[] = ['plugins', 'template'];

/** A configured plugin, with where it came from (a bundler turns `module` back into an import). */
export interface LoadedPlugin {
  /** As written in the config (a package name or a relative path), or null for an inline object. */
  specifier: string | null;
  /** The resolved module file, or null for an inline object or a plugin compiled into the host (`bundled`). */
  module: string | null;
  extension: FazhiExtension;
}

export interface LoadedConfig {
  /** The config file read, or null when the working directory has none (the built-in model). */
  file: string | null;
  config: FazhiConfig;
  plugins: readonly LoadedPlugin[];
  /** The template file in force (`--template`, else the config's), or null for an inline or default one. */
  templateFile: string | null;
  model: FazhiModel;
}

export interface LoadConfigOptions {
  /** Where `fazhi.config.*` is looked for (exactly this folder, not its parents) and relative paths start. */
  cwd: string;
  /** `--config FILE`: this file instead of looking in `cwd`; it must exist. */
  file?: string | undefined;
  /** `--template FILE`: a template for this run instead of the config's (relative to `cwd`). */
  template?: string | undefined;
  /**
   * Packages the host has loaded that plugins must share rather than import on their own, by
   * specifier (e.g. the console passes `@fazhi/plugin-sdk`, so a plugin's `definePlugin` is the
   * console's). `@fazhi/model`, `@fazhi/domain`, `@fazhi/metrics` and `@fazhi/report` always are.
   */
  hostModules?: Readonly<Record<string, unknown>> | undefined;
  /**
   * Export conditions plugins are resolved with; by default those the process was started with
   * (`--conditions`), so this repository's `--conditions=fazhi-source` loads a plugin's sources,
   * never a build of it that may be stale or missing.
   */
  conditions?: readonly string[] | undefined;
  /**
   * A config compiled into the host ahead of time (the repository's quick CLI entry): when `file`
   * is the config this run finds, its default export and its plugins' modules (by specifier, as
   * the config names them) are used as they are, and nothing is loaded from disk at run time. A
   * plugin the config names but `plugins` lacks is loaded as usual.
   */
  bundled?: BundledConfig | undefined;
}

export interface BundledConfig {
  file: string;
  config: unknown;
  plugins: Readonly<Record<string, unknown>>;
}

/** A config, plugin or template could not be read or used; the message names the file, in Chinese. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string | null,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the street's configuration and composes the model from it: `fazhi.config.*` in `cwd` (or
 * `--config FILE`), its plugins (objects, or module specifiers whose default export is the
 * extension) and its template (an object, or a `.json`/module file). With no config file this is
 * the built-in model. Every problem is a `ConfigError` naming the file it is in.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = findConfigFile(options);
  const conditions = options.conditions ?? hostConditions(process.execArgv, process.env.NODE_OPTIONS);
  const lazy = file ? lazyLoader(file, options.hostModules, conditions) : null;
  const bundled = file && options.bundled?.file === file ? options.bundled : undefined;
  const config = bundled ? checkConfig(unwrapDefault(bundled.config), file!) : file ? await readConfig(file, lazy!) : {};
  const plugins: LoadedPlugin[] = [];
  for (const [i, entry] of (config.plugins ?? []).entries()) {
    const compiled = typeof entry === 'string' && bundled && Object.hasOwn(bundled.plugins, entry) ? unwrapDefault(bundled.plugins[entry]) : undefined;
    plugins.push(compiled === undefined ? await loadPlugin(entry, i, file!, lazy!, conditions) : checkPlugin(entry as string, null, compiled, i, file!));
  }

  let template: ReportTemplate | undefined;
  let templateFile: string | null = null;
  let templateSource: string | undefined;
  if (options.template !== undefined) {
    templateFile = resolve(options.cwd, options.template);
    template = await readTemplateFile(templateFile, lazyLoader(templateFile, options.hostModules, conditions));
    templateSource = templateFile;
  } else if (typeof config.template === 'string') {
    templateFile = resolve(dirname(file!), config.template);
    template = await readTemplateFile(templateFile, lazy!, file!);
    templateSource = templateFile;
  } else if (config.template !== undefined) {
    templateSource = `${file!} 中的 template`;
    template = checkTemplate(config.template, templateSource, file);
  }

  if (!file && !template) return { file: null, config, plugins, templateFile, model: builtInModel() };
  try {
    const model = composeModel({ extensions: plugins.map((p) => p.extension), ...(template ? { template } : {}), ...(templateSource ? { templateSource } : {}) });
    return { file, config, plugins, templateFile, model };
  } catch (e) {
    if (e instanceof ModelError) throw new ConfigError(file ? `配置文件“${file}”组成的模型有误：\n${e.problems.join('\n')}` : e.message, file ?? templateFile);
    throw e;
  }
}

function findConfigFile({ cwd, file }: LoadConfigOptions): string | null {
  if (file !== undefined) {
    const path = resolve(cwd, file);
    if (!existsSync(path)) throw new ConfigError(`配置文件“${path}”不存在`, path);
    if (!statSync(path).isFile()) throw new ConfigError(`配置文件“${path}”不是文件`, path);
    return path;
  }
  const found = configFileNames.map((n) => resolve(cwd, n)).filter((p) => existsSync(p));
  if (found.length > 1) throw new ConfigError(`目录“${cwd}”中有多个配置文件：${found.map((p) => relative(cwd, p)).join('、')}；请只保留一个，或用 --config 指定`, found[0]!);
  return found[0] ?? null;
}

/**
 * A loader for TypeScript and ESM modules relative to `file`. Configs and plugins import
 * `@fazhi/*` by name: they get the host's own copies (so a kind a plugin declares is checked by
 * the same code that serves it), wherever the config lives and whether or not it installed them.
 */
function lazyLoader(file: string, hostModules: Readonly<Record<string, unknown>> = {}, conditions: readonly string[] = []): () => Promise<Jiti> {
  let loader: Promise<Jiti> | undefined;
  // Loaded on first use: a run without a config, or with JSON files only, does not pay for it.
  return () =>
    (loader ??= import('jiti').then(({ createJiti }) =>
      createJiti(file, {
        // A compiled copy of each TypeScript file, keyed by its content: later runs skip the compiler.
        fsCache: compiledCopies(file),
        moduleCache: false,
        // A console plugin's default export sits beside its pages: TSX when loaded from sources.
        jsx: true,
        // Under export conditions (a workspace run on sources) Node's own import goes first: it
        // resolves a plugin's imports with those conditions too, so the plugin and the host share
        // the same source modules instead of the plugin reaching builds that may be stale. Without
        // conditions (an installed fazhi), the host's copies below are what plugins get.
        tryNative: conditions.length > 0,
        virtualModules: { ...hostModules, '@fazhi/model': model, '@fazhi/domain': domain, '@fazhi/metrics': metrics, '@fazhi/report': report },
      }),
    ));
}

type LazyLoader = ReturnType<typeof lazyLoader>;

/**
 * Where compiled copies of a config's TypeScript (its plugins and template too) are kept: the
 * config folder's node_modules/.cache when it has node_modules, else the user's own cache folder.
 * Never the shared temporary folder (the loader's default): another account could plant a
 * "compiled copy" there under the name the next run looks for.
 */
function compiledCopies(file: string): string {
  const nodeModules = join(dirname(file), 'node_modules');
  if (existsSync(nodeModules)) return join(nodeModules, '.cache', 'fazhi-config');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'fazhi', 'config');
}

async function importDefault(loader: Jiti, specifier: string): Promise<unknown> {
  return unwrapDefault(await loader.import(specifier));
}

/** A module's default export (a module namespace or the value itself). */
function unwrapDefault(mod: unknown): unknown {
  return mod && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : mod;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new ConfigError(`${what}“${path}”无法读取：${(e as Error).message}`, path);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${what}“${path}”不是有效的 JSON：${(e as Error).message}`, path);
  }
}

async function readConfig(file: string, lazy: LazyLoader): Promise<FazhiConfig> {
  let value: unknown;
  if (file.endsWith('.json')) value = readJson(file, '配置文件');
  else {
    try {
      value = await importDefault(await lazy(), file);
    } catch (e) {
      throw new ConfigError(`配置文件“${file}”无法加载：${loaderMessage(e)}`, file);
    }
  }
  return checkConfig(value, file);
}

function checkConfig(value: unknown, file: string): FazhiConfig {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`配置文件“${file}”应默认导出一个对象（如 export default defineConfig({ plugins: [...] })）`, file);
  }
  const problems: string[] = [];
  for (const key of Object.keys(value)) if (!(configKeys as readonly string[]).includes(key)) problems.push(`未知的配置项“${key}”，可用：${configKeys.join('、')}`);
  const { plugins, template } = value as Record<string, unknown>;
  if (plugins !== undefined && !Array.isArray(plugins)) problems.push('plugins 应为数组（插件对象或模块名）');
  if (template !== undefined && typeof template !== 'string' && (typeof template !== 'object' || template === null)) problems.push('template 应为模板文件路径或模板对象');
  if (problems.length) throw new ConfigError(`配置文件“${file}”有误：\n${problems.join('\n')}`, file);
  return value as FazhiConfig;
}

async function loadPlugin(entry: unknown, i: number, file: string, lazy: LazyLoader, conditions: readonly string[]): Promise<LoadedPlugin> {
  const where = `配置文件“${file}”中 plugins[${i}]`;
  if (typeof entry !== 'string') {
    if (!isExtension(entry)) throw new ConfigError(`${where}不是 fazhi 扩展：应为带 id 和 apiVersion 的对象，或模块名`, file);
    return { specifier: null, module: null, extension: entry };
  }
  let module: string;
  let value: unknown;
  try {
    const loader = await lazy();
    module = fileURLToPath(conditions.length ? loader.esmResolve(entry, { conditions: [...conditions, 'node', 'import', 'default'] }) : loader.esmResolve(entry));
    value = await importDefault(loader, module);
  } catch (e) {
    throw new ConfigError(`${where}“${entry}”无法导入：${loaderMessage(e)}`, file);
  }
  return checkPlugin(entry, module, value, i, file);
}

function checkPlugin(entry: string, module: string | null, value: unknown, i: number, file: string): LoadedPlugin {
  const where = `配置文件“${file}”中 plugins[${i}]`;
  if (!isExtension(value)) throw new ConfigError(`${where}“${entry}”${module ? `（${module}）` : ''}的默认导出不是 fazhi 扩展：应为带 id 和 apiVersion 的对象（用 defineExtension 声明）`, file);
  return { specifier: entry, module, extension: value };
}

/** The custom export conditions the process was started with (`--conditions=x`, `-C x`, also in NODE_OPTIONS). */
export function hostConditions(execArgv: readonly string[], nodeOptions = ''): string[] {
  const args = [...execArgv, ...nodeOptions.split(/\s+/).filter(Boolean)];
  const out: string[] = [];
  args.forEach((a, i) => {
    const inline = /^(?:--conditions|-C)=(.+)$/.exec(a);
    if (inline) out.push(inline[1]!);
    else if ((a === '--conditions' || a === '-C') && args[i + 1]) out.push(args[i + 1]!);
  });
  return [...new Set(out)];
}

/** Shape only: composition checks the rest (and names the extension by its id). */
function isExtension(value: unknown): value is FazhiExtension {
  return !!value && typeof value === 'object' && 'id' in value && 'apiVersion' in value;
}

async function readTemplateFile(path: string, lazy: LazyLoader, configFile?: string): Promise<ReportTemplate> {
  const from = configFile ? `（配置文件“${configFile}”的 template）` : '';
  if (!existsSync(path)) throw new ConfigError(`报告模板文件“${path}”不存在${from}`, configFile ?? path);
  let value: unknown;
  if (path.endsWith('.json')) value = readJson(path, '报告模板文件');
  else {
    try {
      value = await importDefault(await lazy(), path);
    } catch (e) {
      throw new ConfigError(`报告模板文件“${path}”无法加载：${loaderMessage(e)}`, path);
    }
  }
  return checkTemplate(value, path, path);
}

function checkTemplate(value: unknown, source: string, file: string | null): ReportTemplate {
  try {
    return parseReportTemplate(value, source);
  } catch (e) {
    if (e instanceof ReportTemplateError) throw new ConfigError(e.message, file);
    throw e;
  }
}

/** Loader errors can carry a long code frame; its first lines say what and where. */
function loaderMessage(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).split('\nRequire stack:')[0]!;
  return message.split('\n').slice(0, 3).join('\n').trim();
}
