import { streetAnnualTemplate } from '@fazhi/report';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInModel } from './compose.js';
import { ConfigError, hostConditions, loadConfig } from './load-config.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fazhi-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A small extension module in TypeScript, importing the host's packages by name. */
const correctionModule = `
import { defineRecordKind } from '@fazhi/domain';
import { defineExtension, modelApiVersion } from '@fazhi/model';
const visits = defineRecordKind({
  id: 'correction_visits', label: '社区矫正走访', area: 'community_correction', measureWord: '次',
  fields: [{ key: 'visitedOn', label: '走访日期', type: 'date', required: true, listed: true }, { key: 'note', label: '情况', type: 'text' }],
  periodField: 'visitedOn', titleField: 'note',
});
const id: string = 'community-correction';
export default defineExtension({
  id, apiVersion: modelApiVersion,
  areas: [{ id: 'community_correction', label: '社区矫正' }],
  kinds: [visits],
  catalog: {
    measures: [{ id: 'correction.visits', label: '走访次数', description: '走访次数', kind: 'correction_visits', aggregation: { type: 'count' }, filters: [], period: { type: 'within', field: 'visitedOn' }, valueType: 'count', unit: '次' }],
    indicators: [{ id: 'correction.visits', label: '走访次数', area: 'community_correction', description: '走访次数', numerator: 'correction.visits', factor: 1, unit: '次', valueType: 'count', decimals: 0 }],
  },
  reportSections: [{ id: 'correction', parent: 'achievements', heading: '做好社区矫正', blocks: [{ type: 'figures', text: '全年走访{correction.visits}。' }] }],
});
`;

async function failure(p: Promise<unknown>): Promise<ConfigError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

describe('loadConfig: finding the file', () => {
  it('is the built-in model when the working directory has no config', async () => {
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.file).toBeNull();
    expect(loaded.model).toBe(builtInModel());
  });

  it('does not look in parent directories', async () => {
    write('fazhi.config.json', '{ "plugins": [] }');
    const loaded = await loadConfig({ cwd: join(dir, 'sub') });
    expect(loaded.file).toBeNull();
  });

  it('reads a TypeScript config with a plugin given by relative path', async () => {
    write('plugins/correction.ts', correctionModule);
    const file = write('fazhi.config.ts', `import { defineConfig } from '@fazhi/model';\nconst p: string = './plugins/correction.ts';\nexport default defineConfig({ plugins: [p] });\n`);
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.file).toBe(file);
    expect(loaded.plugins.map((p) => [p.specifier, p.module])).toEqual([['./plugins/correction.ts', join(dir, 'plugins/correction.ts')]]);
    expect(loaded.model.registry.has('correction_visits')).toBe(true);
    expect(loaded.model.catalog.indicators.some((i) => i.id === 'correction.visits')).toBe(true);
    expect(loaded.model.template.sections[0]!.sections!.at(-1)!.id).toBe('correction');
  });

  it('reads a JavaScript config with an inline plugin object and a plugin package', async () => {
    write('node_modules/fazhi-plugin-correction/package.json', JSON.stringify({ name: 'fazhi-plugin-correction', type: 'module', exports: './index.ts' }));
    write('node_modules/fazhi-plugin-correction/index.ts', correctionModule);
    write('fazhi.config.mjs', `export default { plugins: [{ id: 'my-street', apiVersion: 1, kindExtensions: [{ kind: 'mediation_cases', options: { disputeType: [{ value: 'pets', label: '宠物纠纷' }] } }] }, 'fazhi-plugin-correction'] };\n`);
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.plugins.map((p) => p.extension.id)).toEqual(['my-street', 'community-correction']);
    const type = loaded.model.registry.get('mediation_cases').fields.find((f) => f.key === 'disputeType')!;
    expect(type.type === 'enum' && type.options.some((o) => o.value === 'pets')).toBe(true);
  });

  it('loads a console plugin whose module also declares its pages in TSX', async () => {
    write('plugin/page.tsx', `export function Page({ title }: { title: string }) {\n  return <h1>{title}</h1>;\n}\n`);
    write('plugin/index.ts', `import { Page } from './page.tsx';\nexport default { id: 'with-pages', apiVersion: 1, label: '带页面的插件', pages: [Page] };\n`);
    write('fazhi.config.json', '{ "plugins": ["./plugin/index.ts"] }');
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.plugins[0]!.extension.id).toBe('with-pages');
  });

  it('reads a JSON config with a JSON template relative to the config file', async () => {
    write('conf/my-template.json', JSON.stringify({ ...streetAnnualTemplate, id: 'mine', label: '我的模板' }));
    write('conf/fazhi.config.json', JSON.stringify({ template: './my-template.json' }));
    const loaded = await loadConfig({ cwd: dir, file: 'conf/fazhi.config.json' });
    expect(loaded.model.template.label).toBe('我的模板');
    expect(loaded.templateFile).toBe(join(dir, 'conf/my-template.json'));
  });

  it('lets --template replace the config template for one run (paths from the working directory)', async () => {
    write('fazhi.config.json', JSON.stringify({ template: './a.json' }));
    write('a.json', JSON.stringify({ ...streetAnnualTemplate, label: 'A' }));
    write('b.ts', `import { streetAnnualTemplate } from '@fazhi/report';\nexport default { ...streetAnnualTemplate, label: 'B' };\n`);
    expect((await loadConfig({ cwd: dir })).model.template.label).toBe('A');
    expect((await loadConfig({ cwd: dir, template: 'b.ts' })).model.template.label).toBe('B');
  });

  it('reads the repository style: a type-only import and `satisfies FazhiConfig`', async () => {
    write('plugins/correction.ts', correctionModule);
    write('fazhi.config.ts', `import type { FazhiConfig } from '@fazhi/model';\nexport default {\n  plugins: ['./plugins/correction.ts'],\n} satisfies FazhiConfig;\n`);
    expect((await loadConfig({ cwd: dir })).plugins.map((p) => p.extension.id)).toEqual(['community-correction']);
  });

  it('refuses two config files in one directory', async () => {
    write('fazhi.config.json', '{}');
    write('fazhi.config.js', 'export default {};');
    expect((await failure(loadConfig({ cwd: dir }))).message).toMatch(/有多个配置文件：fazhi\.config\.js、fazhi\.config\.json/);
  });
});

