import { createRegistry, defineRecordKind } from '@fazhi/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../package-paths.js';
import { testDatabases } from '../testing/index.js';
import { personalFieldsMigrationFile, releasedGeneratedMigrations } from './index.js';
import { personalFieldsMigrationSql } from './personal-fields-migration.js';
import { recordsMigrationSql } from './records-migration.js';

const migration = (file: string) => readFileSync(join(defaultMigrationsDir(), file), 'utf8');

/** A third-party kind with a long name and a personal field that is not text (withheld, never masked). */
const visit = defineRecordKind({
  id: 'home_visits_with_a_rather_long_table_name_for_personal_tests',
  label: '测试走访',
  area: 'custom_area',
  measureWord: '次',
  periodField: 'visitedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '标题', type: 'text', required: true },
    { key: 'visitedOn', label: '日期', type: 'date', required: true },
    { key: 'user', label: '对象', type: 'text', personal: true },
    { key: 'birthDate', label: '出生日期', type: 'date', personal: true },
  ],
  rules: [],
});

describe('personalFieldsMigrationSql', () => {
  it('matches the committed migration, generated from the frozen release snapshot', () => {
    expect(migration(personalFieldsMigrationFile)).toBe(releasedGeneratedMigrations().find((m) => m.file === personalFieldsMigrationFile)!.sql);
  });

  it('says it is generated, is deterministic, and makes every view security_invoker', () => {
    const registry = createRegistry();
    const sql = personalFieldsMigrationSql(registry);
    expect(sql.startsWith('-- generated — do not edit.')).toBe(true);
    expect(personalFieldsMigrationSql(createRegistry())).toBe(sql);
    expect(sql.match(/with \(security_invoker = true\)/g)).toHaveLength(registry.list().length);
    expect(sql).not.toContain('security_barrier');
  });
});

describe.each(testDatabases())('a third-party kind with personal fields on $name', (backend) => {
  it('reads text masked and other personal values as null without the right, and guards its text', async () => {
    const db = await backend.create();
    try {
      // The kind is new to this database: its table first (records generator), then its personal part.
      const registry = createRegistry([visit]);
      const own = (sql: string) => sql.split(/\n(?=-- \w+: |-- References )/).filter((block) => block.includes(visit.id)).join('\n');
      await db.exec(own(recordsMigrationSql(registry)));
      await db.exec(own(personalFieldsMigrationSql(registry)));
      const viewer = '00000000-0000-4000-9000-00000000e001';
      await db.exec(`
        insert into public.org_units (id, kind, name) values ('00000000-0000-4000-8000-00000000e0a0', 'street', '测试街道');
        insert into auth.users (id, email) values ('${viewer}', 'visit-viewer@example.test');
        insert into public.memberships (user_id, org_id, role) values ('${viewer}', '00000000-0000-4000-8000-00000000e0a0', 'viewer');
        insert into public.${visit.id} (org_id, title, visited_on, "user", birth_date)
          values ('00000000-0000-4000-8000-00000000e0a0', '走访', '2024-01-02', '张三丰', '1990-01-01');`);
      const seen = await db.transaction(async (tx) => {
        await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [JSON.stringify({ sub: viewer, role: 'authenticated' })]);
        return (await tx.query(`select "user", birth_date from public.${visit.id}_view`)).rows;
      });
      expect(seen).toEqual([{ user: '张**', birth_date: null }]);
      const owner = await db.query(`select "user", birth_date::text from public.${visit.id}`);
      expect(owner.rows).toEqual([{ user: '张三丰', birth_date: '1990-01-01' }]);
      await expect(db.query(`update public.${visit.id} set "user" = '张**'`)).rejects.toMatchObject({ code: 'PT422', message: expect.stringContaining('“对象”显示为遮蔽值（张**）') });
    } finally {
      await db.close();
    }
  });
});
