import { builtInRecordKinds, defineRecordKind, mediationCases } from '@fazhi/domain';
import { builtInCatalog } from '@fazhi/metrics';
import { streetAnnualTemplate } from '@fazhi/report';
import { describe, expect, it } from 'vitest';
import { builtInModel, composeModel, ModelError } from './compose.js';
import { defineExtension, modelApiVersion, type FazhiExtension } from './extension.js';

const visits = defineRecordKind({
  id: 'correction_visits',
  label: '社区矫正走访',
  area: 'community_correction',
  measureWord: '次',
  fields: [
    { key: 'visitedOn', label: '走访日期', type: 'date', required: true, listed: true },
    { key: 'note', label: '情况', type: 'text' },
  ],
  periodField: 'visitedOn',
  titleField: 'note',
});

const correction: FazhiExtension = defineExtension({
  id: 'community-correction',
  apiVersion: modelApiVersion,
  areas: [{ id: 'community_correction', label: '社区矫正' }],
  kinds: [visits],
  catalog: {
    measures: [{ id: 'correction.visits', label: '走访次数', description: '走访日期在期间内的走访记录数', kind: 'correction_visits', aggregation: { type: 'count' }, filters: [], period: { type: 'within', field: 'visitedOn' }, valueType: 'count', unit: '次' }],
    indicators: [{ id: 'correction.visits', label: '走访次数', area: 'community_correction', description: '走访次数', numerator: 'correction.visits', factor: 1, unit: '次', valueType: 'count', decimals: 0 }],
  },
  reportSections: [{ id: 'correction', parent: 'achievements', heading: '做好社区矫正', blocks: [{ type: 'figures', text: '全年走访社区矫正对象{correction.visits}。' }] }],
});

describe('composeModel', () => {
  it('is the built-ins when nothing is configured', () => {
    const m = builtInModel();
    expect(m.registry.list().map((k) => k.id)).toEqual(builtInRecordKinds.map((k) => k.id));
    expect(m.catalog.indicators.length).toBe(builtInCatalog.indicators.length);
    expect(m.template).toEqual(streetAnnualTemplate);
  });

  it("adds an extension's area, kind, indicators and report section", () => {
    const m = composeModel({ extensions: [correction] });
    expect(m.registry.get('correction_visits')).toBe(visits);
    expect(m.areas.map((a) => a.id)).toContain('community_correction');
    expect(m.catalog.indicators.map((i) => i.id)).toContain('correction.visits');
    const achievements = m.template.sections.find((s) => s.id === 'achievements')!;
    expect(achievements.sections!.at(-1)!.id).toBe('correction');
  });

  it('refuses another apiVersion, naming the extension', () => {
    expect(() => composeModel({ extensions: [{ ...correction, apiVersion: 2 }] })).toThrow(/扩展“community-correction”的 apiVersion 为 2，本版本 fazhi 支持 1/);
  });

  it('lists every problem at once', () => {
    try {
      composeModel({ extensions: [{ ...correction, areas: [] }, correction, { id: 'Bad', apiVersion: 1 }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      const problems = (e as ModelError).problems.join('\n');
      expect(problems).toMatch(/属于未声明的工作领域“community_correction”/);
      expect(problems).toMatch(/第3个扩展的编号“Bad”应为 kebab-case/);
    }
  });

  it('extends a built-in kind with an option and a field, without touching the built-in declaration', () => {
    const street = { id: 'my-street', apiVersion: 1, kindExtensions: [{ kind: 'mediation_cases', options: { disputeType: [{ value: 'pets', label: '宠物纠纷' }] }, fields: [{ key: 'gridNo', label: '网格编号', type: 'text' as const }] }] };
    const m = composeModel({ extensions: [street] });
    const kind = m.registry.get('mediation_cases');
    const type = kind.fields.find((f) => f.key === 'disputeType')!;
    expect(type.type === 'enum' && type.options.at(-1)).toEqual({ value: 'pets', label: '宠物纠纷' });
    expect(kind.fields.at(-1)!.key).toBe('gridNo');
    expect(mediationCases.fields.some((f) => (f.key as string) === 'gridNo')).toBe(false);
  });

  it('refuses a required new field and a clashing option', () => {
    const street = { id: 'my-street', apiVersion: 1, kindExtensions: [{ kind: 'mediation_cases', options: { disputeType: [{ value: 'neighbourhood', label: '邻里' }] }, fields: [{ key: 'gridNo', label: '网格编号', type: 'text' as const, required: true }] }] };
    expect(() => composeModel({ extensions: [street] })).toThrow(/不能是必填[\s\S]*|已有可选值/);
  });

  it('refuses a template placeholder no indicator computes', () => {
    const template = { ...streetAnnualTemplate, sections: [{ id: 'x', heading: 'x', blocks: [{ type: 'figures' as const, text: '{nobody.knows}' }] }] };
    expect(() => composeModel({ template })).toThrow(/引用了未知的指标“nobody.knows”/);
  });
});

describe('composeModel: what the template asks of the model', () => {
  it('refuses a record list over a field the kind does not have, naming the template file and section', () => {
    const template = { ...streetAnnualTemplate, sections: [{ id: 'x', heading: 'x', blocks: [{ type: 'record-list' as const, kind: 'honours', dateField: 'awardedAt', item: '{titel}', intro: '', outro: '' }] }] };
    expect(() => composeModel({ template, templateSource: 'my.json' })).toThrow(
      '报告模板“街道法治政府建设年度报告”（my.json）的章节“x”：记录列表的 dateField“awardedAt”不是“荣誉及创新案例”的日期字段\n报告模板“街道法治政府建设年度报告”（my.json）的章节“x”：记录列表的 item 引用了“荣誉及创新案例”没有的字段“titel”',
    );
  });

  it('refuses a plugin section reusing a narrative key still in force, but not one replacing the section that had it', () => {
    const reuse = { ...correction, reportSections: [{ id: 'correction', parent: 'achievements', heading: 'x', blocks: [{ type: 'narrative' as const, key: 'mediation', prompt: 'x' }] }] };
    expect(() => composeModel({ extensions: [reuse] })).toThrow('叙述段落名“mediation”在合并插件章节后的报告模板中重复（报告模板“街道法治政府建设年度报告”、扩展“community-correction”的报告章节）');
    const replace = { ...correction, reportSections: [{ id: 'mediation', heading: '人民调解', blocks: [{ type: 'narrative' as const, key: 'mediation', prompt: 'x' }] }] };
    expect(composeModel({ extensions: [replace] }).template.sections[0]!.sections!.find((s) => s.id === 'mediation')!.heading).toBe('人民调解');
  });

  it("names the extension whose report section uses an unknown indicator, not the template", () => {
    const typo = { ...correction, reportSections: [{ id: 'correction', heading: 'x', blocks: [{ type: 'figures' as const, text: '{correction.vists}' }] }] };
    expect(() => composeModel({ extensions: [typo], templateSource: 'my.json' })).toThrow(/^fazhi 的模型组合有误：\n扩展“community-correction”的报告章节引用了未知的指标“correction.vists”$/);
  });
});
