import type { DistrictComparison } from '@fazhi/db/browser';
import type { Catalog } from '@fazhi/metrics';
import { comparisonCell, comparisonColumns } from './district-comparison.js';

/**
 * The district comparison as an .xlsx workbook: one sheet, a row per street then 区直 and 合计,
 * a column per indicator headed by its work area and label (with the unit), each cell the figure
 * as a number (percentages as 96.5, money in 万元) so it can be summed and sorted in Excel, and
 * the page's text in a note row where there is no number. exceljs is loaded only when exporting.
 */
export async function comparisonWorkbook(comparison: DistrictComparison, catalog: Catalog, parentName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${comparison.year}年街道对比`);
  const columns = comparisonColumns(comparison, catalog);
  sheet.addRow([`${parentName}${comparison.year}年各街道法治政府建设指标对比`]);
  sheet.addRow(['单位', ...columns.map((c) => c.areaLabel)]);
  sheet.addRow(['', ...columns.map((c) => `${c.indicator.label}（${c.indicator.valueType === 'money' ? '万元' : c.indicator.unit}）`)]);
  const rows = [...comparison.streets, comparison.direct, { ...comparison.total, name: '合计' }];
  for (const row of rows) {
    sheet.addRow([
      row.name,
      ...columns.map((c) => {
        const { figure } = comparisonCell(row, c);
        const value = figure?.value ?? null;
        if (value === null || (row.kind === 'direct' && !c.additive)) return null;
        // Money is kept in fen: 万元 as the header says.
        return c.indicator.valueType === 'money' ? value / 1_000_000 : value;
      }),
    ]);
  }
  sheet.getRow(1).font = { bold: true, size: 14 };
  for (const n of [2, 3]) sheet.getRow(n).font = { bold: true };
  sheet.getColumn(1).width = 16;
  for (let i = 2; i <= columns.length + 1; i++) sheet.getColumn(i).width = 14;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 3 }];
  const notes = columns.filter((c) => !c.additive).map((c) => c.indicator.label);
  if (notes.length) sheet.addRow([`注：${notes.join('、')}不能按街道相加，区直一行不列出。`]);
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
