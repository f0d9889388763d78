import { mediationCases } from '@fazhi/domain';
import { defineExtension, modelApiVersion } from '@fazhi/model';
import { describe, expect, test } from 'vitest';
import { patrolPlugin, patrols } from '../test-kind.test-helper.js';
import { samplePlugin } from '../test-fixtures.test-helper.js';
import { composeConsole, ConsoleCompositionError } from './compose-console.js';
import type { PluginResource } from '../plugin.js';

/** The one message composeConsole throws for `entries`. */
function refusal(entries: readonly unknown[]): string {
  try {
    composeConsole(entries);
  } catch (e) {
    expect(e).toBeInstanceOf(ConsoleCompositionError);
    return (e as Error).message;
  }
  throw new Error('composeConsole accepted what it should refuse');
}

const street = defineExtension({
  id: 'my-street',
  apiVersion: modelApiVersion,
  kindExtensions: [{ kind: 'mediation_cases', options: { disputeType: [{ value: 'pets', label: '宠物纠纷' }] }, fields: [{ key: 'gridNo', label: '网格编号', type: 'text', listed: true }] }],
});

describe('composeConsole', () => {
  test('composes a plugin-only kind and its indicators into the model, plugins in menu order', () => {
    const { model, plugins } = composeConsole([samplePlugin({ order: 50 }), patrolPlugin({ order: 10 })]);
    expect(model.registry.get('legal_point_patrols')).toBe(patrols);
    expect(model.catalog.indicators.map((i) => i.id)).toContain('legal_points.patrols');
    expect(model.areas.map((a) => a.id)).toContain('legal_points');
    expect(plugins.map((p) => p.id)).toEqual(['legal-points', 'mediation']);
  });

  test('serves each resource with the composed kind: a street’s extra field and option reach the pages', () => {
    const { plugins } = composeConsole([samplePlugin(), street]);
    expect(plugins).toHaveLength(1);
    const kind = plugins[0]!.resources[0]!.kind;
    expect(kind).not.toBe(mediationCases);
    expect(kind.fields.at(-1)).toMatchObject({ key: 'gridNo', label: '网格编号' });
    const type = kind.fields.find((f) => f.key === 'disputeType')!;
    expect(type.type === 'enum' && type.options.map((o) => o.value)).toContain('pets');
  });

  test('really refuses a plugin of another apiVersion', () => {
    expect(refusal([{ ...patrolPlugin(), apiVersion: 2 }])).toMatch(/apiVersion 为 2/);
  });

  test('refuses an indicator the composed catalog does not compute, naming the plugin', () => {
    const message = refusal([samplePlugin({ dashboard: [{ type: 'indicator-card', indicator: 'mediation.nonexistent' }], indicatorGroups: [{ id: 'g', label: 'g', indicators: ['legal_points.patrols'] }] })]);
    expect(message).toContain('插件“mediation”引用了未知的指标“mediation.nonexistent”');
    // Another plugin's indicator is unknown until that plugin is configured too.
    expect(message).toContain('插件“mediation”引用了未知的指标“legal_points.patrols”');
  });

  test('refuses a kind in a work area nobody declared', () => {
    expect(refusal([patrolPlugin({ areas: [] })])).toMatch(/属于未声明的工作领域“legal_points”/);
  });

  test('refuses a plugin whose work area does not exist, though its kind is another plugin’s', () => {
    const message = refusal([patrolPlugin(), { ...samplePlugin(), id: 'points-elsewhere', area: 'nowhere', resources: [] }]);
    expect(message).toContain('插件“points-elsewhere”的工作领域“nowhere”不存在');
  });

  test('refuses duplicate ids, a resource claimed twice and a kind that is not the registered one, all in one message', () => {
    const copy = { ...patrols, fields: [...patrols.fields] };
    const message = refusal([
      samplePlugin(),
      samplePlugin(),
      patrolPlugin(),
      { ...patrolPlugin(), id: 'legal-points-copy', areas: [], resources: [{ kind: copy }] },
      { ...samplePlugin(), id: 'mediation-too' },
    ]);
    expect(message).toMatch(/^控制台插件有误，无法启动：/);
    expect(message).toContain('扩展编号“mediation”重复');
    expect(message).toMatch(/记录类型“legal_point_patrols”与扩展“legal-points”的同名类型不是同一个声明/);
    expect(message).toContain('资源“mediation_cases”同时由插件“mediation”和“mediation-too”声明');
  });

  test('refuses resources whose kind belongs to another area than the plugin’s', () => {
    expect(refusal([{ ...patrolPlugin(), area: 'mediation' }])).toContain('与插件领域“mediation”不一致');
  });

  test('a related-sum column must sum a number field of a kind that refers to the resource', () => {
    const withSums = (relatedSums: NonNullable<PluginResource['relatedSums']>) =>
      patrolPlugin({ resources: [{ ...patrolPlugin().resources[0]!, relatedSums }, patrolPlugin().resources[1]!] });
    expect(() => composeConsole([withSums([{ id: 'n', label: '整改数', kind: 'legal_point_followups', via: 'patrol', sum: 'note' }])])).toThrow(/汇总列“整改数”的求和字段“note”必须是“巡查整改”中的数值字段/);
    expect(refusal([withSums([{ id: 'n', label: '整改数', kind: 'legal_point_followups', via: 'fixedOn', sum: 'note' }])])).toContain('汇总列“整改数”的关联字段“fixedOn”必须是“巡查整改”中指向本记录类型的关联字段');
    expect(refusal([withSums([{ id: 'n', label: '整改数', kind: 'nowhere', via: 'patrol', sum: 'x' }])])).toContain('汇总列“整改数”引用了不存在的记录类型“nowhere”');
  });
});
