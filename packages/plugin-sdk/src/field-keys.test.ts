import { mediationCases } from '@fazhi/domain';
import { describe, expect, test } from 'vitest';
import { definePlugin, defineResource } from './define-plugin.js';
import { pluginApiVersion, type FieldKey } from './plugin.js';
import { patrols } from './test-kind.test-helper.js';

// Field keys are typed from the kind: each misspelt key below is a compile error, so the
// `@ts-expect-error` lines fail typecheck (`tsc -p packages/plugin-sdk`) the day the typing stops
// catching it; at run time `definePlugin` still refuses the same plugin, in Chinese.
const plugin = (resource: object) => () => definePlugin({ id: 'legal-points', apiVersion: pluginApiVersion, label: '法律服务点', area: 'legal_points', resources: [resource as never] });

describe('field keys typed from the kind', () => {
  test('a misspelt key in listColumns, listFilters, formSections, defaultSort, workflow or ratioColumns is a type error', () => {
    // The (deprecated) resource-level workflow, on a kind that does not declare its own.
    const withoutWorkflow = { ...patrols, workflow: undefined };
    const typos = [
      // @ts-expect-error `patrolNoo` is not a field of 法律服务点巡查
      defineResource({ kind: patrols, listColumns: ['patrolNo', 'patrolNoo'] }),
      // @ts-expect-error `stat` is not a field
      defineResource({ kind: patrols, listFilters: [{ field: 'stat' }] }),
      // @ts-expect-error `findings` is not a field
      defineResource({ kind: patrols, listFilters: [{ type: 'text', fields: ['findings'] }] }),
      // @ts-expect-error `patroledOn` is not a field
      defineResource({ kind: patrols, listFilters: [{ type: 'period', field: 'patroledOn' }] }),
      // @ts-expect-error `visitor` is not a field
      defineResource({ kind: patrols, formSections: [{ title: '情况', fields: ['visitor'] }] }),
      // @ts-expect-error `date` is not a field
      defineResource({ kind: patrols, defaultSort: { field: 'date', order: 'desc' } }),
      // @ts-expect-error `status` is not a field of this kind (it is `state`)
      defineResource({ kind: withoutWorkflow, workflow: { field: 'status', transitions: [] } }),
      // @ts-expect-error `visitor` is not a field
      defineResource({ kind: withoutWorkflow, workflow: { field: 'state', transitions: [{ from: ['planned'], to: 'done', label: '完成', requires: ['visitor'] }] } }),
      // @ts-expect-error `visitorz` is not a field
      defineResource({ kind: patrols, ratioColumns: [{ id: 'share', label: '占比', numerator: 'visitorz', denominator: 'visitorz' }] }),
    ];
    for (const r of typos) expect(plugin(r)).toThrow(/插件定义有误[\s\S]*不存在的字段/);
  });

  test('definePlugin checks each resource against its own kind', () => {
    expect(() =>
      definePlugin({
        id: 'mediation',
        apiVersion: pluginApiVersion,
        label: '人民调解',
        area: 'mediation',
        resources: [
          {
            kind: mediationCases,
            // @ts-expect-error `caseNumber` is not a field of 人民调解案件 (it is `caseNo`)
            listColumns: ['caseNumber'],
          },
        ],
      }),
    ).toThrow(/不存在的字段“caseNumber”/);
  });

  test('correct keys type-check, and an untyped kind accepts any string', () => {
    const ok = defineResource({ kind: patrols, listColumns: ['patrolNo', 'state'], defaultSort: { field: 'patrolledOn', order: 'asc' } });
    expect(ok.listColumns).toEqual(['patrolNo', 'state']);
    const key: FieldKey = 'anything';
    expect(key).toBe('anything');
  });
});
