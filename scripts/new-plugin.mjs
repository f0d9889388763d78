#!/usr/bin/env node
/**
 * `pnpm new:plugin <id> [--label 中文名称] [--label-en 'English name'] [--root <repo>]`: creates a working console plugin in
 * packages/plugins/<id>/ (package.json, tsconfig, tsup config, src/index.ts with `definePlugin`,
 * and a passing test that boots it with `renderPlugin` over the embedded database), then registers
 * it: a root devDependency and one line in the `plugins` of the root `fazhi.config.ts`, the one
 * place the console and the CLI take their plugins from. Plain Node, no dependencies.
 *
 * When <id> names a built-in work area (`legal-aid` → area `legal_aid`), the plugin serves that
 * area's record kinds from @fazhi/domain; otherwise it declares a new area with an example record
 * kind (`defineRecordKind`) to adapt. Never overwrites: an existing folder is an error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function fail(message) {
  process.stderr.write(`new-plugin：${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const out = { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--label') out.label = argv[++i];
    else if (a === '--label-en') out.labelEn = argv[++i];
    else if (a === '--root') out.root = resolve(argv[++i] ?? '.');
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a.startsWith('--')) fail(`未知的选项 ${a}`);
    else rest.push(a);
  }
  if (rest.length > 1) fail(`只能指定一个插件编号，收到：${rest.join(' ')}`);
  out.id = rest[0];
  return out;
}

const camel = (s) => s.replace(/[-_]([a-z0-9])/g, (_, c) => c.toUpperCase());

/** Built-in areas and their kinds, read from the domain sources (declarations follow one style). */
function builtIns(root) {
  const dir = join(root, 'packages/domain/src');
  const areas = new Map();
  const areasText = existsSync(join(dir, 'areas.ts')) ? readFileSync(join(dir, 'areas.ts'), 'utf8') : '';
  for (const m of areasText.matchAll(/\{\s*id:\s*'([a-z_]+)',\s*label:\s*'([^']+)'(?:,\s*labelEn:\s*'([^']+)')?/g)) areas.set(m[1], { label: m[2], labelEn: m[3], kinds: [] });
  const kindsDir = join(dir, 'kinds');
  for (const f of existsSync(kindsDir) ? readdirSync(kindsDir).filter((x) => x.endsWith('.ts')) : []) {
    const text = readFileSync(join(kindsDir, f), 'utf8');
    for (const m of text.matchAll(/export const (\w+) = defineRecordKind\(\{([\s\S]*?)\n\}\);/g)) {
      const id = /\bid:\s*'([a-z0-9_]+)'/.exec(m[2])?.[1];
      const area = /\barea:\s*'([a-z0-9_]+)'/.exec(m[2])?.[1];
      if (id && area && areas.has(area)) areas.get(area).kinds.push({ exportName: m[1], id });
    }
  }
  return areas;
}

function packageJson(id) {
  const dev = {
    '@fazhi/db': 'workspace:^',
    '@fazhi/dataset': 'workspace:^',
    '@fazhi/metrics': 'workspace:^',
    '@ant-design/icons': '^5.6.1',
    '@refinedev/antd': '^6.0.3',
    '@refinedev/core': '^5.0.9',
    '@refinedev/react-router': '^2.0.4',
    '@tanstack/react-query': '^5.90.0',
    '@testing-library/dom': '^10.4.1',
    '@testing-library/react': '^16.3.0',
    '@types/react': '^19.2.0',
    '@types/react-dom': '^19.2.0',
    antd: '^5.29.3',
    dayjs: '^1.11.13',
    jsdom: '29.0.1',
    react: '^19.2.0',
    'react-dom': '^19.2.0',
    'react-router': '^7.18.6',
  };
  return {
    name: `@fazhi/plugin-${id}`,
    version: '0.1.0',
    description: `fazhi console plugin: ${id}`,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    exports: {
      '.': { types: './dist/index.d.ts', 'fazhi-source': './src/index.ts', default: './dist/index.js' },
      './package.json': './package.json',
    },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    files: ['dist', 'src', '!src/**/*.test.ts', '!src/**/*.test.tsx'],
    scripts: {
      build: 'tsup',
      typecheck: 'tsc --noEmit -p .',
      lint: 'eslint src --no-error-on-unmatched-pattern && publint --strict',
      test: `vitest run --root ../../.. --project @fazhi/plugin-${id}`,
    },
    publishConfig: { access: 'public' },
    dependencies: { '@fazhi/domain': 'workspace:^', '@fazhi/plugin-sdk': 'workspace:^' },
    devDependencies: Object.fromEntries(Object.entries(dev).sort(([a], [b]) => a.localeCompare(b))),
  };
}

