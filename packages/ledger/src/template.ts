import type { FieldDef, OrgUnit, RecordKind } from '@fazhi/domain';
import ExcelJS from 'exceljs';
import { fieldHeader, instructionsSheetName, unitColumnLabel } from './columns.js';
import { fillingRule, ruleText, typeName } from './describe.js';
import { columnLetter } from './workbook.js';

/** Rows of the template's data validation (dropdowns): enough for a year of most ledgers. */
const validatedRows = 5000;
export { instructionsSheetName };
export const optionsSheetName = '选项';

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
}

function exampleValue(f: FieldDef, kind: RecordKind): string | number {
  switch (f.type) {
    case 'enum':
    case 'enum-set':
      return f.options[0]!.label;
    case 'date':
      return '2024-03-05';
    case 'datetime':
      return '2024-03-05 09:30';
    case 'money':
      return '1,200.00';
    case 'integer':
      return f.min !== undefined && f.min > 1 ? f.min : 1;
    case 'decimal':
      return 1.5;
    case 'boolean':
      return '是';
    case 'text':
      if (f.format === 'phone') return '13800138000';
      if (f.format === 'id-number') return '440115199001011234';
      return f.key === kind.businessKey ? `${f.label}-2024-001` : `（${f.label}）`;
    default:
      return `（${f.label}）`;
  }
}

/** exceljs keeps range validations on `dataValidations`, which its typings leave out. */
const rangeValidations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

export interface TemplateOptions {
  /** The unit written in the example row; default the placeholder 某某社区. */
  exampleUnit?: OrgUnit;
}

/**
 * The import template of a kind (.xlsx bytes): a title row, the header row (Chinese labels with
 * units, required columns marked *), one example row the importer skips, enum dropdowns through
 * data validation, and a 填写说明 sheet with every column's type and rule and the kind's rules.
 */
export async function importTemplate(kind: RecordKind, opts: TemplateOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName(kind.label), { views: [{ state: 'frozen', ySplit: 2 }] });
  const options = wb.addWorksheet(optionsSheetName, { state: 'hidden' });
  const headers = [`*${unitColumnLabel}`, ...kind.fields.map((f) => `${f.required ? '*' : ''}${fieldHeader(f)}`)];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = `${kind.label}导入模板（带 * 为必填；第 3 行为示例，导入时跳过）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  header.values = headers;
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  const example = ws.getRow(3);
  example.values = [`（示例）${opts.exampleUnit?.name ?? '某某社区'}`, ...kind.fields.map((f) => exampleValue(f, kind))];
  example.font = { italic: true, color: { argb: 'FF808080' } };
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(12, h.length * 2 + 4));
  });

  let optionColumn = 0;
  kind.fields.forEach((f, i) => {
    const col = columnLetter(i + 2);
    if (f.type === 'date') ws.getColumn(i + 2).numFmt = 'yyyy-mm-dd';
    if (f.type !== 'enum' && f.type !== 'boolean') return;
    const labels = f.type === 'boolean' ? ['是', '否'] : f.options.map((o) => o.label);
    optionColumn++;
    const optCol = columnLetter(optionColumn);
    options.getCell(1, optionColumn).value = f.label;
    labels.forEach((l, k) => (options.getCell(k + 2, optionColumn).value = l));
    const range = `${optionsSheetName}!$${optCol}$2:$${optCol}$${labels.length + 1}`;
    // One validation over the whole column range (exceljs writes it as a single sqref).
    rangeValidations(ws).add(`${col}3:${col}${validatedRows}`, {
      type: 'list',
      allowBlank: !f.required,
      formulae: [range],
      showErrorMessage: true,
      errorTitle: f.label,
      error: `请从下拉列表中选择${f.label}`,
    });
  });

  const help = wb.addWorksheet(instructionsSheetName);
  help.columns = [
    { header: '列', width: 6 },
    { header: '表头', width: 24 },
    { header: '必填', width: 8 },
    { header: '类型', width: 16 },
    { header: '填写要求', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow(['A', unitColumnLabel, '是', '机构名称', '填写机构全称或简称（如社区、调委会名称），须与系统中的机构一致']);
  kind.fields.forEach((f, i) => help.addRow([columnLetter(i + 2), fieldHeader(f), f.required ? '是' : '否', typeName(f), fillingRule(f)]));
  help.addRow([]);
  help.addRow(['', '通用规则']).font = { bold: true };
  const general = [
    '表头可在第几行都可以：上方的标题行和说明会被跳过；表头名称可用常见别名，未识别的列会提示并不导入。',
    '空行、“合计”行和以“（示例）”开头的行不导入；一个文件可有多个工作表（如每月一张），表头相同即可。',
    kind.businessKey ? `“${kind.fields.find((f) => f.key === kind.businessKey)?.label}”在本街道内不能重复；与已有记录重复时可选择跳过、更新或停止导入。` : '',
    ...(kind.rules ?? []).map((r) => ruleText(kind, r)),
  ].filter(Boolean);
  for (const line of general) help.addRow(['', line]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
