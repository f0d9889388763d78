import { main } from '@fazhi/cli';
import { loadDataset } from '@fazhi/dataset';
import { asUser, demoAccounts, openDatabase, type Database } from '@fazhi/db';
import { testDatabases } from '@fazhi/db/testing';
import { yearPeriod } from '@fazhi/domain';
import { Evaluator, formatIndicator } from '@fazhi/metrics';
import { composeModel } from '@fazhi/model';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import communityCorrection from '../src/index.js';

/**
 * The proof, end to end: the CLI run in this package's folder finds its own
 * `fazhi.config.ts` (one command names it with `--config` from elsewhere instead), against PGlite
 * and PostgreSQL 15. Nothing outside this package names the plugin.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const config = fileURLToPath(new URL('../fazhi.config.ts', import.meta.url));
const dataset = fileURLToPath(new URL('../dataset', import.meta.url));
const kinds = ['community_correction_subjects', 'community_correction_visits'] as const;

async function fazhi(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, { cwd });
  return { code, stdout, stderr };
}

/** `fazhi …` in this package's folder; it must succeed and print no error. */
async function ok(...argv: string[]): Promise<string> {
  return okIn(packageDir, argv);
}

async function okIn(cwd: string, argv: string[]): Promise<string> {
  const r = await fazhi(cwd, argv);
  expect(r.stderr, `fazhi ${argv.join(' ')}`).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** What the generator attaches to a table, with the table's own name taken out, to compare kinds. */
async function generatedParts(db: Database, table: string) {
  const strip = (names: { name: string }[]) => names.map((r) => r.name.replaceAll(table, '<kind>')).sort();
  const policies = await db.query<{ name: string }>(`select policyname as name from pg_policies where schemaname = 'public' and tablename = $1`, [table]);
  const triggers = await db.query<{ name: string }>(`select tgname as name from pg_trigger where not tgisinternal and tgrelid = ('public.' || $1)::regclass`, [table]);
  const rls = await db.query<{ on: boolean }>(`select relrowsecurity as on from pg_class where oid = ('public.' || $1)::regclass`, [table]);
  const columns = await db.query<{ name: string }>(
    `select column_name as name from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name in ('id', 'org_id', 'deleted_at', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by')`,
    [table],
  );
  const view = await db.query<{ options: string[] | null }>(`select reloptions as options from pg_class where oid = ('public.' || $1 || '_view')::regclass`, [table]);
  return { policies: strip(policies.rows), triggers: strip(triggers.rows), rls: rls.rows[0]!.on, columns: columns.rows.map((r) => r.name).sort(), view: view.rows[0]!.options };
}

describe.each(testDatabases())('the example plugin through the CLI on $name', (backend) => {
  let url: string;
  beforeAll(async () => {
    url = await backend.createEmptyUrl();
  });

  test('db migrate creates its tables with the same generated RLS, masked views, audit and version columns as a built-in kind', async () => {
    await ok('db', 'migrate', '--db', url);
    const db = await openDatabase(url);
    try {
      const registered = await db.query<{ kind_id: string; area: string }>(`select kind_id, area from private.record_kinds where kind_id = any($1) order by kind_id`, [kinds]);
      expect(registered.rows).toEqual(kinds.map((k) => ({ kind_id: k, area: 'community_correction' })));
      const builtIn = await generatedParts(db, 'mediation_cases');
      expect(builtIn.policies.length).toBeGreaterThan(0);
      const subjects = await generatedParts(db, 'community_correction_subjects');
      expect(subjects).toEqual(builtIn);
      const visits = await generatedParts(db, 'community_correction_visits');
      // No personal fields and no workflow on the visits: no masked-write guard and no step check;
      // everything else as a built-in kind.
      const without = new Set(['<kind>_refuse_masked_write', '<kind>_check_step']);
      expect(visits).toEqual({ ...builtIn, triggers: builtIn.triggers.filter((t) => !without.has(t)).map((t) => t.replace('case_no', 'visit_no')) });
    } finally {
      await db.close();
    }
  });

  test('db seed loads its dataset; metrics computes its indicators in memory and in SQL, equal; report carries its section', async () => {
    const seeded = await ok('db', 'seed', '--db', url, '--dataset', dataset);
    const ds = await loadDataset(dataset, { registry: composeModel({ extensions: [communityCorrection] }).registry });
    const total = kinds.reduce((n, k) => n + ds.records.get(k)!.length, 0);
    expect(seeded).toContain(`记录 ${total} 条（2 类）`);

    // The generated view masks the plugin's personal fields for a user without the right, and RLS
    // hides its rows from a clerk of another area, like for any built-in kind.
    const db = await openDatabase(url);
    try {
      const names = (email: string) =>
        asUser(db, { userId: demoAccounts.find((a) => a.email.startsWith(`${email}@`))!.id }, async (tx) =>
          (await tx.query<{ name: string }>(`select name from community_correction_subjects_view where deleted_at is null order by case_no`)).rows.map((r) => r.name),
        );
      const real = (await names('admin')).filter(Boolean);
      expect(real).toHaveLength(ds.records.get('community_correction_subjects')!.filter((r) => !r.deletedAt).length);
      expect(real.some((n) => n.includes('*'))).toBe(false);
      const masked = await names('viewer');
      expect(masked).toHaveLength(real.length);
      masked.forEach((n, i) => expect(n).toBe(`${real[i]!.slice(0, 1)}${'*'.repeat(real[i]!.length - 1)}`));
      expect(await names('mediation')).toEqual([]);
    } finally {
      await db.close();
    }

    for (const year of ['2023', '2024']) {
      const args = ['metrics', '--year', year, '--format', 'json', '--only', 'community_correction.', '--today', '2026-12-04'];
      // In memory from another folder, naming the config; in SQL from the package's folder.
      const memory = JSON.parse(await okIn(tmpdir(), [...args, '--dataset', dataset, '--config', config])) as { indicators: { id: string; value: number | null; display: string }[] };
      const sql = JSON.parse(await ok(...args, '--db', url)) as typeof memory;
      expect(memory.indicators.map((i) => i.id)).toEqual(communityCorrection.catalog.indicators.map((i) => i.id));
      expect(memory.indicators.every((i) => i.value !== null)).toBe(true);
      expect(sql.indicators.map((i) => [i.id, i.display])).toEqual(memory.indicators.map((i) => [i.id, i.display]));
      for (const [k, i] of sql.indicators.entries()) expect(i.value, i.id).toBeCloseTo(memory.indicators[k]!.value!, 9);
    }

    const report = await ok('report', '--db', url, '--year', '2024', '--format', 'markdown', '--today', '2026-12-04');
    const ev = new Evaluator({ orgs: ds.orgs, records: ds.records, catalog: composeModel({ extensions: [communityCorrection] }).catalog });
    const shown = (id: string) => {
      const r = ev.evaluate(`community_correction.${id}`, ds.manifest.rootOrgId, yearPeriod(2024));
      return formatIndicator(r.indicator, r.value);
    };
    expect(report).toContain('依法开展社区矫正工作');
    expect(report).toContain(`全年新接收社区矫正对象${shown('new_subjects')}，解除矫正${shown('released_subjects')}（其中期满解除${shown('term_expired')}）`);
    expect(report).toContain(`社区矫正对象再犯罪率${shown('reoffending_rate')}`);
  });
});