// Workspace imports type-check against sources through the paths of tsconfig.base.json.
const tsconfig = {
  extends: '../../../tsconfig.base.json',
  compilerOptions: { lib: ['ES2023', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx' },
  include: ['src', 'tsup.config.ts'],
};

const tsupConfig = `import { packageConfig } from '../../../scripts/tsup-package';

export default packageConfig({ target: 'es2022' });
`;

/** A quoted string for generated TypeScript. */
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function existingAreaSource(id, areaId, label, labelEn, kinds) {
  const names = kinds.map((k) => k.exportName);
  return `import { ${names.join(', ')} } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * ${label}: the console pages of this work area. Start from the generic pages (list, forms,
 * detail) that the record kinds' field metadata drives; add list filters, form sections, a
 * workflow, attachment slots and dashboard widgets as the clerks need them (docs/plugins.md).
 */
export default definePlugin({
  id: '${id}',
  apiVersion: pluginApiVersion,
  label: '${label}',
  labelEn: ${quote(labelEn)},
  area: '${areaId}',
  resources: [
${names.map((n) => `    { kind: ${n} },`).join('\n')}
  ],
});
`;
}

function newAreaSource(id, areaId, label, labelEn) {
  const kindVar = `${camel(areaId)}Records`;
  return `import { defineRecordKind } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * An example record kind for the new work area “${label}”: rename the fields to what the clerks'
 * ledger (台账) records. Field metadata drives validation, the database table (its masked view
 * and row-level security), the list, the forms and ledger import alike.
 */
export const ${kindVar} = defineRecordKind({
  id: '${areaId}_records',
  label: '${label}记录',
  labelEn: ${quote(`${labelEn} records`)},
  area: '${areaId}',
  measureWord: '件',
  periodField: 'occurredOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '事项名称', labelEn: 'Title', type: 'text', required: true, listed: true, maxLength: 100 },
    { key: 'occurredOn', label: '发生日期', labelEn: 'Date', type: 'date', required: true, listed: true },
    { key: 'category', label: '类别', labelEn: 'Category', type: 'enum', required: true, listed: true, options: [{ value: 'routine', label: '日常', labelEn: 'Routine' }, { value: 'special', label: '专项', labelEn: 'Special' }] },
    { key: 'peopleCount', label: '涉及人数', labelEn: 'People involved', type: 'integer', min: 0, unit: '人', listed: true },
    { key: 'amount', label: '涉及金额', labelEn: 'Amount', type: 'money', unit: '元' },
    { key: 'contactName', label: '联系人', labelEn: 'Contact', type: 'text', personal: true },
    { key: 'note', label: '备注', labelEn: 'Note', type: 'longtext' },
  ],
});

export default definePlugin({
  id: '${id}',
  apiVersion: pluginApiVersion,
  label: '${label}',
  labelEn: ${quote(labelEn)},
  area: '${areaId}',
  // A new work area is declared here; clerks are granted it by this id (memberships.areas).
  areas: [{ id: '${areaId}', label: '${label}', labelEn: ${quote(labelEn)} }],
  resources: [
    {
      kind: ${kindVar},
      listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'category' }, { type: 'text', fields: ['title', 'note'] }],
      formSections: [
        { title: '基本信息', titleEn: 'Basics', fields: ['title', 'occurredOn', 'category', 'peopleCount', 'amount'] },
        { title: '联系人', titleEn: 'Contact', fields: ['contactName'], personal: true },
        { title: '备注', titleEn: 'Note', fields: ['note'] },
      ],
    },
  ],
});
`;
}

function testSource(id, existing) {
  const head = `// @vitest-environment jsdom
import { renderPlugin } from '@fazhi/plugin-sdk/testing';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import plugin from './index.js';

afterEach(() => cleanup());
`;
  if (existing) {
    return `${head}
test('${id}: the list shows the seed records the street admin may read, through the real database', async () => {
  const r = await renderPlugin(plugin, { user: 'admin' });
  try {
    const kind = plugin.resources[0]!.kind;
    const { total } = await r.dataProvider.getList({ resource: kind.id, pagination: { currentPage: 1, pageSize: 1 } });
    expect(total).toBeGreaterThan(0);
    expect(await screen.findByText(\`共 \${total} 条\`, {}, { timeout: 20_000 })).toBeTruthy();
  } finally {
    cleanup();
    await r.database.close();
  }
});
`;
  }
  return `${head}
test('${id}: a record saved as the street admin shows in the list, through the real database', async () => {
  // The new kind's table is created from its declaration; it starts empty.
  const kind = plugin.resources[0]!.kind;
  const first = await renderPlugin(plugin, { user: 'admin' });
  const street = first.user.memberships[0]!.orgId;
  await first.dataProvider.create({ resource: kind.id, variables: { orgId: street, title: '示例事项', occurredOn: '2024-05-01', category: 'routine' } });
  cleanup();
  const r = await renderPlugin(plugin, { user: 'admin', database: first.database });
  try {
    expect(await screen.findByText('示例事项', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText('共 1 条')).toBeTruthy();
  } finally {
    cleanup();
    await r.database.close();
  }
});
`;
}

const configTemplate = (name) => `import type { FazhiConfig } from '@fazhi/model';

/** The plugins (and report template) of this fazhi: the console is built from it, the CLI reads it. */
export default {
  plugins: [
    '${name}',
  ],
} satisfies FazhiConfig;
`;

/**
 * Adds the package to the \`plugins\` array of the root fazhi.config.ts (created when missing), one
 * line before the closing bracket in the array's own indentation. 'added', 'present', or 'manual'
 * when the file has no \`plugins: [\` array this can edit safely (a .js or .json config, say).
 */
function registerInConfig(root, name) {
  const file = join(root, 'fazhi.config.ts');
  if (!existsSync(file)) {
    if (['js', 'mjs', 'mts', 'json'].some((ext) => existsSync(join(root, `fazhi.config.${ext}`)))) return 'manual';
    writeFileSync(file, configTemplate(name), { flag: 'wx' });
    return 'added';
  }
  const text = readFileSync(file, 'utf8');
  if (text.includes(`'${name}'`) || text.includes(`"${name}"`)) return 'present';
  const m = /^([ \t]*)plugins:\s*\[([\s\S]*?)\n?([ \t]*)\]/m.exec(text);
  if (!m) return 'manual';
  const [whole, indent, items, closeIndent] = m;
  const body = items.replace(/\s+$/, '');
  const itemIndent = /\n([ \t]+)\S/.exec(items)?.[1] ?? `${indent}  `;
  const sep = body.trim() && !body.trim().endsWith(',') ? ',' : '';
  const next = `${indent}plugins: [${body}${sep}\n${itemIndent}'${name}',\n${closeIndent || indent}]`;
  writeFileSync(file, text.replace(whole, next));
  return 'added';
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || !args.id) {
    process.stdout.write('用法：pnpm new:plugin <编号> [--label 中文名称] [--label-en 英文名称]\n编号为 kebab-case，例如 legal-aid（已有领域）或 community-correction（新领域）。\n');
    process.exit(args.help ? 0 : 1);
  }
  const id = args.id;
  if (!kebab.test(id)) fail(`插件编号“${id}”无效：应为 kebab-case（小写字母、数字，以连字符分隔，如 legal-aid）`);
  const dir = join(args.root, 'packages/plugins', id);
  if (existsSync(dir)) fail(`${relative(process.cwd(), dir) || dir} 已存在，不会覆盖。请换一个编号或先删除该文件夹。`);

  const areaId = id.replace(/-/g, '_');
  const area = builtIns(args.root).get(areaId);
  const existing = area && area.kinds.length > 0;
  const label = args.label ?? area?.label ?? `新领域（${id}）`;
  // English mode shows it (a test fails for a plugin without its English): the area's, else the id in words.
  const labelEn = args.labelEn ?? area?.labelEn ?? `${id[0].toUpperCase()}${id.slice(1).replace(/-/g, ' ')}`;
  const files = {
    'package.json': `${JSON.stringify(packageJson(id), null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    'tsup.config.ts': tsupConfig,
    'src/index.ts': existing ? existingAreaSource(id, areaId, label, labelEn, area.kinds) : newAreaSource(id, areaId, label, labelEn),
    [`src/${id}.test.tsx`]: testSource(id, existing),
  };
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, { flag: 'wx' });

  // The repository depends on every configured plugin package (a workspace link), so the config
  // file at its root can name it…
  const name = `@fazhi/plugin-${id}`;
  const rootPkg = join(args.root, 'package.json');
  let linked = false;
  if (existsSync(rootPkg)) {
    const pkg = JSON.parse(readFileSync(rootPkg, 'utf8'));
    const deps = { ...pkg.devDependencies, [name]: 'workspace:^' };
    pkg.devDependencies = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(rootPkg, `${JSON.stringify(pkg, null, 2)}\n`);
    linked = true;
  }

  // …and fazhi.config.ts, the one place a plugin is registered, lists it.
  const listed = registerInConfig(args.root, name);
  const line = `'${name}',`;
  const out = [
    `已创建 packages/plugins/${id}/（${name}）：${existing ? `使用已有的记录类型 ${area.kinds.map((k) => k.id).join('、')}` : `新领域“${label}”，含示例记录类型 ${areaId}_records`}。`,
    ...(linked ? [`已在根目录 package.json 中加入开发依赖 ${name}。`] : []),
    '下一步：pnpm install，然后 pnpm test --project ' + name,
    ...(listed === 'added'
      ? ['已在 fazhi.config.ts 的 plugins 中加入这一行，控制台下次构建、命令行下次运行即包含该领域：', line]
      : listed === 'present'
        ? ['fazhi.config.ts 中已有该插件。']
        : ['接入控制台和命令行只需在 fazhi.config.ts 的 plugins 中加入这一行：', line]),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
