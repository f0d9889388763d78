import { columnName, createRegistry, defaultLongTextMaxLength, defaultTextMaxLength, type FieldDef, type RecordKind } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { testDatabases } from './testing/index.js';

/**
 * The migrated database agrees with the domain field by field. The expected SQL shapes are
 * written out here, independently of the generator, so a generator bug fails this test too.
 */
const systemColumns = ['id', 'org_id', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'deleted_by'];

function expectedType(f: FieldDef): string {
  switch (f.type) {
    case 'text':
    case 'longtext':
    case 'enum':
      return 'text';
    case 'integer':
      return 'integer';
    case 'decimal':
      return `numeric(14,${f.scale})`;
    case 'money':
      return 'bigint';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamp with time zone';
    case 'boolean':
      return 'boolean';
    case 'enum-set':
      return 'text[]';
    case 'ref':
      return 'uuid';
  }
}

interface ColumnRow {
  column_name: string;
  type: string;
  not_null: boolean;
}
interface CheckRow {
  column_name: string;
  def: string;
}
interface FkRow {
  column_name: string;
  target: string;
}

const literals = (def: string) => [...def.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]!.replace(/''/g, "'"));

/** Every disagreement between a kind and its table, one line each (empty when they agree). */
async function columnMismatches(db: Database, kind: RecordKind): Promise<string[]> {
  const out: string[] = [];
  const cols = (
    await db.query<ColumnRow>(
      `select a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
       from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
      [`public.${kind.id}`],
    )
  ).rows;
  // Single-column CHECK constraints, keyed by their column.
  const checks = (
    await db.query<CheckRow>(
      `select a.attname as column_name, pg_get_constraintdef(c.oid) as def
       from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.conrelid = $1::regclass and c.contype = 'c' and cardinality(c.conkey) = 1`,
      [`public.${kind.id}`],
    )
  ).rows;
  const fks = (
    await db.query<FkRow>(
      `select a.attname as column_name, c.confrelid::regclass::text as target
       from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.conrelid = $1::regclass and c.contype = 'f'`,
      [`public.${kind.id}`],
    )
  ).rows;
  const byName = new Map(cols.map((c) => [c.column_name, c]));
  const expectedNames = new Set([...systemColumns, ...kind.fields.map((f) => columnName(f.key))]);
  for (const c of cols) if (!expectedNames.has(c.column_name)) out.push(`${kind.id}.${c.column_name}: column without a field`);
  for (const s of systemColumns) if (!byName.has(s)) out.push(`${kind.id}.${s}: system column missing`);

  for (const f of kind.fields) {
    const name = columnName(f.key);
    const col = byName.get(name);
    if (!col) {
      out.push(`${kind.id}.${name}: field “${f.label}” has no column`);
      continue;
    }
    if (col.type !== expectedType(f)) out.push(`${kind.id}.${name}: type ${col.type}, field wants ${expectedType(f)}`);
    if (col.not_null !== Boolean(f.required)) out.push(`${kind.id}.${name}: not null = ${col.not_null}, required = ${Boolean(f.required)}`);
    // pg_get_constraintdef quotes key words such as "position"; compare without the quotes.
    const mine = checks.filter((c) => c.column_name === name).map((c) => c.def.replaceAll(`"${name}"`, name));

    if (f.type === 'enum' || f.type === 'enum-set') {
      const optionCheck = mine.filter((d) => (f.type === 'enum' ? /= ANY \(ARRAY\[/.test(d) : /<@ ARRAY\[/.test(d)));
      const want = f.options.map((o) => o.value);
      if (optionCheck.length !== 1) out.push(`${kind.id}.${name}: expected one options CHECK, found ${optionCheck.length}`);
      else if (JSON.stringify(literals(optionCheck[0]!)) !== JSON.stringify(want)) {
        out.push(`${kind.id}.${name}: CHECK allows ${literals(optionCheck[0]!).join(',')}, field has ${want.join(',')}`);
      }
    }
    if (f.type === 'text' || f.type === 'longtext') {
      const max = f.maxLength ?? (f.type === 'text' ? defaultTextMaxLength : defaultLongTextMaxLength);
      if (!mine.some((d) => d.includes(`char_length(${name}) <= ${max}`))) out.push(`${kind.id}.${name}: no CHECK char_length <= ${max}`);
    }
    if ((f.type === 'integer' || f.type === 'decimal') && f.min !== undefined && !mine.some((d) => d.includes(`${name} >= `))) {
      out.push(`${kind.id}.${name}: no minimum CHECK`);
    }
    if ((f.type === 'integer' || f.type === 'decimal') && f.max !== undefined && !mine.some((d) => d.includes(`${name} <= `))) {
      out.push(`${kind.id}.${name}: no maximum CHECK`);
    }
    if (f.type === 'money' && !mine.some((d) => d.includes(`${name} >= 0`))) out.push(`${kind.id}.${name}: money may be negative`);
    if (f.type === 'ref') {
      const fk = fks.find((x) => x.column_name === name);
      if (fk?.target !== f.target) out.push(`${kind.id}.${name}: references ${fk?.target ?? 'nothing'}, field targets ${f.target}`);
    }
  }
  return out;
}

const kinds = createRegistry().list();

describe.each(testDatabases())('record tables match the domain on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
  }, 120_000);
  afterAll(() => db?.close());

  it.each(kinds.map((k) => [k.id, k] as const))('%s: columns, types, nullability and option CHECKs', async (_, kind) => {
    expect((await columnMismatches(db, kind)).join('\n')).toBe('');
  });

  it('reports a kind whose fields and columns disagree', async () => {
    const mediation = kinds.find((k) => k.id === 'mediation_cases')!;
    const drifted: RecordKind = {
      ...mediation,
      fields: mediation.fields
        .filter((f) => f.key !== 'mediator')
        .map((f): FieldDef => {
          if (f.key === 'status' && f.type === 'enum') return { ...f, options: [...f.options, { value: 'archived', label: '已归档' }] };
          if (f.key === 'summary') return { ...f, required: true };
          if (f.key === 'partiesCount') return { ...f, type: 'decimal', scale: 1 };
          return f;
        })
        .concat({ key: 'newField', label: '新字段', type: 'text' }),
    };
    const found = await columnMismatches(db, drifted);
    expect(found).toEqual(
      expect.arrayContaining([
        'mediation_cases.mediator: column without a field',
        'mediation_cases.new_field: field “新字段” has no column',
        'mediation_cases.summary: not null = false, required = true',
        'mediation_cases.parties_count: type integer, field wants numeric(14,1)',
        expect.stringMatching(/^mediation_cases\.status: CHECK allows .*, field has .*archived$/),
      ]),
    );
  });
});
