import mediation from '@fazhi/plugin-mediation';
import { ConsoleCompositionError } from '@fazhi/plugin-sdk/host';
import { describe, expect, test } from 'vitest';
import { patrolPlugin } from '../../../../packages/plugin-sdk/src/test-kind.test-helper.js';
import { composeConfigured } from './compose-configured.js';

describe('the console’s start-up composition', () => {
  test('the configured plugins, composed: mediation and a plugin-only kind', () => {
    const { model, plugins } = composeConfigured({ plugins: [mediation, patrolPlugin()], configFile: 'fazhi.config.ts' });
    // Menu order: mediation's order is 50, a plugin without one comes after.
    expect(plugins.map((p) => p.id)).toEqual(['mediation', 'legal-points']);
    expect(model.registry.has('legal_point_patrols')).toBe(true);
  });

  test('refuses in one Chinese message, naming each plugin’s problem and the config file to fix', () => {
    const broken = { ...mediation, dashboard: [{ type: 'indicator-card' as const, indicator: 'mediation.typo' }] };
    let error: unknown;
    try {
      composeConfigured({ plugins: [broken, { ...patrolPlugin(), apiVersion: 2 }, mediation], configFile: 'fazhi.config.ts' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConsoleCompositionError);
    const message = (error as Error).message;
    expect(message.split('\n')[0]).toBe('控制台插件有误，无法启动：');
    expect(message).toContain('扩展“legal-points”的 apiVersion 为 2，本版本 fazhi 支持 1');
    expect(message).toContain('扩展编号“mediation”重复');
    expect(message.split('\n').at(-1)).toBe('（插件在 fazhi.config.ts 中配置）');
  });

  test('an indicator no configured plugin computes is refused though the model composes', () => {
    const broken = { ...mediation, indicatorGroups: [{ id: 'x', label: 'x', indicators: ['legal_points.patrols'] }] };
    expect(() => composeConfigured({ plugins: [broken], configFile: 'fazhi.config.ts' })).toThrow('插件“mediation”引用了未知的指标“legal_points.patrols”（组合后的指标目录中没有它）');
  });
});