describe('loadConfig: which build of a plugin package', () => {
  // A package whose sources and build differ, as a workspace plugin's do while its dist is stale.
  function twoBuilds() {
    write('node_modules/@x/correction/package.json', JSON.stringify({ name: '@x/correction', type: 'module', exports: { '.': { 'fazhi-source': './src/index.ts', default: './dist/index.js' } } }));
    write('node_modules/@x/correction/src/index.ts', correctionModule);
    write('node_modules/@x/correction/dist/index.js', correctionModule.replace(': string', '').replace("'community-correction'", "'stale-build'"));
    write('fazhi.config.json', '{ "plugins": ["@x/correction"] }');
  }

  it('takes the sources under the host’s export conditions, and the build without them', async () => {
    twoBuilds();
    const source = await loadConfig({ cwd: dir, conditions: ['fazhi-source'] });
    expect(source.plugins[0]!.module).toMatch(/src[\\/]index\.ts$/);
    expect(source.plugins[0]!.extension.id).toBe('community-correction');
    const built = await loadConfig({ cwd: dir, conditions: [] });
    expect(built.plugins[0]!.extension.id).toBe('stale-build');
  });

  it('reads the conditions from the process’s arguments and NODE_OPTIONS', () => {
    expect(hostConditions(['--conditions=fazhi-source', '--import', 'tsx'])).toEqual(['fazhi-source']);
    expect(hostConditions(['-C', 'a'], '--conditions b -C=c')).toEqual(['a', 'b', 'c']);
    expect(hostConditions(['--import', 'tsx'], '')).toEqual([]);
  });
});

