import { createRegistry, defineRecordKind, mediationCases, options, RecordKindRegistry, type AnyRecord, type FieldDef, type RecordKind } from '@fazhi/domain';
import { builtInCatalog, mergeCatalogs, type Catalog } from '@fazhi/metrics';
import type { SchemaModel } from '../generate/model-snapshot.js';

/**
 * A model one step past the built-in one, for upgrade tests: what a street gets by adding a
 * community-correction plugin and extending mediation cases, composed the way @fazhi/model's
 * `composeModel` composes an extension (kinds appended, extra options and non-required fields).
 */

/** A plugin's kind (社区矫正) with personal fields, format and date rules, and a business key. */
export const correctionCases = defineRecordKind({
  id: 'correction_cases',
  label: '社区矫正对象',
  area: 'community_correction',
  measureWord: '人',
  periodField: 'receivedOn',
  titleField: 'caseNo',
  businessKey: 'caseNo',
  fields: [
    { key: 'caseNo', label: '矫正编号', type: 'text', required: true },
    { key: 'receivedOn', label: '接收日期', type: 'date', required: true, notFuture: true },
    { key: 'personName', label: '矫正对象姓名', type: 'text', required: true, personal: true },
    { key: 'personIdNumber', label: '矫正对象身份证号', type: 'text', personal: true, format: 'id-number' },
    { key: 'category', label: '矫正类别', type: 'enum', required: true, options: options(['probation', '缓刑'], ['parole', '假释'], ['surveillance', '管制']) },
    { key: 'endedOn', label: '解除矫正日期', type: 'date', notFuture: true },
  ],
  rules: [{ type: 'order', earlier: 'receivedOn', later: 'endedOn' }],
});

/** A street's extension of a built-in kind: one more dispute type and one more (optional) field. */
export const extraDisputeType = { value: 'pets', label: '宠物纠纷' } as const;
export const extraMediationField: FieldDef = { key: 'heldOnline', label: '线上调解', type: 'boolean' };

export const extendedMediationCases: RecordKind = defineRecordKind({
  ...mediationCases,
  fields: [
    ...mediationCases.fields.map((f): FieldDef => (f.key === 'disputeType' && f.type === 'enum' ? { ...f, options: [...f.options, extraDisputeType] } : f)),
    extraMediationField,
  ],
});

/** Measures and indicators over the new kind. */
export const correctionCatalog: Catalog = {
  measures: [
    {
      id: 'community_correction.received',
      label: '新接收社区矫正对象',
      kind: 'correction_cases',
      aggregation: { type: 'count' },
      period: { type: 'within', field: 'receivedOn' },
      filters: [],
      valueType: 'count',
      unit: '人',
      description: '期间内接收的社区矫正对象人数',
    },
    {
      id: 'community_correction.ended_probation',
      label: '缓刑类解除矫正',
      kind: 'correction_cases',
      aggregation: { type: 'count' },
      period: { type: 'within', field: 'endedOn' },
      filters: [{ field: 'category', op: 'eq', value: 'probation' }],
      valueType: 'count',
      unit: '人',
      description: '期间内解除矫正的缓刑类对象人数',
    },
  ],
  indicators: [
    {
      id: 'community_correction.received',
      label: '新接收社区矫正对象',
      area: 'community_correction',
      numerator: 'community_correction.received',
      factor: 1,
      unit: '人',
      valueType: 'count',
      decimals: 0,
      description: '期间内接收的社区矫正对象人数',
    },
    {
      id: 'community_correction.probation_end_rate',
      label: '缓刑类解矫占比',
      area: 'community_correction',
      numerator: 'community_correction.ended_probation',
      denominator: 'community_correction.received',
      factor: 100,
      unit: '%',
      valueType: 'percent',
      decimals: 1,
      description: '缓刑类解除矫正人数占新接收人数的比例',
    },
  ],
};

/** The built-in model with the plugin kind, the extended mediation cases and the new indicators. */
export function upgradedModel(): SchemaModel {
  const kinds = createRegistry()
    .list()
    .map((k) => (k.id === mediationCases.id ? extendedMediationCases : k));
  return { registry: new RecordKindRegistry([...kinds, correctionCases]), catalog: mergeCatalogs(builtInCatalog, correctionCatalog) };
}

/** `n` correction records spread over the given orgs and 2023–2024, some ended, one soft-deleted. */
export function correctionRecords(orgIds: readonly string[], n = 60): AnyRecord[] {
  const categories = ['probation', 'parole', 'surveillance'];
  const day = (offset: number) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-a000-${String(i + 1).padStart(12, '0')}`,
    orgId: orgIds[i % orgIds.length]!,
    deletedAt: i === 7 ? '2024-06-01T10:00:00+08:00' : null,
    caseNo: `南沙矫〔2024〕${String(i + 1).padStart(4, '0')}号`,
    receivedOn: day((i * 11) % 700),
    personName: `矫正对象${i + 1}`,
    personIdNumber: null,
    category: categories[i % 3]!,
    endedOn: i % 4 === 0 ? day(((i * 11) % 700) + 90) : null,
  }));
}
