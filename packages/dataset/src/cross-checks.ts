import type { RecordKindRegistry } from '@fazhi/domain';
import type { RowRefs } from './row-refs.js';
import { kindFile, orgsFile, type DatasetProblem } from './types.js';

/**
 * Checks that span rows and files: duplicate record ids within a kind, org ids missing from the
 * org tree, and `ref` fields pointing at no record of their target kind.
 */
export function crossCheck(registry: RecordKindRegistry, rowsByKind: ReadonlyMap<string, RowRefs>, orgIds: ReadonlySet<string> | null): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  // Kind → its ids (each with its first row): the map itself answers “is there such a record”.
  const idsByKind = new Map<string, ReadonlyMap<string, number>>();
  for (const [kindId, { rows, ids }] of rowsByKind) {
    const file = kindFile(kindId);
    const firstRow = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!id) continue;
      const first = firstRow.get(id);
      if (first !== undefined) problems.push({ file, row: rows[i]!, field: '编号', key: 'id', message: `编号“${id}”重复（与第${first}行相同）` });
      else firstRow.set(id, rows[i]!);
    }
    idsByKind.set(kindId, firstRow);
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