describe('loadConfig: every problem names its file', () => {
  it('--config naming a missing file, or a folder', async () => {
    expect((await failure(loadConfig({ cwd: dir, file: 'nope.ts' }))).message).toBe(`配置文件“${join(dir, 'nope.ts')}”不存在`);
    mkdirSync(join(dir, 'conf'));
    expect((await failure(loadConfig({ cwd: dir, file: 'conf' }))).message).toBe(`配置文件“${join(dir, 'conf')}”不是文件`);
  });

  it('a bad template written inline in the config, named by the config and the path', async () => {
    const file = write('fazhi.config.ts', `import { streetAnnualTemplate } from '@fazhi/report';\nexport default { template: { ...streetAnnualTemplate, title: '{yaer}年报告' } };\n`);
    const e = await failure(loadConfig({ cwd: dir }));
    expect(e.message).toBe(`报告模板“${file} 中的 template”有 1 处错误：\ntitle：未知的占位符“{yaer}”：可用 {year}、{prevYear}、{nextYear}、{org} 或指标编号如 {mediation.successful_cases}`);
    expect(e.file).toBe(file);
  });

  it('a syntax error in a TypeScript config', async () => {
    const file = write('fazhi.config.ts', 'export default { plugins: [ };\n');
    const e = await failure(loadConfig({ cwd: dir }));
    expect(e.message).toContain(`配置文件“${file}”无法加载：`);
    expect(e.file).toBe(file);
  });

  it('a syntax error in a JSON config', async () => {
    const file = write('fazhi.config.json', '{ "plugins": [ }');
    expect((await failure(loadConfig({ cwd: dir }))).message).toMatch(new RegExp(`^配置文件“${file}”不是有效的 JSON：`));
  });

  it('a config that exports no object, and unknown keys', async () => {
    write('fazhi.config.js', 'export default 42;');
    expect((await failure(loadConfig({ cwd: dir }))).message).toMatch(/应默认导出一个对象/);
    rmSync(join(dir, 'fazhi.config.js'));
    write('fazhi.config.json', '{ "plugin": [], "plugins": {} }');
    const message = (await failure(loadConfig({ cwd: dir }))).message;
    expect(message).toMatch(/未知的配置项“plugin”/);
    expect(message).toMatch(/plugins 应为数组/);
  });

  it('a plugin that cannot be imported', async () => {
    const file = write('fazhi.config.json', '{ "plugins": ["./missing.ts", "no-such-package"] }');
    const e = await failure(loadConfig({ cwd: dir }));
    expect(e.message).toContain(`配置文件“${file}”中 plugins[0]“./missing.ts”无法导入：`);
    write('missing.ts', 'export default { id: "x", apiVersion: 1 } as const;');
    expect((await failure(loadConfig({ cwd: dir }))).message).toContain('plugins[1]“no-such-package”无法导入');
  });

  it('a plugin whose default export is not an extension', async () => {
    write('not-a-plugin.ts', 'export const extension = { id: "x", apiVersion: 1 };\n');
    const file = write('fazhi.config.json', '{ "plugins": ["./not-a-plugin.ts"] }');
    expect((await failure(loadConfig({ cwd: dir }))).message).toContain(`配置文件“${file}”中 plugins[0]“./not-a-plugin.ts”（${join(dir, 'not-a-plugin.ts')}）的默认导出不是 fazhi 扩展`);
  });

  it('a plugin of another apiVersion is refused, naming the extension and the config', async () => {
    write('old.ts', correctionModule.replace('apiVersion: modelApiVersion', 'apiVersion: 2'));
    const file = write('fazhi.config.json', '{ "plugins": ["./old.ts"] }');
    const e = await failure(loadConfig({ cwd: dir }));
    expect(e.message).toContain(`配置文件“${file}”组成的模型有误`);
    expect(e.message).toContain('扩展“community-correction”的 apiVersion 为 2，本版本 fazhi 支持 1');
  });

  it('a bad template file, naming the path of the bad value', async () => {
    const bad = JSON.parse(JSON.stringify(streetAnnualTemplate)) as { sections: { blocks: unknown[] }[] };
    bad.sections[2]!.blocks[0] = { type: 'narrative', key: 'problems' };
    const template = write('t.json', JSON.stringify(bad));
    write('fazhi.config.json', '{ "template": "./t.json" }');
    const e = await failure(loadConfig({ cwd: dir }));
    expect(e.message).toBe(`报告模板“${template}”有 1 处错误：\nsections[2].blocks[0].prompt：缺少必填项（应为文字）`);
    expect(e.file).toBe(template);
  });

  it('a template file that is missing or not JSON', async () => {
    const file = write('fazhi.config.json', '{ "template": "./gone.json" }');
    expect((await failure(loadConfig({ cwd: dir }))).message).toBe(`报告模板文件“${join(dir, 'gone.json')}”不存在（配置文件“${file}”的 template）`);
    const t = write('t.json', '{ "id": ');
    expect((await failure(loadConfig({ cwd: dir, template: 't.json' }))).message).toMatch(new RegExp(`^报告模板文件“${t}”不是有效的 JSON`));
  });

  it('a template placeholder no indicator computes names the template file', async () => {
    const t = write('t.json', JSON.stringify({ ...streetAnnualTemplate, preamble: [{ type: 'figures', text: '共{nobody.knows}。' }] }));
    const e = await failure(loadConfig({ cwd: dir, template: 't.json' }));
    expect(e.message).toBe(`fazhi 的模型组合有误：\n报告模板“街道法治政府建设年度报告”（${t}）引用了未知的指标“nobody.knows”`);
    expect(e.file).toBe(t);
  });

  it("a template without the section a plugin's section attaches to names the extension and the template file", async () => {
    write('p.ts', correctionModule);
    write('fazhi.config.json', '{ "plugins": ["./p.ts"] }');
    const t = write('t.json', JSON.stringify({ ...streetAnnualTemplate, sections: streetAnnualTemplate.sections.filter((s) => s.id !== 'achievements') }));
    expect((await failure(loadConfig({ cwd: dir, template: 't.json' }))).message).toContain(
      `扩展“community-correction”的报告章节“做好社区矫正”（correction）的上级章节“achievements”在报告模板“街道法治政府建设年度报告”中不存在（报告模板来自 ${t}）`,
    );
  });

  it("a plugin section's unknown placeholder names the extension", async () => {
    write('p.ts', correctionModule.replace('{correction.visits}。', '{correction.vists}。'));
    write('fazhi.config.json', '{ "plugins": ["./p.ts"] }');
    expect((await failure(loadConfig({ cwd: dir }))).message).toContain('扩展“community-correction”的报告章节引用了未知的指标“correction.vists”');
  });
});

