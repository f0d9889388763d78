import { defineRecordKind, mediationCases } from '@fazhi/domain';
import { builtInCatalog } from '@fazhi/metrics';
import { loadConfig } from '@fazhi/model/node';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as sdk from './index.js';
import { catalogEnglishGaps, englishGaps, kindEnglishGaps } from './english.js';
import { samplePlugin } from './test-fixtures.test-helper.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('English mode has every word it needs', () => {
  // The repository's own configuration: every plugin registered in fazhi.config.ts (a new one is
  // checked the day `pnpm new:plugin` registers it), the kinds they compose and the catalog.
  test('every configured plugin, its kinds and the composed catalog have their English', async () => {
    const { plugins, model } = await loadConfig({ cwd: repoRoot, hostModules: { '@fazhi/plugin-sdk': sdk } });
    expect(plugins.length).toBeGreaterThanOrEqual(11);
    for (const { extension } of plugins) expect(englishGaps(extension as sdk.WorkAreaPlugin), extension.id).toEqual([]);
    expect(model.registry.list().flatMap(kindEnglishGaps)).toEqual([]);
    expect(catalogEnglishGaps(model.catalog)).toEqual([]);
  });

  test('names each Chinese text that lacks its English, where it is', () => {
    const kind = defineRecordKind({
      ...mediationCases,
      fields: mediationCases.fields.map((f) => (f.key === 'mediator' ? { ...f, labelEn: undefined, unit: '位' } : f)),
      workflow: { ...mediationCases.workflow!, transitions: mediationCases.workflow!.transitions.map((s, i) => (i === 0 ? { ...s, labelEn: undefined } : s)) },
    });
    const plugin = samplePlugin({
      labelEn: undefined,
      menuGroup: '矛盾化解',
      resources: [{ kind, formSections: [{ title: '受理信息', fields: ['caseNo'] }], attachments: [{ id: 'agreement', label: '调解协议书', labelEn: 'Agreement' }] }],
      dashboard: [{ type: 'monthly-trend', indicator: 'mediation.successful_cases', title: '每月成功调处' }],
      indicatorGroups: [{ id: 'g', label: '人民调解', indicators: [] }],
      messages: { 'zh-CN': { hint: '提示' }, en: {} },
    });
    expect(englishGaps(plugin)).toEqual([
      '插件“mediation”的名称“人民调解”',
      '插件“mediation”的菜单组“矛盾化解”',
      '记录类型“mediation_cases”的字段“mediator”的名称“调解员”',
      '记录类型“mediation_cases”的字段“mediator”的单位“位”（unitsEn 中没有）',
      '记录类型“mediation_cases”的流程步骤“开始调解”',
      '插件“mediation”的资源“mediation_cases”的表单分组“受理信息”',
      '插件“mediation”的看板图表“每月成功调处”',
      '插件“mediation”的指标组“人民调解”',
      '插件“mediation”的界面文字“hint”',
    ]);
  });

  test('a catalog entry without English is named', () => {
    const indicator = builtInCatalog.indicators[0]!;
    expect(catalogEnglishGaps({ measures: [], indicators: [{ ...indicator, labelEn: undefined }] })).toEqual([`指标“${indicator.id}”的名称“${indicator.label}”`]);
    expect(catalogEnglishGaps(builtInCatalog)).toEqual([]);
    expect(kindEnglishGaps(mediationCases)).toEqual([]);
  });
});
