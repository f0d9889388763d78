import { asUser } from '@fazhi/db';
import { sqlDataProvider } from '@fazhi/db/refine';
import { indicatorValue, interpretMeasure, type Measure } from '@fazhi/metrics';
import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { composeConsole } from '@fazhi/plugin-sdk/host';
import { createPluginDatabase, demoAccount, loadConsoleUser, sqlIndicatorSource, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { measureListFilters, subtreeOf } from '@fazhi/plugin-sdk/ui';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Figure drill-down, for every indicator card of every dashboard of the configured console (the
// root fazhi.config.ts, so a plugin registered there is covered the day it lands): the list the
// card opens, filtered by the SDK's translation of the measure and read through the data provider
// as a street admin under RLS, holds exactly the records behind the figure the SQL evaluator shows.
// A count is the list's total; any other aggregation is recomputed over the listed rows.

const configFile = resolve(import.meta.dirname, '../../../fazhi.config.ts');
const year = 2024;

let plugins: WorkAreaPlugin[];
let database: PluginDatabase;
beforeAll(async () => {
  const config = (await import(pathToFileURL(configFile).href)) as { default: { plugins: readonly unknown[] } };
  const entries = await Promise.all(config.default.plugins.map(async (e) => (typeof e === 'string' ? ((await import(e)) as { default: unknown }).default : e)));
  const composed = composeConsole(entries);
  plugins = [...composed.plugins];
  database = await createPluginDatabase(plugins, { model: composed.model });
}, 300_000);
afterAll(() => database?.close());

describe('figure drill-down over the configured console', () => {
  test('every dashboard card’s list holds exactly its figure (count: the total; sum, latest, distinct, groups: over the rows)', async () => {
    const account = demoAccount('admin');
    const user = await loadConsoleUser(database.db, account.id, account.displayName);
    const provider = sqlDataProvider({ db: database.db, session: (fn) => asUser(database.db, { userId: account.id }, fn), registry: database.model.registry });
    const figures = sqlIndicatorSource(database.db, account.id, database.model.catalog);
    const root = database.dataset.manifest.rootOrgId;
    const orgIds = subtreeOf(user.orgs, root);
    expect(orgIds.length).toBeGreaterThan(1);
    const measures = new Map(database.model.catalog.measures.map((m) => [m.id, m]));
    const cards = plugins.flatMap((p) => (p.dashboard ?? []).flatMap((w) => (w.type === 'indicator-card' ? [w.indicator] : [])));
    expect(cards.length).toBeGreaterThanOrEqual(plugins.length);
    const compared = await figures.compare(cards, root, { kind: 'year', year });

    const listed = async (m: Measure, range: { start: string; end: string }) => {
      const r = await provider.getList({ resource: m.kind, filters: [measureListFilters(m, range, orgIds)], pagination: { mode: 'off' } });
      expect(r.total, m.id).toBe(r.data.length);
      return m.aggregation.type === 'count' ? r.total : interpretMeasure(m)(r.data as never[], new Set(orgIds), range);
    };
    const seen: string[] = [];
    for (const c of compared) {
      const i = c.current.indicator;
      const range = c.current.range;
      const numerator = await listed(measures.get(i.numerator)!, range);
      expect(numerator, `${i.id}（分子）`).toBe(c.current.numerator.value);
      let denominator: number | null | undefined;
      if (i.denominator) {
        denominator = await listed(measures.get(i.denominator)!, range);
        expect(denominator, `${i.id}（分母）`).toBe(c.current.denominator!.value);
      }
      expect(indicatorValue(i, numerator, denominator), i.id).toBe(c.current.value);
      seen.push(`${i.id}=${c.current.value}`);
    }
    // Not a vacuous pass: every card was checked, and the seed's figures are not all zero.
    expect(seen).toHaveLength(cards.length);
    expect(compared.filter((c) => (c.current.value ?? 0) > 0).length).toBeGreaterThan(cards.length / 2);
  }, 300_000);
});