describe('docs/configuration.md', () => {
  it('its complete small template passes the schema and composes with the built-in catalog', async () => {
    const doc = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    const json = /A complete small template:\n\n```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    write('brief.json', json);
    const { model } = await loadConfig({ cwd: dir, template: 'brief.json' });
    expect(model.template.id).toBe('street-brief');
    expect(model.template.sections.map((s) => s.id)).toEqual(['achievements', 'plans', 'appendix']);
  });
});

describe('loadConfig: a config compiled into the host (bundled)', () => {
  it('uses the compiled config and plugins for that file, loading nothing, and composes the same model', async () => {
    writeFileSync(join(dir, 'correction.ts'), correctionModule);
    writeFileSync(join(dir, 'fazhi.config.ts'), `export default { plugins: ['./correction.ts'] };`);
    const loaded = await loadConfig({ cwd: dir });
    // The files on disk could no longer be loaded: only the compiled copies can answer.
    writeFileSync(join(dir, 'fazhi.config.ts'), 'export default {');
    rmSync(join(dir, 'correction.ts'));
    const bundled = await loadConfig({ cwd: dir, bundled: { file: join(dir, 'fazhi.config.ts'), config: { default: loaded.config }, plugins: { './correction.ts': { default: loaded.plugins[0]!.extension } } } });
    expect(bundled.plugins.map((p) => [p.specifier, p.module, p.extension.id])).toEqual([['./correction.ts', null, 'community-correction']]);
    expect(bundled.model.catalog.indicators.map((i) => i.id)).toEqual(loaded.model.catalog.indicators.map((i) => i.id));
    expect(bundled.model.registry.has('correction_visits')).toBe(true);
  });

  it('is ignored for another config file, and checks what it is given like a loaded config', async () => {
    writeFileSync(join(dir, 'fazhi.config.json'), JSON.stringify({ plugins: [] }));
    const other = await loadConfig({ cwd: dir, bundled: { file: join(dir, 'elsewhere', 'fazhi.config.ts'), config: { plugins: ['x'] }, plugins: {} } });
    expect(other.plugins).toEqual([]);
    const file = join(dir, 'fazhi.config.json');
    const e = await failure(loadConfig({ cwd: dir, bundled: { file, config: { plugins: ['p'], extra: 1 }, plugins: { p: { default: {} } } } }));
    expect(e.message).toContain('未知的配置项“extra”');
    const notPlugin = await failure(loadConfig({ cwd: dir, bundled: { file, config: { plugins: ['p'] }, plugins: { p: { default: { name: 'x' } } } } }));
    expect(notPlugin.message).toContain('plugins[0]“p”的默认导出不是 fazhi 扩展');
  });
});

describe('compiled copies of a TypeScript config', () => {
  it('are kept in the config folder’s node_modules/.cache (not a shared temporary folder), and a changed config is compiled afresh', async () => {
    mkdirSync(join(dir, 'node_modules'));
    write('fazhi.config.ts', `const plugins: string[] = []; export default { plugins };`);
    expect((await loadConfig({ cwd: dir })).config.plugins).toEqual([]);
    const cache = join(dir, 'node_modules', '.cache', 'fazhi-config');
    const copies = readdirSync(cache);
    expect(copies).toHaveLength(1);
    write('fazhi.config.ts', `const template: string = 'missing.json'; export default { plugins: [], template };`);
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/missing\.json/);
    // One copy per file, marked with its source's hash: replaced, never reused stale.
    expect(readdirSync(cache)).toEqual(copies);
    expect(readFileSync(join(cache, copies[0]!), 'utf8')).toContain('missing.json');
  });
});
