import { orgUnitKinds, type OrgUnit, type OrgUnitKind } from '@fazhi/domain';
import ExcelJS from 'exceljs';
import { cellText } from './cells.js';
import { readSheets } from './workbook.js';

/**
 * The org tree as a workbook (组织机构.xlsx beside the ledgers of `fazhi export --all`), so a folder
 * of ledgers can be taken into an empty database with the units its 所属单位 columns name: one row
 * per unit, parents before children, with its id, its parent's id, names, kind and 建账起止.
 */
export const orgTreeFileName = '组织机构.xlsx';
const sheetTitle = '组织机构';
const headers = ['机构编号', '上级机构编号', '名称', '简称', '类型', '建账起', '建账止'] as const;

/** Units parents first (a file read top to bottom can be inserted in that order). */
function parentsFirst(units: readonly OrgUnit[]): OrgUnit[] {
  const byParent = new Map<string | null, OrgUnit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  const out: OrgUnit[] = [];
  const walk = (parent: string | null) => {
    for (const u of byParent.get(parent) ?? []) {
      out.push(u);
      walk(u.id);
    }
  };
  walk(null);
  return out;
}

export async function exportOrgTree(units: readonly OrgUnit[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetTitle, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...headers]).font = { bold: true };
  for (const u of parentsFirst(units)) ws.addRow([u.id, u.parentId ?? '', u.name, u.shortName ?? '', orgUnitKinds.find((k) => k.id === u.kind)?.label ?? u.kind, u.ledgerSpan?.from ?? '', u.ledgerSpan?.to ?? '']);
  ws.columns.forEach((c, i) => (c.width = i < 2 ? 38 : 24));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface OrgTreeReadResult {
  units: OrgUnit[];
  /** Chinese, naming the row: a missing column, an unknown kind, a parent not listed above. */
  errors: string[];
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
/** 类型 is written as its Chinese label (街道, 社区 …); the id (street …) is read too. */
const kindOf = (text: string): OrgUnitKind | undefined => orgUnitKinds.find((k) => k.label === text || k.id === text)?.id;

/** Reads `exportOrgTree`'s workbook back; every problem is an error naming its row. */
export async function readOrgTree(bytes: Uint8Array, fileName = orgTreeFileName): Promise<OrgTreeReadResult> {
  const errors: string[] = [];
  let rows;
  try {
    rows = (await readSheets(bytes, 'xlsx', fileName))[0]?.rows ?? [];
  } catch (e) {
    return { units: [], errors: [`${fileName}：无法读取（${(e as Error).message}）`] };
  }
  const head = (rows[0] ?? []).map((c) => cellText(c).trim());
  const at = headers.map((h) => head.indexOf(h));
  const missing = headers.filter((_, i) => at[i]! < 0 && i < 5);
  if (missing.length) return { units: [], errors: [`${fileName}：第 1 行缺少列${missing.map((h) => `“${h}”`).join('、')}`] };
  const units: OrgUnit[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (k: number) => (at[k]! < 0 ? '' : cellText(cells[at[k]!] ?? null).trim());
    if (headers.every((_, k) => cell(k) === '')) return;
    const [id, parentId, name, shortName, kind, from, to] = headers.map((_, k) => cell(k));
    const problems: string[] = [];
    if (!id) problems.push('“机构编号”为空');
    else if (seen.has(id)) problems.push(`机构编号“${id}”重复`);
    if (!name) problems.push('“名称”为空');
    if (!kindOf(kind!)) problems.push(`“类型”应为 ${orgUnitKinds.map((k) => k.label).join('、')} 之一，收到“${kind}”`);
    if (parentId && !seen.has(parentId)) problems.push(`上级机构“${parentId}”不在它上面的行中`);
    if ((from && !isoDay.test(from)) || (to && !isoDay.test(to)) || (to && !from)) problems.push(`建账起止应为 YYYY-MM-DD（建账止可空），收到“${from}”至“${to}”`);
    if (problems.length) {
      errors.push(`${fileName} 第 ${row} 行：${problems.join('；')}`);
      return;
    }
    seen.add(id!);
    units.push({ id: id!, parentId: parentId || null, kind: kindOf(kind!)!, name: name!, shortName: shortName || null, ledgerSpan: from ? { from: from!, to: to || null } : null });
  });
  if (!errors.length && units.length === 0) errors.push(`${fileName}：没有任何机构`);
  return { units, errors };
}
