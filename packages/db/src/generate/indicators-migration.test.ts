import { createRegistry } from '@fazhi/domain';
import { builtInCatalog, type Catalog, type Measure } from '@fazhi/metrics';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indicatorsMigrationFile, releasedGeneratedMigrations } from './index.js';
import { indicatorsMigrationSql } from './indicators-migration.js';

const registry = createRegistry();
const committed = () => readFileSync(new URL(`../../../../supabase/migrations/${indicatorsMigrationFile}`, import.meta.url), 'utf8');

describe('indicatorsMigrationSql', () => {
  const sql = indicatorsMigrationSql(builtInCatalog, registry);

  it('matches the committed migration, generated from the frozen release snapshot', () => {
    expect(committed()).toBe(releasedGeneratedMigrations().find((m) => m.file === indicatorsMigrationFile)!.sql);
  });

  it('is deterministic and marked as generated', () => {
    expect(indicatorsMigrationSql(builtInCatalog, createRegistry())).toBe(sql);
    expect(sql.startsWith('-- generated — do not edit.')).toBe(true);
  });

  it('defines both functions as stable security invoker with a fixed search_path, for members only', () => {
    for (const fn of ['measure_values', 'indicator_values']) {
      const def = sql.slice(sql.indexOf(`create or replace function public.${fn}(`));
      expect(def.slice(0, def.indexOf('as $fn$'))).toMatch(/language sql\nstable\nsecurity invoker\nset search_path = ''/);
      expect(sql).toContain(`revoke all on function public.${fn}(uuid, date, date) from public, anon;`);
      expect(sql).toContain(`grant execute on function public.${fn}(uuid, date, date) to authenticated, service_role;`);
    }
    expect(sql).not.toMatch(/security definer/);
  });

  it('reads each record table once per call, narrowed to the subtree and not deleted', () => {
    const kinds = [...new Set(builtInCatalog.measures.map((m) => m.kind))];
    for (const kind of kinds) {
      expect(sql.split(`from public.${kind} t\n`).length - 1, kind).toBe(1);
    }
    expect(sql.match(/t\.org_id = any \(\(select org_ids from scope\)::uuid\[\]\) and t\.deleted_at is null/g)).toHaveLength(kinds.length);
  });

  it('compares date-times with the Shanghai midnights of the period bounds', () => {
    expect(sql).toContain(`t.received_at >= (p_start::timestamp at time zone 'Asia/Shanghai') and t.received_at < (p_end::timestamp at time zone 'Asia/Shanghai')`);
  });

  it('lists every measure and indicator of the catalog', () => {
    for (const m of builtInCatalog.measures) expect(sql).toContain(`('${m.id}', a.m`);
    for (const i of builtInCatalog.indicators) expect(sql).toContain(`'${i.id}', '${i.numerator}'`);
  });

  const withMeasure = (m: Partial<Measure>): Catalog => ({
    measures: [{ id: 'x.y', label: 'x', kind: 'hotline_tickets', aggregation: { type: 'count' }, period: { type: 'within', field: 'receivedAt' }, filters: [], valueType: 'count', unit: '件', description: 'x', ...m }],
    indicators: [],
  });

  it('refuses comparisons whose in-memory meaning has no SQL equivalent, naming them', () => {
    expect(() => indicatorsMigrationSql(withMeasure({ filters: [{ field: 'receivedAt', op: 'lt', value: '2024/1/1' }] }), registry)).toThrow(/不能与 t\.received_at 比较大小/);
    expect(() => indicatorsMigrationSql(withMeasure({ filters: [{ field: 'ticketNo', op: 'lt_field', ref: 'receivedAt' }] }), registry)).toThrow(/无法比较/);
  });

  it('runs the catalog check first', () => {
    expect(() => indicatorsMigrationSql(withMeasure({ kind: 'no_such_kind' }), registry)).toThrow(/未知的记录类型/);
  });
});
