import { postgresBackend, writeFixtureDataset } from '@fazhi/db/testing';
import { streetAnnualTemplate } from '@fazhi/report';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathsIn } from './model-options.js';
import { runCli, runCliIn } from './run-cli.test-helper.js';

/**
 * A street's own extension package, written as a street would: a TypeScript module in its folder
 * that adds a work area, a kind, a measure, an indicator and a report section; plus an extra
 * option on a built-in kind. The dataset carries a CSV for the new kind and a case using the option.
 */
const correctionPackage = `
import { defineRecordKind } from '@fazhi/domain';
import { defineExtension, modelApiVersion } from '@fazhi/model';

const visits = defineRecordKind({
  id: 'correction_visits',
  label: '社区矫正走访',
  area: 'community_correction',
  measureWord: '次',
  fields: [
    { key: 'visitedOn', label: '走访日期', type: 'date', required: true, listed: true },
    { key: 'note', label: '情况', type: 'text' },
  ],
  periodField: 'visitedOn',
  titleField: 'note',
});

export default defineExtension({
  id: 'community-correction',
  apiVersion: modelApiVersion,
  areas: [{ id: 'community_correction', label: '社区矫正' }],
  kinds: [visits],
  catalog: {
    measures: [{ id: 'correction.visits', label: '走访次数', description: '走访日期在期间内的走访记录数', kind: 'correction_visits', aggregation: { type: 'count' }, filters: [], period: { type: 'within', field: 'visitedOn' }, valueType: 'count', unit: '次' }],
    indicators: [{ id: 'correction.visits', label: '社区矫正走访', area: 'community_correction', description: '走访次数', numerator: 'correction.visits', factor: 1, unit: '次', valueType: 'count', decimals: 0 }],
  },
  reportSections: [{ id: 'correction', parent: 'achievements', heading: '做好社区矫正', blocks: [{ type: 'figures', text: '全年走访社区矫正对象{correction.visits}（{correction.visits|yoy}）。' }] }],
});
`;

const config = `
import { defineConfig } from '@fazhi/model';
import correction from './extensions/correction/index.ts';

export default defineConfig({
  plugins: [
    correction,
    { id: 'my-street', apiVersion: 1, kindExtensions: [{ kind: 'mediation_cases', options: { disputeType: [{ value: 'pets', label: '宠物纠纷' }] } }] },
  ],
});
`;

/** A one-section template of the street's own: the plugin's section attaches under its `achievements`. */
const ownTemplate = {
  $schema: '../node_modules/@fazhi/report/report-template.schema.json',
  id: 'short',
  label: '简要报告',
  title: '{org}{year}年法治工作简报',
  preamble: [],
  sections: [
    { id: 'achievements', heading: '{year}年主要工作', blocks: [{ type: 'figures', text: '成功调处矛盾纠纷{mediation.successful_cases}。' }] },
    { id: 'plans', heading: '{nextYear}年打算', blocks: [{ type: 'narrative', key: 'plans', prompt: '写明{nextYear}年的安排。' }] },
  ],
};

const seed = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let street: string;
let dataset: string;
beforeAll(async () => {
  street = mkdtempSync(join(tmpdir(), 'fazhi-street-'));
  dirs.push(street);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(street, path)), { recursive: true });
    writeFileSync(join(street, path), text);
  };
  write('extensions/correction/index.ts', correctionPackage);
  write('fazhi.config.ts', config);
  write('templates/short.json', JSON.stringify(ownTemplate, null, 2));
  // The built-in fixture, plus the plugin kind's CSV (three visits in 2024, one in 2023) and a case using the new option.
  dataset = await writeFixtureDataset();
  writeFileSync(join(dataset, 'correction_visits.csv'), ['id,orgId,deletedAt,visitedOn,note', 'v1,c1,,2024-02-01,入户走访', 'v2,c1,,2024-06-01,电话回访', 'v3,s1,,2024-09-01,', 'v4,s1,,2023-05-01,', ''].join('\n'));
  const manifest = JSON.parse(readFileSync(join(dataset, 'dataset.json'), 'utf8')) as { kinds: string[]; years: number[] };
  writeFileSync(join(dataset, 'dataset.json'), JSON.stringify({ ...manifest, years: [2023, 2024], kinds: [...manifest.kinds, 'correction_visits'] }));
  const cases = join(dataset, 'mediation_cases.csv');
  writeFileSync(cases, readFileSync(cases, 'utf8').replace(',neighbourhood,', ',pets,'));
});

