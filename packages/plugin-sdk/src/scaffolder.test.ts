import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as domain from '@fazhi/domain';
import { englishGaps } from './english.js';
import type { WorkAreaPlugin } from './plugin.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const isKind = (v: unknown): v is domain.RecordKind => typeof v === 'object' && v !== null && 'fields' in v && 'periodField' in v && 'area' in v;

/**
 * `pnpm new:plugin` end to end: the scaffolder writes into a temp copy of the repository (links to
 * the real packages, seed and scripts, and a node_modules with what a plugin test imports), then
 * the generated test runs there in a vitest of its own and must pass.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const script = join(repo, 'scripts/new-plugin.mjs');
let root: string;

const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args, '--root', root], { encoding: 'utf8' });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fazhi-scaffold-'));
  mkdirSync(join(root, 'packages/plugins'), { recursive: true });
  for (const p of ['domain', 'metrics', 'report', 'model', 'dataset', 'db', 'plugin-sdk']) symlinkSync(join(repo, 'packages', p), join(root, 'packages', p));
  for (const p of ['seeds', 'scripts', 'tsconfig.base.json']) symlinkSync(join(repo, p), join(root, p));
  // What the generated files import by bare name, resolved as in the workspace.
  const sdkModules = join(repo, 'packages/plugin-sdk/node_modules');
  const links: Record<string, string> = {
    '@fazhi/plugin-sdk': join(repo, 'packages/plugin-sdk'),
    '@fazhi/domain': join(repo, 'packages/domain'),
    '@testing-library/react': realpathSync(join(sdkModules, '@testing-library/react')),
    '@testing-library/dom': realpathSync(join(sdkModules, '@testing-library/dom')),
    react: realpathSync(join(sdkModules, 'react')),
    'react-dom': realpathSync(join(sdkModules, 'react-dom')),
    jsdom: realpathSync(join(sdkModules, 'jsdom')),
    vitest: realpathSync(join(repo, 'node_modules/vitest')),
    '@types/node': realpathSync(join(repo, 'node_modules/@types/node')),
    tsup: realpathSync(join(repo, 'node_modules/tsup')),
  };
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(root, 'node_modules', name));
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pnpm new:plugin', () => {
  test('refuses a malformed id', () => {
    const r = run('Legal_Aid');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('插件编号“Legal_Aid”无效');
  });

  test('an existing work area gets its built-in record kinds', () => {
    const r = run('legal-aid');
    expect(r.status, r.stderr).toBe(0);
    const index = readFileSync(join(root, 'packages/plugins/legal-aid/src/index.ts'), 'utf8');
    // Every built-in kind of the area, by its exported name (legal aid also keeps 群众法律咨询).
    const names = Object.entries(domain).flatMap(([name, v]) => (isKind(v) && v.area === 'legal_aid' ? [name] : []));
    expect(names).toContain('legalAidApplications');
    const imported = /import \{ ([^}]+) \} from '@fazhi\/domain';/.exec(index)?.[1]?.split(', ');
    expect(imported?.sort()).toEqual(names.sort());
    expect(index).toContain("area: 'legal_aid'");
    expect(index).toContain("label: '法律援助',\n  labelEn: 'Legal aid',");
    // No config yet: one is created, naming the plugin.
    expect(r.stdout.trim().split('\n').at(-1)).toBe("'@fazhi/plugin-legal-aid',");
    expect(readFileSync(join(root, 'fazhi.config.ts'), 'utf8')).toContain("  plugins: [\n    '@fazhi/plugin-legal-aid',\n  ],");
    const pkg = JSON.parse(readFileSync(join(root, 'packages/plugins/legal-aid/package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: '@fazhi/plugin-legal-aid', dependencies: { '@fazhi/plugin-sdk': 'workspace:^' } });
  });

  test('a new area declares an example kind; nothing is overwritten', () => {
    const r = run('community-correction', '--label', '社区矫正');
    expect(r.status, r.stderr).toBe(0);
    const dir = join(root, 'packages/plugins/community-correction');
    const index = readFileSync(join(dir, 'src/index.ts'), 'utf8');
    expect(index).toContain("id: 'community_correction_records'");
    // The new area is declared, or composition would refuse the kind.
    expect(index).toContain("areas: [{ id: 'community_correction', label: '社区矫正', labelEn: 'Community correction' }]");
    expect(readFileSync(join(root, 'fazhi.config.ts'), 'utf8')).toContain("    '@fazhi/plugin-legal-aid',\n    '@fazhi/plugin-community-correction',\n  ],");
    expect(existsSync(join(dir, 'src/community-correction.test.tsx'))).toBe(true);

    const again = run('community-correction');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在，不会覆盖');
  });

  test('the generated plugins have their English (English mode shows them whole)', async () => {
    for (const id of ['legal-aid', 'community-correction']) {
      const plugin = ((await import(join(root, 'packages/plugins', id, 'src/index.ts'))) as { default: WorkAreaPlugin }).default;
      expect(englishGaps(plugin), id).toEqual([]);
    }
  }, 120_000);

  test('the generated packages type-check', () => {
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
    for (const id of ['legal-aid', 'community-correction']) {
      const t = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(root, 'packages/plugins', id)], { encoding: 'utf8' });
      expect(t.status, `${id}: ${t.stdout}${t.stderr}`).toBe(0);
    }
  }, 120_000);

  test('the generated tests pass, in a vitest of their own over the temp copy', () => {
    const dir = join(root, 'packages/plugins');
    const config = join(root, 'vitest.config.mjs');
    const conditions = ['fazhi-source', 'module', 'node', 'import', 'default'];
    writeFileSync(
      config,
      `export default ${JSON.stringify({ resolve: { conditions }, ssr: { resolve: { conditions, externalConditions: ['fazhi-source'] } }, test: { include: ['*/src/**/*.test.tsx'], testTimeout: 120000, hookTimeout: 120000 } })};\n`,
    );
    const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
    const t = spawnSync(process.execPath, [vitest, 'run', '--root', dir, '--config', config], { encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' }, timeout: 240_000 });
    expect(t.status, `${t.stdout}\n${t.stderr}`).toBe(0);
    expect(t.stdout).toMatch(/Tests\s+2 passed/);
  }, 300_000);

  // Last: it adds a third package, which the generated-tests run above must not see.
  test('registers the plugin in one place: a root devDependency and a line in fazhi.config.ts', () => {
    writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'fazhi', devDependencies: { '@fazhi/plugin-mediation': 'workspace:^', typescript: '5.9.3' } }, null, 2)}\n`);
    const config = "import type { FazhiConfig } from '@fazhi/model';\n\nexport default {\n  plugins: [\n    '@fazhi/plugin-mediation',\n    // a street's own extension\n    './street.ts'\n  ],\n} satisfies FazhiConfig;\n";
    writeFileSync(join(root, 'fazhi.config.ts'), config);
    const r = run('publicity');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(root, 'fazhi.config.ts'), 'utf8')).toBe(config.replace("    './street.ts'\n", "    './street.ts',\n    '@fazhi/plugin-publicity',\n"));
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies).toEqual({ '@fazhi/plugin-mediation': 'workspace:^', '@fazhi/plugin-publicity': 'workspace:^', typescript: '5.9.3' });
    expect(r.stdout).toContain('已在 fazhi.config.ts 的 plugins 中加入这一行');
    expect(existsSync(join(root, 'apps/console/src/plugins.ts'))).toBe(false);
  });

  test('a config it cannot edit safely is left alone, with the line to add', () => {
    writeFileSync(join(root, 'fazhi.config.ts'), "import base from './base.js';\nexport default base;\n");
    const r = run('hotline-extra');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(root, 'fazhi.config.ts'), 'utf8')).toBe("import base from './base.js';\nexport default base;\n");
    expect(r.stdout.trim().split('\n').slice(-2)).toEqual(['接入控制台和命令行只需在 fazhi.config.ts 的 plugins 中加入这一行：', "'@fazhi/plugin-hotline-extra',"]);
  });
});
