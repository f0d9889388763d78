import { loadDataset, type Dataset } from '@fazhi/dataset';
import { yearPeriod, type AnyRecord } from '@fazhi/domain';
import { Evaluator } from '@fazhi/metrics';
import { composeModel, defineExtension, modelApiVersion, ModelError, type FazhiModel } from '@fazhi/model';
import { streetAnnualTemplate, type TemplateSection } from '@fazhi/report';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import communityCorrection, { communityCorrectionCatalog, correctionSubjects, correctionVisits } from './index.js';

const datasetDir = fileURLToPath(new URL('../dataset', import.meta.url));

let model: FazhiModel;
let dataset: Dataset;
beforeAll(async () => {
  model = composeModel({ extensions: [communityCorrection] });
  dataset = await loadDataset(datasetDir, { registry: model.registry });
});

const child = (sections: readonly TemplateSection[], id: string) => sections.find((s) => s.id === id)!;

describe('composition with the built-ins', () => {
  test('brings its area, both kinds and every indicator next to the built-in ones', () => {
    expect(model.areas.at(-1)).toEqual({ id: 'community_correction', label: '社区矫正', labelEn: 'Community correction' });
    expect(model.registry.get('community_correction_subjects')).toBe(correctionSubjects);
    expect(model.registry.get('community_correction_visits')).toBe(correctionVisits);
    expect(model.registry.has('mediation_cases')).toBe(true);
    const ids = new Set(model.catalog.indicators.map((i) => i.id));
    for (const i of communityCorrectionCatalog.indicators) expect(ids).toContain(i.id);
    expect(ids).toContain('mediation.successful_cases');
    for (const i of communityCorrectionCatalog.indicators) expect(i.description, i.id).toMatch(/[\u4e00-\u9fff]/);
  });

  test('its report section is appended to 主要成效 and leaves every other section as it was', () => {
    const achievements = child(model.template.sections, 'achievements');
    const builtIn = child(streetAnnualTemplate.sections, 'achievements');
    expect(achievements.sections!.map((s) => s.id)).toEqual([...builtIn.sections!.map((s) => s.id), 'community-correction']);
    expect(achievements.sections!.at(-1)!.heading).toBe('依法开展社区矫正工作');
    const without = { ...model.template, sections: model.template.sections.map((s) => (s.id === 'achievements' ? { ...s, sections: s.sections!.slice(0, -1) } : s)) };
    expect(without).toEqual(streetAnnualTemplate);
  });

  test('a template that already has a community-correction section gets it replaced where it stands', () => {
    const old: TemplateSection = { id: 'community-correction', heading: '社区矫正（旧）', blocks: [] };
    const template = { ...streetAnnualTemplate, sections: [old, ...streetAnnualTemplate.sections] };
    const composed = composeModel({ extensions: [communityCorrection], template });
    expect(composed.template.sections[0]!.heading).toBe('依法开展社区矫正工作');
    expect(child(composed.template.sections, 'achievements').sections!.map((s) => s.id)).not.toContain('community-correction');
  });

  test('a street extends its kind like a built-in one: an extra option and an optional field, nothing removed', () => {
    const street = defineExtension({
      id: 'nansha-street',
      apiVersion: modelApiVersion,
      kindExtensions: [{ kind: 'community_correction_subjects', options: { riskLevel: [{ value: 'watch', label: '重点关注' }] }, fields: [{ key: 'gridNo', label: '网格编号', type: 'text' }] }],
    });
    const kind = composeModel({ extensions: [communityCorrection, street] }).registry.get('community_correction_subjects');
    const risk = kind.fields.find((f) => f.key === 'riskLevel');
    expect(risk?.type === 'enum' && risk.options.map((o) => o.value)).toEqual(['low', 'medium', 'high', 'watch']);
    expect(kind.fields.map((f) => f.key)).toEqual([...correctionSubjects.fields.map((f) => f.key), 'gridNo']);
    const required = defineExtension({ id: 'nansha-street', apiVersion: modelApiVersion, kindExtensions: [{ kind: 'community_correction_subjects', fields: [{ key: 'gridNo', label: '网格编号', type: 'text', required: true }] }] });
    expect(() => composeModel({ extensions: [communityCorrection, required] })).toThrow(/新增字段“网格编号”不能是必填/);
  });

  test('without its area declaration, or built for another contract, it is refused in Chinese', () => {
    const { areas: _areas, ...noArea } = communityCorrection;
    expect(() => composeModel({ extensions: [noArea] })).toThrow(/属于未声明的工作领域“community_correction”/);
    const later = { ...communityCorrection, apiVersion: 2 };
    const error = (() => {
      try {
        composeModel({ extensions: [later] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).problems).toEqual([expect.stringContaining('扩展“community-correction”的 apiVersion 为 2')]);
  });
});

describe('its dataset and indicators in memory', () => {
  const live = (kind: string): AnyRecord[] => (dataset.records.get(kind) ?? []).filter((r) => !r.deletedAt);
  const on = (r: AnyRecord, key: string) => (r[key] as string | null) ?? null;

  test('loads without problems or warnings, the deleted record included', () => {
    expect(dataset.warnings).toEqual([]);
    expect(dataset.records.get('community_correction_subjects')!.length).toBe(live('community_correction_subjects').length + 1);
  });

  test.each([2023, 2024])('%i: the figures count what the ledger says, deleted records never', (year) => {
    const ev = new Evaluator({ orgs: dataset.orgs, records: dataset.records, catalog: model.catalog, today: () => '2026-12-04' });
    const value = (id: string) => ev.evaluate(`community_correction.${id}`, dataset.manifest.rootOrgId, yearPeriod(year)).value;
    const [start, end] = [`${year}-01-01`, `${year + 1}-01-01`];
    const subjects = live('community_correction_subjects');
    const visits = live('community_correction_visits');
    const inYear = (r: AnyRecord, key: string) => on(r, key) !== null && on(r, key)! >= start && on(r, key)! < end;
    const openAt = (r: AnyRecord, day: string) => on(r, 'enteredOn')! <= day && (on(r, 'releasedOn') === null || on(r, 'releasedOn')! > day);
    const supervised = subjects.filter((r) => on(r, 'enteredOn')! < end && (on(r, 'releasedOn') === null || on(r, 'releasedOn')! > start));

    expect(value('active_subjects')).toBe(subjects.filter((r) => openAt(r, `${year}-12-31`)).length);
    expect(value('supervised_subjects')).toBe(supervised.length);
    expect(value('new_subjects')).toBe(subjects.filter((r) => inYear(r, 'enteredOn')).length);
    expect(value('released_subjects')).toBe(subjects.filter((r) => inYear(r, 'releasedOn')).length);
    const reoffended = subjects.filter((r) => inYear(r, 'reoffendedOn')).length;
    expect(reoffended).toBeGreaterThan(0);
    expect(value('reoffending_rate')).toBeCloseTo((reoffended / supervised.length) * 100, 10);
    expect(value('visits')).toBe(visits.filter((r) => inYear(r, 'visitedOn')).length);
    expect(value('visited_subjects')).toBe(new Set(visits.filter((r) => inYear(r, 'visitedOn')).map((r) => r.subjectId)).size);
  });
});
