// @vitest-environment jsdom
import { defineExtension, modelApiVersion } from '@fazhi/model';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { composeConsole } from '../host/compose-console.js';
import { samplePlugin } from '../test-fixtures.test-helper.js';
import { clickButton, field, setText } from './form-helpers.js';
import { createPluginDatabase, type PluginDatabase } from './plugin-database.js';
import { renderPlugin } from './render-plugin.js';

// A street extends a kind it does not own (an extra field, an extra option) in its config; the
// harness composes it with the plugin as the console does, so the plugin's pages show it.
const street = defineExtension({
  id: 'my-street',
  apiVersion: modelApiVersion,
  kindExtensions: [{ kind: 'mediation_cases', options: { disputeType: [{ value: 'pets', label: '宠物纠纷' }] }, fields: [{ key: 'gridNo', label: '网格编号', type: 'text', listed: true }] }],
});
const plugin = samplePlugin();
let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(plugin, { model: composeConsole([plugin, street]).model });
}, 120_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

test('a street’s extra field shows in the plugin’s edit form and is saved; its extra option is stored and named', async () => {
  const target = (database.dataset.records.get('mediation_cases') ?? []).find((r) => !r.deletedAt && r.status === 'accepted' && database.dataset.orgs.subtreeIds(database.dataset.manifest.rootOrgId).has(r.orgId))!;
  const r = await renderPlugin(plugin, { database, extensions: [street], route: `/mediation/mediation-cases/edit/${target.id}` });
  await waitFor(() => expect(field('案件编号').value).toBe(String(target.caseNo)), { timeout: 15_000 });
  setText('网格编号', 'G-12');
  await clickButton('保存');
  await waitFor(() => expect(r.location()).toMatch(/\/show\//), { timeout: 15_000 });
  const { rows } = await database.db.query<{ grid_no: string }>('select grid_no from public.mediation_cases where id = $1', [target.id]);
  expect(rows[0]).toEqual({ grid_no: 'G-12' });
  expect(await screen.findByText('G-12', {}, { timeout: 15_000 })).toBeTruthy();
  cleanup();

  // The option is the database's too (its check allows it); the pages name it by the extension's label.
  await r.dataProvider.update({ resource: 'mediation_cases', id: String(target.id), variables: { disputeType: 'pets', version: 2 } });
  await renderPlugin(plugin, { database, extensions: [street], route: `/mediation/mediation-cases/show/${target.id}` });
  expect(await screen.findByText('宠物纠纷', {}, { timeout: 15_000 })).toBeTruthy();
});
