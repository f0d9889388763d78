import { todayInShanghai, type AnyRecord, type FieldDef, type OrgUnit, type RecordKind } from '@fazhi/domain';
import { memo, useMemo } from 'react';
import { formatFieldValue } from '../fields/format-value.js';
import type { Labels } from '../use-labels.js';
import type { LedgerScope } from './ledger-scope.js';

const numeric = new Set(['integer', 'decimal', 'money']);

/** The sum of a column as the list would show one value (money summed exactly in fen). */
function columnTotal(f: FieldDef, records: readonly AnyRecord[]): number {
  const sum = records.reduce((s, r) => s + (typeof r[f.key] === 'number' ? (r[f.key] as number) : 0), 0);
  return f.type === 'decimal' ? Number(sum.toFixed(f.scale)) : sum;
}

export interface PrintListProps {
  kind: RecordKind;
  title: string;
  scope: LedgerScope;
  /** The list's columns, in its order. */
  fields: readonly FieldDef[];
  records: readonly AnyRecord[];
  /** Keys of the columns whose 合计 makes sense (the ledger export's rule). */
  summed: ReadonlySet<string>;
  orgs: readonly OrgUnit[];
  labels: Labels;
}

/** Text as HTML: the cells are record data. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A column's share of the page width by what it holds: free text gets the room, dates and numbers little. */
function columnWeight(f: FieldDef): number {
  switch (f.type) {
    case 'text':
    case 'longtext':
      return 4;
    case 'enum-set':
      return 3;
    case 'datetime':
      return 2.5;
    case 'date':
    case 'enum':
    case 'money':
    case 'ref':
      return 2;
    default:
      return 1.5;
  }
}

/**
 * The filtered list as a printed ledger: title, unit, period, the table (header on every page) and 合计.
 * Thousands of rows (a quarter's 12345 tickets is 5,000): the rows are one HTML string worked out
 * once per list and set as the body's markup, not a React element per cell, and the table has a
 * fixed layout with column widths by field type, so the browser need not measure every cell to
 * size the columns (Chromium spent most of a 5,000-row print in layout and in React's elements).
 */
export const PrintList = memo(function PrintList({ kind, title, scope, fields, records, summed, orgs, labels }: PrintListProps) {
  const { t } = labels;
  const { rowsHtml, totals, cell, widths } = useMemo(() => {
    const ctx = { option: labels.option, yes: t('fazhi.yes'), no: t('fazhi.no'), yuan: t('fazhi.yuan') };
    const cell = (f: FieldDef, v: unknown) => formatFieldValue(f, v, ctx) ?? '';
    const unitName = new Map(orgs.map((o) => [o.id, o.shortName || o.name]));
    const open = fields.map((f) => (numeric.has(f.type) ? '<td class="fazhi-print-number">' : '<td>'));
    const rowsHtml = records
      .map((r, i) => {
        let html = `<tr><td class="fazhi-print-number">${i + 1}</td><td>${escapeHtml(unitName.get(String(r.orgId)) ?? String(r.orgId ?? ''))}</td>`;
        for (let j = 0; j < fields.length; j++) html += `${open[j]}${escapeHtml(cell(fields[j]!, r[fields[j]!.key]))}</td>`;
        return `${html}</tr>`;
      })
      .join('');
    const weights = [1, 2.5, ...fields.map(columnWeight)];
    const sum = weights.reduce((a, b) => a + b, 0);
    return {
      rowsHtml,
      totals: fields.map((f) => (summed.has(f.key) ? columnTotal(f, records) : undefined)),
      cell,
      widths: weights.map((w) => `${((w / sum) * 100).toFixed(2)}%`),
    };
  }, [fields, records, summed, orgs, labels, t]);
  return (
    <div className="fazhi-print-list">
      <h1>{title}</h1>
      <div className="fazhi-print-meta">
        <span>{t('fazhi.ledger.unit', { unit: scope.unit })}</span>
        <span>{t('fazhi.ledger.period', { period: scope.period ?? t('fazhi.ledger.allPeriods') })}</span>
        <span>{t('fazhi.ledger.printedAt', { date: todayInShanghai() })}</span>
      </div>
      <table className="fazhi-print-ledger">
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>{t('fazhi.ledger.number')}</th>
            <th>{t('fazhi.orgId')}</th>
            {fields.map((f) => (
              <th key={f.key}>{labels.field(f)}</th>
            ))}
          </tr>
        </thead>
        <tbody dangerouslySetInnerHTML={{ __html: rowsHtml }} />
        <tbody>
          <tr className="fazhi-print-total">
            <td colSpan={2}>{t('fazhi.ledger.total', { count: records.length, measure: kind.measureWord })}</td>
            {fields.map((f, j) => (
              <td key={f.key} className="fazhi-print-number" data-total={totals[j]}>
                {totals[j] === undefined ? '' : cell(f, totals[j])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
});
