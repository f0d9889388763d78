import { columnName, defineRecordKind, RecordKindRegistry, type FieldDef, type RecordKind } from '@fazhi/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelMigrationPlan, ModelMigrationRefused } from './model-migration.js';
import { modelSnapshot } from './model-snapshot.js';

/**
 * For any small model and any set of edits to it, the generator refuses exactly the destructive
 * edits (each listed once) and otherwise writes every additive one: a column per added field, the
 * option in the replaced CHECK, a table per added kind.
 */
type Edit =
  | { type: 'addField'; kind: number; required: boolean }
  | { type: 'addOption'; kind: number }
  | { type: 'removeOption'; kind: number }
  | { type: 'removeField'; kind: number }
  | { type: 'retype'; kind: number }
  | { type: 'removeKind'; kind: number }
  | { type: 'addKind' };

const destructive = new Set(['removeOption', 'removeField', 'retype', 'removeKind']);

function kindOf(n: number, extra: readonly FieldDef[] = [], options = ['a', 'b']): RecordKind {
  return defineRecordKind({
    id: `kind_${n}`,
    label: `类型${n}`,
    area: 'test_area',
    measureWord: '件',
    periodField: 'day',
    titleField: 'title',
    fields: [
      { key: 'title', label: '标题', type: 'text', required: true },
      { key: 'day', label: '日期', type: 'date', required: true },
      { key: 'amount', label: '数量', type: 'integer', min: 0 },
      { key: 'choice', label: '选项', type: 'enum', options: options.map((value) => ({ value, label: value })) },
      ...extra,
    ],
  });
}

const edit = (kinds: number): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.record({ type: fc.constant('addField' as const), kind: fc.nat(kinds - 1), required: fc.boolean() }),
    ...(['addOption', 'removeOption', 'removeField', 'retype', 'removeKind'] as const).map((type) => fc.record({ type: fc.constant(type), kind: fc.nat(kinds - 1) })),
    fc.constant({ type: 'addKind' as const }),
  );

/** Applies the edits (each at most once per kind) and says what must be refused. */
function applyEdits(count: number, edits: readonly Edit[]): { from: RecordKind[]; to: RecordKind[]; refused: number; added: { fields: string[]; options: string[]; kinds: string[] } } {
  const from = Array.from({ length: count }, (_, i) => kindOf(i));
  const seen = new Set(edits.map((e) => JSON.stringify(e.type === 'addField' ? { ...e, required: undefined } : e)));
  const unique = [...seen].map((e) => edits.find((x) => JSON.stringify(x.type === 'addField' ? { ...x, required: undefined } : x) === e)!);
  const to: RecordKind[] = [];
  const added = { fields: [] as string[], options: [] as string[], kinds: [] as string[] };
  let refused = 0;
  for (let i = 0; i < count; i++) {
    const mine = unique.filter((e) => 'kind' in e && e.kind === i);
    if (mine.some((e) => e.type === 'removeKind')) {
      refused++;
      continue;
    }
    let fields: FieldDef[] = [...from[i]!.fields];
    for (const e of mine) {
      if (e.type === 'addField') {
        fields.push({ key: 'extraNote', label: '补充', type: 'text', required: e.required });
        if (e.required) refused++;
        else added.fields.push(`kind_${i}.extra_note`);
      }
      if (e.type === 'addOption') {
        fields = fields.map((f) => (f.key === 'choice' && f.type === 'enum' ? { ...f, options: [...f.options, { value: 'z', label: 'z' }] } : f));
        added.options.push(`kind_${i}`);
      }
      if (e.type === 'removeOption') fields = fields.map((f) => (f.key === 'choice' && f.type === 'enum' ? { ...f, options: f.options.filter((o) => o.value !== 'a') } : f));
      if (e.type === 'removeField') fields = fields.filter((f) => f.key !== 'amount');
      if (e.type === 'retype') fields = fields.map((f) => (f.key === 'title' ? { ...f, type: 'longtext' } : f));
      if (destructive.has(e.type)) refused++;
    }
    to.push({ ...from[i]!, fields });
  }
  if (unique.some((e) => e.type === 'addKind')) {
    to.push(kindOf(99));
    added.kinds.push('kind_99');
  }
  return { from, to, refused, added };
}

const model = (kinds: RecordKind[]) => ({ registry: new RecordKindRegistry(kinds), catalog: { measures: [], indicators: [] } });

describe('modelMigrationPlan on any edits', () => {
  it('refuses exactly the destructive edits, and writes every additive one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(fc.constant(n), fc.array(edit(n), { maxLength: 6 }))),
        ([count, edits]) => {
          const { from, to, refused, added } = applyEdits(count, edits);
          let plan;
          try {
            plan = modelMigrationPlan(modelSnapshot(model(from)), model(to));
          } catch (e) {
            if (!(e instanceof ModelMigrationRefused)) throw e;
            expect(e.changes).toHaveLength(refused);
            return;
          }
          expect(refused).toBe(0);
          for (const f of added.fields) {
            const [kind, column] = f.split('.');
            expect(plan.sql).toContain(`alter table public.${kind} add column ${column} text;`);
          }
          for (const kind of added.options) expect(plan.sql).toContain(`add constraint ${kind}_${columnName('choice')}_options check (choice in ('a', 'b', 'z'));`);
          for (const kind of added.kinds) expect(plan.sql).toContain(`create table public.${kind} (`);
          expect(plan.sql === '').toBe(added.fields.length + added.options.length + added.kinds.length === 0);
        },
      ),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