const year = ['--year', '2024', '--today', '2026-12-04'];

describe('the CLI on a street config with its own extension package', () => {
  it('metrics computes the plugin indicator from the plugin kind’s CSV, and accepts the extra option', async () => {
    const res = await runCliIn(street, 'metrics', '--dataset', dataset, ...year, '--format', 'json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as { indicators: { id: string; value: number; previous: { value: number } }[] };
    expect(doc.indicators.find((i) => i.id === 'correction.visits')).toMatchObject({ value: 3, display: '3次', area: 'community_correction', previous: { value: 1 } });
    // The case with the street's own option is counted like any other.
    expect(doc.indicators.find((i) => i.id === 'mediation.successful_cases')).toMatchObject({ value: 1 });
  });

  it('report shows the plugin’s section, with its figure, under the template’s achievements', async () => {
    const res = await runCliIn(street, 'report', '--dataset', dataset, ...year);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/### （\S+）做好社区矫正\n\n全年走访社区矫正对象3次（同比增长200%）。/);
  });

  it('--template replaces the template for one run; the plugin section still merges by the rule', async () => {
    const res = await runCliIn(street, 'report', '--dataset', dataset, ...year, '--template', 'templates/short.json');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('# 南沙街道2024年法治工作简报');
    expect(res.stdout).toContain('## 一、2024年主要工作\n\n成功调处矛盾纠纷1宗。');
    expect(res.stdout).toContain('### （一）做好社区矫正\n\n全年走访社区矫正对象3次');
    expect(res.stdout).toContain('【待补充】写明2025年的安排。');
    expect(res.stdout).not.toContain('第一责任人');
    // The seed's own narrative file fits the default template only: the error says what to do.
    const seedNarrative = await runCliIn(street, 'report', '--dataset', seed, ...year, '--template', 'templates/short.json');
    expect(seedNarrative.code).toBe(1);
    expect(seedNarrative.stderr).toContain('未知的段落“preamble”，可用：plans');
    expect(seedNarrative.stderr).toMatch(/（这是数据集自带的叙述文件；它与报告模板“简要报告”不符时，请用 --narrative 指定为该模板撰写的叙述文件，可用 fazhi narrative 生成空白文件）\n$/);
    const narrative = await runCliIn(street, 'narrative', '--template', 'templates/short.json');
    expect(narrative.stdout).toContain('## plans\n<!-- 写明{nextYear}年的安排。 -->');
    expect(narrative.stdout).not.toContain('## preamble');
  });

  it('--config names the config from anywhere; without it the built-in model refuses the plugin data', async () => {
    const withConfig = await runCli('metrics', '--config', join(street, 'fazhi.config.ts'), '--dataset', dataset, ...year, '--only', 'correction.');
    expect(withConfig.code).toBe(0);
    expect(withConfig.stdout).toMatch(/correction\.visits\s+社区矫正走访\s+3次\s+1次/);
    const without = await runCli('metrics', '--dataset', dataset, ...year);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('未知的记录类型“correction_visits”');
  });

  it('refuses --template on a command without a template, and names a broken config', async () => {
    const metrics = await runCliIn(street, 'metrics', '--dataset', dataset, ...year, '--template', 'templates/short.json');
    expect(metrics).toMatchObject({ code: 2, stderr: '错误：--template 只能用于 report、narrative 命令\n' });
    const missing = await runCli('metrics', '--config', 'nowhere.ts', '--dataset', dataset, ...year);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^错误：配置文件“\/.*\/nowhere\.ts”不存在\n$/);
    const badTemplate = join(street, 'templates/bad.json');
    writeFileSync(badTemplate, JSON.stringify({ ...streetAnnualTemplate, sections: [{ id: 'x', heading: 'x', blocks: [{ type: 'figures', text: '{mediation.successful_cases|ytd}' }] }] }));
    const bad = await runCliIn(street, 'report', '--dataset', dataset, ...year, '--template', badTemplate);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`错误：报告模板“${badTemplate}”有 1 处错误：\nsections[0].blocks[0].text：占位符“{mediation.successful_cases|ytd}”的修饰“|ytd”无效：指标后只能跟 |yoy（同比）、|prev（上年数）、|num（比率的分子）或 |den（比率的分母）\n`);
  });
});

