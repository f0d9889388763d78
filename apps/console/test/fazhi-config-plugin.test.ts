import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, test } from 'vitest';
import { fazhiConfigPlugin, findConfigFile } from '../scripts/fazhi-config-plugin.js';

// The console's build reads fazhi.config.* (the one place plugins are registered): a real Vite
// build of a tiny entry that re-exports `virtual:fazhi-config`, over configs in a temp folder.
const root = mkdtempSync(join(tmpdir(), 'fazhi-config-plugin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'app'), { recursive: true });
  writeFileSync(join(dir, 'app/main.js'), "export { plugins, template } from 'virtual:fazhi-config';\n");
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

async function bundle(dir: string): Promise<string> {
  const out = (await build({
    root: join(dir, 'app'),
    configFile: false,
    logLevel: 'silent',
    plugins: [fazhiConfigPlugin()],
    build: { write: false, minify: false, lib: { entry: join(dir, 'app/main.js'), formats: ['es'], fileName: 'main' } },
  })) as Rolldown.RolldownOutput[];
  return out.flatMap((o) => o.output).map((c) => ('code' in c ? c.code : '')).join('\n');
}

describe('finding the config', () => {
  test('the nearest fazhi.config.* at or above the app, or FAZHI_CONFIG', () => {
    const dir = project('find', { 'fazhi.config.json': '{"plugins": []}' });
    expect(findConfigFile(join(dir, 'app'), {})).toBe(join(dir, 'fazhi.config.json'));
    writeFileSync(join(dir, 'other.config.json'), '{}');
    expect(findConfigFile(join(dir, 'app'), { FAZHI_CONFIG: join(dir, 'other.config.json') })).toBe(join(dir, 'other.config.json'));
    expect(() => findConfigFile(join(dir, 'app'), { FAZHI_CONFIG: join(dir, 'missing.ts') })).toThrow(`FAZHI_CONFIG 指定的配置文件不存在：${join(dir, 'missing.ts')}`);
  });
});

describe('virtual:fazhi-config', () => {
  test('string entries become imports resolved from the config file; inline entries and a template file come along', async () => {
    const dir = project('ok', {
      'fazhi.config.ts': "const inline = { id: 'inline-extension', apiVersion: 1 };\nexport default { plugins: ['./local-plugin.js', inline], template: './template.json' };\n",
      'local-plugin.js': "export default { id: 'local-plugin-from-path', apiVersion: 1 };\n",
      'template.json': '{"id": "town", "label": "镇年度报告模板", "sections": []}',
    });
    const code = await bundle(dir);
    expect(code).toContain('local-plugin-from-path');
    expect(code).toContain('inline-extension');
    expect(code).toContain('镇年度报告模板');
  });

  test('a plugin that cannot be found stops the build, naming the config and the entry', async () => {
    const dir = project('missing', { 'fazhi.config.ts': "export default { plugins: ['@fazhi/plugin-nobody-wrote'] };\n" });
    await expect(bundle(dir)).rejects.toThrow(`配置文件 ${join(dir, 'fazhi.config.ts')} 的第1个插件“@fazhi/plugin-nobody-wrote”找不到`);
  });

  test('a malformed config is refused in Chinese', async () => {
    const notArray = project('not-array', { 'fazhi.config.json': '{"plugins": "@fazhi/plugin-mediation"}' });
    await expect(bundle(notArray)).rejects.toThrow('的 plugins 必须是数组');
    const badEntry = project('bad-entry', { 'fazhi.config.json': '{"plugins": [42]}' });
    await expect(bundle(badEntry)).rejects.toThrow('的第1个插件必须是模块名（字符串）或插件对象');
    const noTemplate = project('no-template', { 'fazhi.config.json': '{"plugins": [], "template": "./town.json"}' });
    await expect(bundle(noTemplate)).rejects.toThrow(`指定的报告模板不存在：${join(noTemplate, 'town.json')}`);
  });
});
