import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// What every published package owes its users: the licence it claims, where it comes from, a
// README, and a usage example in that README that really runs.
const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  homepage?: string;
  repository?: { type?: string; url?: string; directory?: string };
  bugs?: { url?: string };
}

const published = ['packages', 'packages/plugins', 'apps']
  .flatMap((base) => readdirSync(join(root, base)).map((name) => join(root, base, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }))
  .filter(({ manifest }) => !manifest.private);

/** The ```ts blocks of a README, in order, as one module. */
const typescriptExamples = (readme: string) => [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');

it('covers every published package', () => {
  expect(published.map((p) => p.manifest.name).sort()).toEqual(
    expect.arrayContaining(['@fazhi/cli', '@fazhi/dataset', '@fazhi/db', '@fazhi/domain', '@fazhi/metrics', '@fazhi/model', '@fazhi/plugin-enforcement', '@fazhi/plugin-leadership', '@fazhi/plugin-legal-aid', '@fazhi/plugin-mediation', '@fazhi/plugin-public-service', '@fazhi/plugin-publicity', '@fazhi/plugin-sdk', '@fazhi/report']),
  );
});

describe.each(published)('$manifest.name', ({ dir, manifest }) => {
  it('is MIT licensed with the repository LICENSE beside it', () => {
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
  });

  it('names its repository folder, homepage and issue tracker', () => {
    const directory = relative(root, dir).split('\\').join('/');
    expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/fazhi-dev/fazhi.git', directory });
    expect(manifest.homepage).toBe(`https://github.com/fazhi-dev/fazhi/tree/main/${directory}#readme`);
    expect(manifest.bugs?.url).toBe('https://github.com/fazhi-dev/fazhi/issues');
  });

  it('has a README with the install command and links to the docs', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(`npm install ${manifest.name}`);
    for (const [, link] of readme.matchAll(/\]\(https:\/\/github\.com\/fazhi-dev\/fazhi\/blob\/main\/([^)#]+)/g)) {
      expect(existsSync(join(root, link!)), `${manifest.name} README links to ${link}`).toBe(true);
    }
  });

  it("the README's example runs", async () => {
    const code = typescriptExamples(readFileSync(join(dir, 'README.md'), 'utf8'));
    expect(code).not.toBe('');
    // Inside the package folder, so that `import … from '<its own name>'` resolves (self-reference).
    const file = join(dir, `.readme-example-${process.pid}.mts`);
    writeFileSync(file, code);
    try {
      const { stdout } = await run(process.execPath, ['--conditions=fazhi-source', '--import', 'tsx', file], { cwd: dir, timeout: 50_000 });
      expect(stdout.trim()).not.toBe('');
    } finally {
      rmSync(file, { force: true });
    }
  });
});
