import { createRegistry, defineRecordKind, options } from '@fazhi/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, defaultShimFile } from '../package-paths.js';
import { testDatabases } from '../testing/index.js';
import { recordsMigrationFile, releasedGeneratedMigrations } from './index.js';
import { recordsMigrationSql } from './records-migration.js';

const migration = (file: string) => readFileSync(join(defaultMigrationsDir(), file), 'utf8');
const committed = () => migration(recordsMigrationFile);

const gadget = defineRecordKind({
  id: 'gadget_inspections_with_a_rather_long_table_name_for_tests',
  label: '测试检查',
  area: 'custom_area',
  measureWord: '次',
  periodField: 'heldOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '标题', type: 'text', required: true, pattern: { regex: "^[A-Z]{2}-\\d+$", hint: 'AB-123' } },
    { key: 'heldOn', label: '日期', type: 'date', required: true },
    { key: 'user', label: '对象', type: 'text', personal: true },
    { key: 'score', label: '得分', type: 'decimal', scale: 1, min: 0, max: 10 },
    { key: 'tags', label: '标签', type: 'enum-set', required: true, options: options(['a', '甲'], ["o'b", '乙']) },
    { key: 'officerId', label: '人员', type: 'ref', target: 'enforcement_officers' },
    { key: 'selfId', label: '上一次', type: 'ref', target: 'gadget_inspections_with_a_rather_long_table_name_for_tests' },
  ],
  rules: [{ type: 'required-when', field: 'score', when: { field: 'title', in: ['X'] } }],
});

describe('recordsMigrationSql', () => {
  it('matches the committed migration, generated from the frozen release snapshot', () => {
    expect(committed()).toBe(releasedGeneratedMigrations().find((m) => m.file === recordsMigrationFile)!.sql);
  });

  it('says it is generated and is deterministic', () => {
    const sql = recordsMigrationSql(createRegistry());
    expect(sql.startsWith('-- generated — do not edit.')).toBe(true);
    expect(recordsMigrationSql(createRegistry())).toBe(sql);
  });

  it('handles a third-party kind: quoting, long names, patterns, enum sets, references', () => {
    const sql = recordsMigrationSql(createRegistry([gadget]));
    const t = gadget.id;
    expect(sql).toContain(`create table public.${t} (`);
    expect(sql).toContain(`"user" text, -- 对象（个人信息）`);
    expect(sql).toContain(`check (title ~ '^[A-Z]{2}-\\d+$')`);
    expect(sql).toContain(`check (tags <@ array['a', 'o''b']::text[])`);
    expect(sql).toContain(`check (cardinality(tags) > 0)`);
    expect(sql).toContain(`score numeric(14, 1)`);
    expect(sql).toContain(`references public.enforcement_officers (id)`);
    expect(sql).toContain(`references public.${t} (id)`);
    // Every generated name fits Postgres' 63-byte limit; long ones carry a stable hash and keep their column and rule.
    const names = [...sql.matchAll(/(?:constraint|index|trigger) ([a-z0-9_]+)/g)].map((m) => m[1]!);
    expect(names.filter((n) => Buffer.byteLength(n) > 63)).toEqual([]);
    expect(names).toContainEqual(expect.stringMatching(/^gadget_inspections_\w+_[0-9a-f]{8}_tags_options$/));
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses a reference to an unregistered kind, in Chinese', () => {
    const orphan = defineRecordKind({ ...gadget, id: 'orphans', fields: [{ key: 'lostId', label: '遗失', type: 'ref', target: 'nowhere' }], periodField: 'lostId', titleField: 'lostId', rules: [] });
    expect(() => recordsMigrationSql(createRegistry([orphan]))).toThrow('记录类型“测试检查”（orphans）的字段“遗失”引用了未注册的记录类型“nowhere”');
  });
});

describe.each(testDatabases())('a third-party kind migrates on $name', (backend) => {
  it('applies, and its rules hold', async () => {
    const db = await backend.createEmpty();
    try {
      await db.exec(readFileSync(defaultShimFile(), 'utf8'));
      await db.exec(migration('20261128000000_base.sql'));
      await db.exec(recordsMigrationSql(createRegistry([gadget])));
      const org = (await db.query<{ id: string }>(`insert into public.org_units (kind, name) values ('street', '测试街道') returning id`)).rows[0]!.id;
      const insert = (title: string, tags: string[], score: number | null = null) =>
        db.query(`insert into public.${gadget.id} (org_id, title, held_on, tags, score) values ($1, $2, '2024-01-01', $3, $4)`, [org, title, tags, score]);
      await insert('AB-1', ["o'b"]);
      const failures = async (run: () => Promise<unknown>) => run().then(() => 'ok', (e: { constraint?: string; code?: string }) => e.constraint ?? e.code);
      expect(await failures(() => insert('bad', ['a']))).toMatch(/_title_pattern$/);
      expect(await failures(() => insert('AB-2', ['c']))).toMatch(/_tags_options$/);
      expect(await failures(() => insert('AB-3', []))).toMatch(/_tags_not_empty$/);
    } finally {
      await db.close();
    }
  });
});
