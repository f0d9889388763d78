import type { AnyRecord, FieldDef, RecordKind } from '@fazhi/domain';

/**
 * A reference field (执法人员 → enforcement_officers, 服务事项 → service_items) holds a record id in
 * the database; a ledger shows the record by what people know it by: its business key (执法证号,
 * 事项编码), else its title field. Export writes that value, import finds the id by it.
 */
export interface ReferenceTable {
  /** The target kind's label (执法人员), for messages. */
  kindLabel: string;
  /** The field of the target kind the ledger shows (the business key, else the title field). */
  field: FieldDef;
  /** Record id → the value shown. */
  shown: ReadonlyMap<string, string>;
  /** Value shown → record id; null when several live records share it (the value is ambiguous). */
  ids: ReadonlyMap<string, string | null>;
}

/** Target kind id → its reference table. */
export type References = ReadonlyMap<string, ReferenceTable>;

/** The field a ledger names a record of `kind` by. */
export function referenceField(kind: RecordKind): FieldDef {
  const key = kind.businessKey ?? kind.titleField;
  return kind.fields.find((f) => f.key === key)!;
}

/**
 * The reference table of a target kind from its records. A soft-deleted record is still shown by
 * its key (a case of a delisted 服务事项 names it), and found by it only when no live record has
 * that key.
 */
export function referenceTable(kind: RecordKind, records: readonly AnyRecord[]): ReferenceTable {
  const field = referenceField(kind);
  const shown = new Map<string, string>();
  const ids = new Map<string, string | null>();
  const byKey = (deleted: boolean) => {
    const seen = new Map<string, string | null>();
    for (const r of records) {
      const value = r[field.key];
      if (Boolean(r.deletedAt) !== deleted || value === null || value === undefined || String(value).trim() === '') continue;
      const text = String(value).trim();
      shown.set(r.id, text);
      seen.set(text, seen.has(text) ? null : r.id);
    }
    return seen;
  };
  const live = byKey(false);
  for (const [text, id] of byKey(true)) if (!live.has(text)) ids.set(text, id);
  for (const [text, id] of live) ids.set(text, id);
  return { kindLabel: kind.label, field, shown, ids };
}

/** The kinds a kind's reference fields point to (each once). */
export function referencedKinds(kind: RecordKind): string[] {
  return [...new Set(kind.fields.flatMap((f) => (f.type === 'ref' ? [f.target] : [])))];
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A reference cell's text as a record id: found by the shown value, or kept when it already is the
 * id of a known record. An explained failure otherwise.
 */
export function resolveReference(f: FieldDef, text: string, table: ReferenceTable): { ok: true; value: string } | { ok: false; message: string } {
  const t = text.trim();
  const id = table.ids.get(t);
  if (id) return { ok: true, value: id };
  if (id === null) return { ok: false, message: `「${f.label}」“${t}”对应多条${table.kindLabel}（${table.field.label}重复），无法确定是哪一条` };
  if (uuid.test(t) && table.shown.has(t.toLowerCase())) return { ok: true, value: t.toLowerCase() };
  return { ok: false, message: `「${f.label}」“${t}”不是已有的${table.kindLabel}（按${table.field.label}查找）` };
}