describe('pathsIn', () => {
  it('makes relative paths relative to the working directory given, pglite folders included', () => {
    const values = { dataset: 'ds', out: '/abs/out.md', narrative: undefined, db: 'pglite:./data' };
    expect(pathsIn(values, '/street')).toEqual({ dataset: '/street/ds', out: '/abs/out.md', narrative: undefined, db: 'pglite:/street/data' });
    expect(pathsIn({ dir: 'supabase' }, '/street').dir).toBe('/street/supabase');
    expect(pathsIn({ db: 'pglite:memory' }, '/street').db).toBe('pglite:memory');
    expect(pathsIn({ db: 'pglite::memory:' }, '/street').db).toBe('pglite::memory:');
    expect(pathsIn({ db: 'postgres://u@h/db' }, '/street').db).toBe('postgres://u@h/db');
  });

  it('leaves paths as typed in the process’s own directory', () => {
    const values = { dataset: 'ds', db: 'pglite:data' };
    expect(pathsIn(values, process.cwd())).toBe(values);
  });
});

/**
 * `--db`: the same config on PGlite and PostgreSQL 15. The extension here adds a report section
 * over built-in indicators only: tables and SQL functions for a plugin's own kinds come from the
 * schema evolution (`db migrate`), tested with it.
 */
const backends = [
  { name: 'pglite', url: async () => `pglite:${join(mkdtempSync(join(tmpdir(), 'fazhi-cli-model-db-')), 'data')}` },
  { name: 'postgres', url: () => postgresBackend.createEmptyUrl() },
];

describe.each(backends)('the CLI on a config with --db ($name)', (backend) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fazhi-street-db-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'short.json'), JSON.stringify(ownTemplate));
    writeFileSync(
      join(dir, 'rate.ts'),
      `export default { id: 'rate', apiVersion: 1, reportSections: [{ id: 'mediation-rate', parent: 'achievements', heading: '调解成功率', blocks: [{ type: 'figures', text: '调解成功率为{mediation.success_rate}（{mediation.success_rate|yoy}）。' }] }] };\n`,
    );
    writeFileSync(join(dir, 'fazhi.config.json'), JSON.stringify({ plugins: ['./rate.ts'], template: './short.json' }));
    // The seed's own narrative file is written for the default template; this one for the short one.
    writeFileSync(join(dir, 'narrative.md'), '## plans\n{nextYear}年继续推进。\n');
  });

  it('seeds, then reports from the database with the config’s template and sections, as from the dataset', async () => {
    const url = await backend.url();
    const seeded = await runCliIn(dir, 'db', 'seed', '--db', url, '--dataset', seed);
    expect(seeded.code).toBe(0);
    const fromDb = await runCliIn(dir, 'report', '--db', url, ...year, '--narrative', 'narrative.md');
    expect(fromDb.stderr).toBe('');
    expect(fromDb.code).toBe(0);
    expect(fromDb.stdout).toContain('# 南沙街道2024年法治工作简报');
    expect(fromDb.stdout).toContain('### （一）调解成功率\n\n调解成功率为85.7%（同比下降4.6个百分点）。');
    expect(fromDb.stdout).toContain('## 二、2025年打算\n\n2025年继续推进。');
    const fromFiles = await runCliIn(dir, 'report', '--dataset', seed, ...year, '--narrative', 'narrative.md');
    expect(fromFiles.code).toBe(0);
    expect(fromDb.stdout).toBe(fromFiles.stdout);
  }, 180_000);
});
