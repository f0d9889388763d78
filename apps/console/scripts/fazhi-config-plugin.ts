import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';

/** The module the console imports its configured plugins and template from. */
export const configModuleId = 'virtual:fazhi-config';
const resolvedId = `\0${configModuleId}`;

export const configFileNames = ['fazhi.config.ts', 'fazhi.config.mts', 'fazhi.config.js', 'fazhi.config.mjs', 'fazhi.config.json'];

/**
 * The config the console is built from: `FAZHI_CONFIG` (relative to the working directory) when
 * set, else the first `fazhi.config.*` in `from` or a folder above it (the repository's root one
 * for this console). Throws a Chinese message naming what was looked for.
 */
export function findConfigFile(from: string, env: Record<string, string | undefined> = process.env): string {
  const named = env.FAZHI_CONFIG?.trim();
  if (named) {
    const file = resolve(named);
    if (!existsSync(file)) throw new Error(`FAZHI_CONFIG 指定的配置文件不存在：${file}`);
    return file;
  }
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of configFileNames) if (existsSync(resolve(dir, name))) return resolve(dir, name);
    if (dirname(dir) === dir) break;
  }
  throw new Error(`找不到 fazhi 配置文件（${configFileNames.join('、')}）：从 ${resolve(from)} 向上都没有；也可用 FAZHI_CONFIG 指定`);
}

interface RawConfig {
  plugins: readonly unknown[];
  template?: unknown;
}

/** The config's default export, evaluated in Node (the build needs its string entries), checked. */
async function readConfig(file: string): Promise<RawConfig> {
  const { module } = await runnerImport<{ default?: unknown }>(file, { configFile: false, logLevel: 'error' });
  const config = (module.default ?? module) as { plugins?: unknown; template?: unknown } | null;
  const where = `配置文件 ${file}`;
  if (!config || typeof config !== 'object') throw new Error(`${where}的默认导出必须是一个对象（defineConfig({ plugins: [...] })）`);
  if (config.plugins !== undefined && !Array.isArray(config.plugins)) throw new Error(`${where}的 plugins 必须是数组`);
  const plugins = (config.plugins ?? []) as unknown[];
  plugins.forEach((p, i) => {
    if (typeof p === 'string' ? !p.trim() : !p || typeof p !== 'object') throw new Error(`${where}的第${i + 1}个插件必须是模块名（字符串）或插件对象`);
  });
  if (config.template !== undefined && typeof config.template !== 'string' && typeof config.template !== 'object') throw new Error(`${where}的 template 必须是模板文件路径或模板对象`);
  return { plugins, template: config.template };
}

/**
 * Provides `virtual:fazhi-config` (`plugins`, `template`, `configFile`) from the repository's
 * `fazhi.config.ts`, so a plugin is registered in that one file for the CLI and the console alike.
 * String entries (package names, or paths relative to the config) and a template path are resolved
 * here, at build time, into static imports the bundle can split and check; object entries come
 * from the config module itself, which the bundle imports.
 */
export function fazhiConfigPlugin(opts: { configFile?: string } = {}): Plugin {
  let file = '';
  return {
    name: 'fazhi-config',
    configResolved(config) {
      file = opts.configFile ? resolve(opts.configFile) : findConfigFile(config.root);
    },
    resolveId(id) {
      return id === configModuleId ? resolvedId : null;
    },
    async load(id) {
      if (id !== resolvedId) return null;
      this.addWatchFile(file);
      const config = await readConfig(file);
      const imports: string[] = [`import config from ${JSON.stringify(file)};`];
      const entries: string[] = [];
      for (const [i, p] of config.plugins.entries()) {
        if (typeof p !== 'string') {
          entries.push(`config.plugins[${i}]`);
          continue;
        }
        const found = await this.resolve(p, file);
        if (!found) throw new Error(`配置文件 ${file} 的第${i + 1}个插件“${p}”找不到：请安装该包，或写相对于配置文件的路径`);
        imports.push(`import plugin${i} from ${JSON.stringify(found.id)};`);
        entries.push(`plugin${i}`);
      }
      let template = 'config.template';
      if (typeof config.template === 'string') {
        const path = isAbsolute(config.template) ? config.template : resolve(dirname(file), config.template);
        if (!existsSync(path)) throw new Error(`配置文件 ${file} 指定的报告模板不存在：${path}`);
        imports.push(`import templateFromFile from ${JSON.stringify(path)};`);
        template = 'templateFromFile';
      }
      return [
        ...imports,
        `export const plugins = [${entries.join(', ')}];`,
        `export const template = ${template};`,
        `export const configFile = ${JSON.stringify(relative(process.cwd(), file) || file)};`,
      ].join('\n');
    },
  };
}
