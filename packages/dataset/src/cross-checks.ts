import type { RecordKindRegistry } from '@fazhi/domain';
import type { RowRefs } from './row-refs.js';
import { kindFile, orgsFile, type DatasetProblem } from './types.js';

/**
 * Checks that span rows and files: duplicate record ids within a kind, org ids missing from the
 * org tree, and `ref` fields pointing at no record of their target kind.
 */
export function crossCheck(registry: RecordKindRegistry, rowsByKind: ReadonlyMap<string, RowRefs>, orgIds: ReadonlySet<string> | null): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  // Kind → its ids: the set itself answers “is there such a record”. Each id is looked up once (a
  // set that did not grow already had it); the rows ids were first on are mapped only for a file
  // that repeats one.
  const idsByKind = new Map<string, ReadonlySet<string>>();
  for (const [kindId, { rows, ids }] of rowsByKind) {
    const file = kindFile(kindId);
    const seen = new Set<string>();
    let firstRow: Map<string, number> | undefined;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!id) continue;
      const size = seen.size;
      if (seen.add(id).size > size) continue;
      firstRow ??= firstRows(ids, rows);
      problems.push({ file, row: rows[i]!, field: '编号', key: 'id', message: `编号“${id}”重复（与第${firstRow.get(id)}行相同）` });
    }
    idsByKind.set(kindId, seen);
  }
  for (const [kindId, entries] of rowsByKind) {
    const kind = registry.get(kindId);
    const file = kindFile(kindId);
    const refFields = new Map(kind.fields.map((f) => [f.key, f]));
    const { rows, refs } = entries;
    for (let i = 0; i < entries.length; i++) {
      const orgId = entries.orgIds[i]!;
      if (orgIds && orgId && !orgIds.has(orgId)) {
        problems.push({ file, row: rows[i]!, field: '所属机构', key: 'orgId', message: `机构“${orgId}”不在 ${orgsFile} 中` });
      }
      const targets = refs.size ? refs.get(i) : undefined;
      if (!targets) continue;
      for (const [key, target] of targets) {
        const field = refFields.get(key)!;
        if (field.type !== 'ref') continue;
        const targetIds = idsByKind.get(field.target);
        if (!targetIds) {
          problems.push({ file, row: rows[i]!, field: field.label, key, message: `引用了“${target}”，但数据集不含${registry.has(field.target) ? `“${registry.get(field.target).label}”` : ''}（${kindFile(field.target)}）` });
        } else if (!targetIds.has(target)) {
          problems.push({ file, row: rows[i]!, field: field.label, key, message: `引用的记录“${target}”在 ${kindFile(field.target)} 中不存在` });
        }
      }
    }
  }
  return problems;
}

/** Each id with the row it is first on. */
function firstRows(ids: readonly string[], rows: readonly number[]): Map<string, number> {
  const first = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) if (!first.has(ids[i]!)) first.set(ids[i]!, rows[i]!);
  return first;
}
