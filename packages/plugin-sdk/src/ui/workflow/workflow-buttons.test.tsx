// @vitest-environment jsdom
import type { DataProvider } from '@refinedev/core';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { samplePlugin } from '../../test-fixtures.test-helper.js';
import { clickButton, createPluginDatabase, field, renderPlugin, type PluginDatabase } from '../../testing/index.js';

// A step that asks for a personal field: the clerk without the right sees it masked in the dialog.
const base = samplePlugin().resources[0]!;
const plugin = samplePlugin({
  resources: [{ ...base, workflow: { field: 'status', transitions: [{ from: ['accepted'], to: 'mediating', label: '核对当事人后开始调解', requires: ['partyNames'] }] } }],
});
let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(plugin);
}, 120_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

test('a workflow dialog shows a masked personal field read-only and does not send it when kept', async () => {
  const street = database.dataset.orgs.subtreeIds(database.dataset.manifest.rootOrgId);
  const target = (database.dataset.records.get('mediation_cases') ?? []).find((r) => !r.deletedAt && street.has(r.orgId) && r.status === 'accepted' && r.partyNames)!;
  const before = (await database.db.query<{ party_names: string }>('select party_names from public.mediation_cases where id = $1', [target.id])).rows[0]!;
  const sent: Record<string, unknown>[] = [];
  const recording = (p: Required<DataProvider>): DataProvider => ({ ...p, update: async (args) => (sent.push(args.variables as Record<string, unknown>), p.update(args)) });
  await renderPlugin(plugin, { user: 'mediation', database, route: `/mediation/mediation-cases/show/${target.id}`, wrapDataProvider: recording });
  await clickButton('核对当事人后开始调解');
  const dialog = (await screen.findByRole('dialog')) as HTMLElement;
  const names = field('当事人姓名', { container: dialog });
  expect(names.value).toMatch(/\*/);
  expect(names.readOnly).toBe(true);
  await clickButton('确定', { container: dialog });
  await screen.findByText('当前状态：调解中', {}, { timeout: 15_000 });
  expect(sent).toHaveLength(1);
  expect(sent[0]).not.toHaveProperty('partyNames');
  const after = (await database.db.query<{ party_names: string; status: string }>('select party_names, status from public.mediation_cases where id = $1', [target.id])).rows[0]!;
  expect(after).toEqual({ party_names: before.party_names, status: 'mediating' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
});
