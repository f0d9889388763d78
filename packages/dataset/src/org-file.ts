import { OrgTree, orgUnitKinds, type OrgUnit, type OrgUnitKind } from '@fazhi/domain';
import { unstorableCharProblem } from './cell-text.js';
import { cellCountProblem, csvProblems, readHeader, type ColumnSpec } from './columns.js';
import { readCsv, writeCsv } from './csv-text.js';
import type { DecodedText } from './text-encoding.js';
import type { FileText } from './text-file.js';
import { orgsFile, type DatasetProblem } from './types.js';

const columns: readonly ColumnSpec[] = [
  { key: 'id', label: '机构编号', required: true },
  { key: 'parentId', label: '上级机构', required: true },
  { key: 'kind', label: '机构类型', required: true },
  { key: 'name', label: '机构名称', required: true },
  { key: 'shortName', label: '简称', required: false },
];
const label = (key: string) => columns.find((c) => c.key === key)!.label;

export interface OrgsResult {
  tree?: OrgTree;
  /**
   * Every id in the file, even of rows with other problems, so record checks can go on without
   * repeating those problems; null when the file has no usable id column.
   */
  ids: Set<string> | null;
  problems: DatasetProblem[];
}

function matchKind(text: string): OrgUnitKind | null {
  return orgUnitKinds.find((k) => k.id === text || k.label === text)?.id ?? null;
}

/** Parses `orgs.csv` and builds the tree; tree errors are tied back to their rows. */
export function readOrgs(text: string | FileText, origin?: Pick<DecodedText, 'encoding' | 'invalid'>): OrgsResult {
  const file = orgsFile;
  const csv = readCsv(text, origin);
  const specs = columns;
  const header = readHeader(file, csv.rows[0], specs);
  const problems: DatasetProblem[] = [...csvProblems(file, csv.problems, header, specs), ...header.problems];
  const units: OrgUnit[] = [];
  const rowOf = new Map<string, number>();
  const ids = new Set<string>();
  for (const r of csv.rows.slice(header.width ? 1 : 0)) {
    const cell = (k: string) => {
      const i = header.index.get(k);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const bad = cellCountProblem(file, r, header.width);
    if (bad) {
      problems.push(bad);
      if (cell('id')) ids.add(cell('id'));
      continue;
    }
    const id = cell('id');
    const kindText = cell('kind');
    const kind = matchKind(kindText);
    const name = cell('name');
    let ok = true;
    const fail = (key: string, message: string) => {
      ok = false;
      problems.push({ file, row: r.row, field: label(key), key, message });
    };
    if (!id && !header.missing.has('id')) fail('id', `「${label('id')}」为必填项`);
    if (!name && !header.missing.has('name')) fail('name', `「${label('name')}」为必填项`);
    if (!kind && !header.missing.has('kind')) {
      fail('kind', kindText ? `「${label('kind')}」的值“${kindText}”无效，应为：${orgUnitKinds.map((k) => `“${k.label}”(${k.id})`).join('、')}` : `「${label('kind')}」为必填项`);
    }
    if (id) ids.add(id);
    if (!ok || !kind) continue;
    if (!rowOf.has(id)) rowOf.set(id, r.row);
    units.push({ id, parentId: cell('parentId') || null, kind, name, shortName: cell('shortName') || null });
  }
  if (header.missing.size) return { ids: header.missing.has('id') ? null : ids, problems };

  try {
    return { tree: new OrgTree(units), ids, problems };
  } catch (e) {
    // OrgTree lists one problem per line, each naming the unit by id: map them back to rows.
    const lines = (e as Error).message.split('\n').slice(1);
    for (const line of lines) {
      const id = /（([^）]+)）/.exec(line)?.[1] ?? /^机构编号“([^”]+)”重复/.exec(line)?.[1];
      const dupRows = id && /重复$/.test(line) ? [...csv.rows].filter((r) => r.cells[header.index.get('id')!]?.trim() === id).map((r) => r.row) : [];
      const row = dupRows.length > 1 ? dupRows[1] : id ? rowOf.get(id) : undefined;
      problems.push({ file, ...(row !== undefined ? { row } : {}), message: line });
    }
    return { ids, problems };
  }
}

/** Values the loader would refuse (see `unstorableCharProblem`), with the rows they would have. */
export function unstorableOrgValues(units: readonly OrgUnit[]): DatasetProblem[] {
  return units.flatMap((u, i) =>
    (['id', 'parentId', 'name', 'shortName'] as const).flatMap((key) => {
      const value = u[key];
      const problem = typeof value === 'string' ? unstorableCharProblem(value) : null;
      return problem ? [{ file: orgsFile, row: i + 2, field: label(key), key, message: problem }] : [];
    }),
  );
}

export function formatOrgs(units: Iterable<OrgUnit>): string {
  const rows = [columns.map((c) => c.key)];
  for (const u of units) rows.push([u.id, u.parentId ?? '', u.kind, u.name, u.shortName ?? '']);
  return writeCsv(rows);
}
