// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { DataProvider } from '@refinedev/core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { samplePlugin } from '../../test-fixtures.test-helper.js';
import { clickButton, createPluginDatabase, field, renderPlugin, setText, type PluginDatabase } from '../../testing/index.js';

const plugin = samplePlugin();
let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(plugin);
}, 120_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const edit = (id: string) => `/mediation/mediation-cases/edit/${id}`;

/** The stored (real) values, read past the masked view: what an admin would see. */
async function stored(id: string) {
  const r = await database.db.query<{ party_names: string | null; party_phones: string | null; mediator: string | null; version: number }>(
    'select party_names, party_phones, mediator, version from public.mediation_cases where id = $1',
    [id],
  );
  return r.rows[0]!;
}

/** Live seed cases of the demo street with party names (and so something to mask). */
function casesWithNames() {
  const street = database.dataset.orgs.subtreeIds(database.dataset.manifest.rootOrgId);
  return (database.dataset.records.get('mediation_cases') ?? []).filter((r) => !r.deletedAt && street.has(r.orgId) && r.partyNames && r.status !== 'followed_up');
}

/** Records the variables of every update the form sends (the real provider still does the work). */
function recordingUpdates(sent: Record<string, unknown>[]) {
  return (p: Required<DataProvider>): DataProvider => ({
    ...p,
    update: async (args) => {
      sent.push(args.variables as Record<string, unknown>);
      return p.update(args);
    },
  });
}

describe('masked personal fields in the edit form', () => {
  test('a clerk without the right sees the mask read-only; saving another change leaves the real names alone and does not send them', async () => {
    const target = casesWithNames()[0]!;
    const before = await stored(String(target.id));
    const sent: Record<string, unknown>[] = [];
    const r = await renderPlugin(plugin, { user: 'mediation', database, route: edit(String(target.id)), wrapDataProvider: recordingUpdates(sent) });
    const names = await waitFor(() => {
      const el = field('当事人姓名');
      if (!el.value) throw new Error('表单尚未载入');
      return el;
    }, { timeout: 15_000 });
    expect(names.value).toMatch(/\*/);
    expect(names.value).not.toBe(before.party_names);
    // Read-only: typing around the mask is not possible.
    expect(names.readOnly).toBe(true);
    expect(screen.getAllByText('已脱敏，保存时保留原值').length).toBeGreaterThan(0);

    setText('调解员', '表单测试调解员');
    await clickButton('保存');
    await waitFor(() => expect(r.location()).toMatch(/\/show\//), { timeout: 15_000 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ mediator: '表单测试调解员' });
    expect(sent[0]).not.toHaveProperty('partyNames');
    const after = await stored(String(target.id));
    expect(after).toMatchObject({ party_names: before.party_names, party_phones: before.party_phones, mediator: '表单测试调解员', version: before.version + 1 });
  });

  test('「重新填写」 replaces the value whole; 「保留原值」 undoes that before saving', async () => {
    const [first, second] = casesWithNames();
    const sent: Record<string, unknown>[] = [];
    let r = await renderPlugin(plugin, { user: 'mediation', database, route: edit(String(first!.id)), wrapDataProvider: recordingUpdates(sent) });
    await waitFor(() => expect(field('当事人姓名').value).toMatch(/\*/), { timeout: 15_000 });
    await clickButton('重新填写');
    const fresh = field('当事人姓名');
    expect(fresh.readOnly).toBe(false);
    expect(fresh.value).toBe('');
    // Asterisks would be a mask again: refused in the form, nothing sent.
    fireEvent.change(fresh, { target: { value: '徐**、新当事人乙' } });
    await clickButton('保存');
    expect(await screen.findByText('「当事人姓名」请完整填写，不能含“*”')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(field('当事人姓名'), { target: { value: '新当事人甲、新当事人乙' } });
    await clickButton('保存');
    await waitFor(() => expect(r.location()).toMatch(/\/show\//), { timeout: 15_000 });
    expect(sent[0]).toMatchObject({ partyNames: '新当事人甲、新当事人乙' });
    expect((await stored(String(first!.id))).party_names).toBe('新当事人甲、新当事人乙');
    cleanup();

    const before = await stored(String(second!.id));
    sent.length = 0;
    r = await renderPlugin(plugin, { user: 'mediation', database, route: edit(String(second!.id)), wrapDataProvider: recordingUpdates(sent) });
    await waitFor(() => expect(field('当事人姓名').value).toMatch(/\*/), { timeout: 15_000 });
    const shown = field('当事人姓名').value;
    await clickButton('重新填写');
    fireEvent.change(field('当事人姓名'), { target: { value: '不要保存的名字' } });
    await clickButton('保留原值');
    expect(field('当事人姓名').value).toBe(shown);
    expect(field('当事人姓名').readOnly).toBe(true);
    setText('调解员', '只改调解员');
    await clickButton('保存');
    await waitFor(() => expect(r.location()).toMatch(/\/show\//), { timeout: 15_000 });
    expect(sent[0]).not.toHaveProperty('partyNames');
    expect((await stored(String(second!.id))).party_names).toBe(before.party_names);
  });

  test('an admin with the right edits the real value as usual', async () => {
    const target = casesWithNames()[2]!;
    const before = await stored(String(target.id));
    await renderPlugin(plugin, { user: 'admin', database, route: edit(String(target.id)) });
    await waitFor(() => expect(field('当事人姓名').value).toBe(before.party_names), { timeout: 15_000 });
    expect(field('当事人姓名').readOnly).toBe(false);
    expect(screen.queryByText('重新填写')).toBeNull();
  });
});
