import { defaultMigrationsDir, modelSnapshot, snapshotJson } from '@fazhi/db';
import { correctionCases, correctionCatalog, extraDisputeType, extraMediationField, postgresBackend, upgradedModel } from '@fazhi/db/testing';
import { composeModel, defineExtension, type FazhiModel } from '@fazhi/model';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.js';
import { runCli, runCliIn } from '../run-cli.test-helper.js';
import { runDb } from './db.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fazhi-cli-generate-'));
  dirs.push(d);
  return d;
};
/** A copy of the repository's supabase folder to generate into. */
const supabaseCopy = () => {
  const dir = tmp();
  cpSync(defaultMigrationsDir(), join(dir, 'migrations'), { recursive: true });
  return dir;
};

/** A community-correction plugin and a street's extension of mediation cases, as a config names them. */
const correction = defineExtension({
  id: 'community-correction',
  apiVersion: 1,
  areas: [{ id: 'community_correction', label: '社区矫正' }],
  kinds: [correctionCases],
  catalog: correctionCatalog,
});
const streetExtension = defineExtension({
  id: 'street-mediation',
  apiVersion: 1,
  kindExtensions: [{ kind: 'mediation_cases', fields: [extraMediationField], options: { disputeType: [extraDisputeType] } }],
});
const model: FazhiModel = composeModel({ extensions: [correction, streetExtension] });

async function run(sub: string, opts: { db?: string; dir?: string }, m: FazhiModel): Promise<{ stdout: string; error?: string }> {
  let stdout = '';
  try {
    await runDb(sub, opts, { stdout: (t) => void (stdout += t), stderr: () => undefined }, m);
    return { stdout };
  } catch (e) {
    if (e instanceof CliError) return { stdout, error: e.message };
    throw e;
  }
}

describe('fazhi db generate', () => {
  it('the composed model is the one the database upgrade tests use', () => {
    expect(snapshotJson(modelSnapshot(model))).toBe(snapshotJson(modelSnapshot(upgradedModel())));
  });

  it('writes nothing for the built-in model', async () => {
    const dir = supabaseCopy();
    const files = readdirSync(join(dir, 'migrations'));
    const res = await runCli('db', 'generate', '--dir', dir);
    expect([res.code, res.stderr]).toEqual([0, '']);
    expect(res.stdout).toBe(`模型没有变化，没有生成迁移（${join(dir, 'model-snapshot.json')} 已是最新）\n`);
    expect(readdirSync(dir)).toEqual(['migrations']);
    expect(readdirSync(join(dir, 'migrations'))).toEqual(files);
  });

  it('writes the migration and the snapshot for a configured plugin and extension, then nothing', async () => {
    const dir = supabaseCopy();
    const first = await run('generate', { dir }, model);
    const file = readdirSync(join(dir, 'migrations')).sort().at(-1)!;
    expect(file).toMatch(/^\d{14}_model_add_correction_cases_change_mediation_cases_catalog\.sql$/);
    expect(first.stdout.split('\n')).toEqual([
      `已生成迁移 ${join(dir, 'migrations', file)}：`,
      '  新增记录类型“社区矫正对象”（correction_cases）',
      '  记录类型“人民调解案件”（mediation_cases）：新增字段“线上调解”；字段“纠纷类型”新增可选值“pets”',
      expect.stringMatching(/^ {2}指标目录有变化/),
      expect.stringMatching(/^已更新模型快照 .*model-snapshot\.json（[0-9a-f]{12}）$/),
      '',
    ]);
    expect(readFileSync(join(dir, 'model-snapshot.json'), 'utf8')).toBe(snapshotJson(modelSnapshot(model)));
    expect((await run('generate', { dir }, model)).stdout).toMatch(/^模型没有变化/);

    // Taking the plugin out again would drop its table: refused, in Chinese, nothing written.
    const refused = await runCli('db', 'generate', '--dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('错误：模型的以下改动不能自动生成迁移，需要人工编写并审核的迁移');
    expect(refused.stderr).toContain('- 删除或改名了记录类型“社区矫正对象”（correction_cases）');
    expect(readdirSync(join(dir, 'migrations')).sort().at(-1)).toBe(file);
  });
});

const backends = [
  { name: 'pglite', url: async () => `pglite:${join(tmp(), 'data')}` },
  { name: 'postgres', url: () => postgresBackend.createEmptyUrl() },
];

describe.each(backends)('fazhi db migrate with a configured plugin ($name)', (backend) => {
  it('creates the plugin’s kind after the migration files, once', async () => {
    const url = await backend.url();
    const first = await run('migrate', { db: url }, model);
    expect(first.error).toBeUndefined();
    expect(first.stdout).toMatch(/已应用迁移 \d+_model_snapshot\.sql/);
    expect(first.stdout).toMatch(/已按当前模型升级数据库结构（模型快照 [0-9a-f]{12}）：\n {2}新增记录类型“社区矫正对象”（correction_cases）\n/);
    expect((await run('migrate', { db: url }, model)).stdout).toBe('数据库结构已是最新，没有需要应用的迁移\n');
  }, 180_000);
});

/** A street's folder as a street keeps it: its config (with its own extension) and its supabase/ copy. */
const streetConfig = `
import { defineRecordKind } from '@fazhi/domain';
import { defineConfig, defineExtension, modelApiVersion } from '@fazhi/model';

const visits = defineRecordKind({
  id: 'correction_visits',
  label: '社区矫正走访',
  area: 'community_correction',
  measureWord: '次',
  fields: [
    { key: 'visitedOn', label: '走访日期', type: 'date', required: true },
    { key: 'personName', label: '走访对象', type: 'text', personal: true },
  ],
  periodField: 'visitedOn',
  titleField: 'visitedOn',
});

export default defineConfig({
  plugins: [defineExtension({ id: 'community-correction', apiVersion: modelApiVersion, areas: [{ id: 'community_correction', label: '社区矫正' }], kinds: [visits] })],
});
`;

describe('fazhi db generate and db migrate in a street folder with fazhi.config.ts', () => {
  it('generate writes into the folder’s supabase/; migrate creates the configured kind', async () => {
    const street = tmp();
    writeFileSync(join(street, 'fazhi.config.ts'), streetConfig);
    mkdirSync(join(street, 'supabase'));
    cpSync(defaultMigrationsDir(), join(street, 'supabase', 'migrations'), { recursive: true });
    const generated = await runCliIn(street, 'db', 'generate');
    expect(generated.stderr).toBe('');
    expect(generated.stdout).toMatch(/^已生成迁移 .*\/supabase\/migrations\/\d{14}_model_add_correction_visits\.sql：\n {2}新增记录类型“社区矫正走访”（correction_visits）\n已更新模型快照 /);
    expect(readdirSync(join(street, 'supabase'))).toEqual(['migrations', 'model-snapshot.json']);

    const migrated = await runCliIn(street, 'db', 'migrate', '--db', 'pglite:data');
    expect(migrated.stderr).toBe('');
    expect(migrated.stdout).toContain('  新增记录类型“社区矫正走访”（correction_visits）\n');
    expect((await runCliIn(street, 'db', 'migrate', '--db', 'pglite:data')).stdout).toBe('数据库结构已是最新，没有需要应用的迁移\n');
  }, 180_000);
});
