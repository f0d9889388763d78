import { asUser, uuidFor } from '@fazhi/db';
import { sqlDataProvider } from '@fazhi/db/refine';
import { todayInShanghai, type AnyRecord } from '@fazhi/domain';
import enforcement from '@fazhi/plugin-enforcement';
import mediation from '@fazhi/plugin-mediation';
import publicService from '@fazhi/plugin-public-service';
import rectification from '@fazhi/plugin-rectification';
import { composeConsole } from '@fazhi/plugin-sdk/host';
import { createPluginDatabase, demoAccount, loadConsoleUser, type PluginDatabase } from '@fazhi/plugin-sdk/testing';
import { attentionRulesOf, meetsRule } from '@fazhi/plugin-sdk/ui';
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readinessChecks, type ReadinessItem } from './report-readiness.js';

/**
 * The readiness checks on the real embedded database, as the street admin: each count comes from
 * the database through the lists' own filters; each expectation from the seed's records in memory.
 */
const { plugins, model } = composeConsole([publicService, rectification, enforcement, mediation]);
let database: PluginDatabase;
let items: ReadinessItem[];
let checksOn: (day: string) => Promise<ReadinessItem[]>;
const year = 2024;
const today = todayInShanghai();
beforeAll(async () => {
  database = await createPluginDatabase(plugins, { model });
  const account = demoAccount('admin');
  const user = await loadConsoleUser(database.db, account.id, account.displayName);
  const provider = sqlDataProvider({ db: database.db, session: (fn) => asUser(database.db, { userId: account.id }, fn), registry: model.registry });
  const street = uuidFor(database.dataset.manifest.rootOrgId);
  checksOn = (day) =>
    readinessChecks(
      plugins,
      model.catalog,
      {
        count: async (kind, filters) => (await provider.getList({ resource: kind, filters, pagination: { currentPage: 1, pageSize: 1 } })).total,
        rows: async (kind, filters) => (await provider.getList({ resource: kind, filters, pagination: { mode: 'off' } })).data as Record<string, unknown>[],
      },
      user.orgs,
      street,
      year,
      day,
    );
  items = await checksOn(today);
}, 180_000);
afterAll(() => database?.close());

const inYear = (r: AnyRecord, field: string) => typeof r[field] === 'string' && (r[field] as string) >= `${year}-01-01` && (r[field] as string) < `${year + 1}-01-01`;
const item = (id: string) => items.find((i) => i.id === id);

describe('readiness checks before sign-off', () => {
  test('every attention rule counts the year’s records that meet it, as the list it links to filters them', () => {
    for (const plugin of plugins) {
      for (const resource of plugin.resources) {
        for (const rule of attentionRulesOf(resource)) {
          const expected = database.liveRecords(resource.kind.id).filter((r) => inYear(r, resource.kind.periodField) && meetsRule(rule, r, today)).length;
          const found = item(`${resource.kind.id}:${rule.id}`);
          expect(found?.count ?? 0, `${resource.kind.label} · ${rule.label}`).toBe(expected);
          if (found) expect(JSON.parse(new URLSearchParams(found.search).get('f')!)).toMatchObject({ [`attention__${rule.id}`]: true });
        }
      }
    }
  });

  test('tickets the caller did not rate are a share of the year’s tickets, not a flag', () => {
    const unrated = item('hotline_tickets:unrated');
    expect(unrated?.kind).toBe('share');
    expect(unrated?.total).toBe(database.liveRecords('hotline_tickets').filter((r) => inYear(r, 'receivedAt')).length);
  });

  test('officers in post during the year with fewer than 60 training hours (not those who left before it or joined after)', () => {
    const hours = new Map<string, number>();
    for (const t of database.liveRecords('officer_trainings')) if (inYear(t, 'trainedOn')) hours.set(String(t.officerId), (hours.get(String(t.officerId)) ?? 0) + Number(t.hours));
    const inPost = (o: AnyRecord) => String(o.since) < `${year + 1}-01-01` && (!o.until || String(o.until) > `${year}-01-01`);
    const below = database.liveRecords('enforcement_officers').filter((o) => inPost(o) && (hours.get(String(o.id)) ?? 0) < 60).length;
    expect(item('enforcement_officers:training-hours')?.count ?? 0).toBe(below);
  });

  test('mediation cases still open more than 30 days after 受理 are flagged, counted from the day the check runs', async () => {
    const open = database.liveRecords('mediation_cases').filter((r) => inYear(r, 'acceptedOn') && ['accepted', 'mediating'].includes(String(r.status)));
    const latest = open.map((r) => String(r.acceptedOn)).sort().at(-1)!;
    // The 30th day after the latest acceptance is still within the limit; the 31st is not.
    const lastDay = dayjs(latest).add(30, 'day').format('YYYY-MM-DD');
    const dayAfter = dayjs(latest).add(31, 'day').format('YYYY-MM-DD');
    const pastLimit = async (day: string) => (await checksOn(day)).find((i) => i.id === 'mediation_cases:past-limit')?.count ?? 0;
    const before = open.filter((r) => String(r.acceptedOn) < dayjs(lastDay).subtract(30, 'day').format('YYYY-MM-DD')).length;
    expect(await pastLimit(lastDay)).toBe(before);
    expect(await pastLimit(dayAfter)).toBe(open.length);
    expect(before).toBeLessThan(open.length);
    expect(item('mediation_cases:past-limit')).toMatchObject({ title: '人民调解案件 · 受理超过30日未结案', kind: 'flag', resource: 'mediation_cases' });
  });
});
