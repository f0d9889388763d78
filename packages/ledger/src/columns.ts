import type { FieldDef } from '@fazhi/domain';

/** The pseudo-field of the unit (所属单位) column: a record's org unit, matched to the org tree. */
export const unitColumnKey = 'orgId';
export const unitColumnLabel = '所属单位';

/** The template's sheet explaining each column; a reader skips it (here, not in template.ts: reading needs no exceljs). */
export const instructionsSheetName = '填写说明';

/**
 * The pseudo-field of the 删除时间 column, written and read only for a whole-database copy
 * (`fazhi export --all`): soft-deleted records travel too, so records that still point to them
 * (a case of a delisted 服务事项) find them again.
 */
export const deletedColumnKey = 'deletedAt';
export const deletedColumnLabel = '删除时间';

/** The unit a header shows for a field: money is always 元; otherwise the declared unit. */
export function fieldUnit(f: FieldDef): string | null {
  if (f.type === 'money') return '元';
  return f.unit ?? null;
}

/** The header a template or an export writes for a field: `涉及金额（元）`. */
export function fieldHeader(f: FieldDef): string {
  const unit = fieldUnit(f);
  return unit ? `${f.label}（${unit}）` : f.label;
}
