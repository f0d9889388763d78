import { todayInShanghai, type AnyRecord, type FieldDef, type OrgUnit, type RecordKind } from '@fazhi/domain';
import { formatFieldValue } from '../fields/format-value.js';
import { orgName } from '../fields/org-tree.js';
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

/** The filtered list as a printed ledger: title, unit, period, the table (header on every page) and 合计. */
export function PrintList({ kind, title, scope, fields, records, summed, orgs, labels }: PrintListProps) {
  const { t } = labels;
  const ctx = { option: labels.option, yes: t('fazhi.yes'), no: t('fazhi.no'), yuan: t('fazhi.yuan') };
  const cell = (f: FieldDef, v: unknown) => formatFieldValue(f, v, ctx) ?? '';
  return (
    <div className="fazhi-print-list">
      <h1>{title}</h1>
      <div className="fazhi-print-meta">
        <span>{t('fazhi.ledger.unit', { unit: scope.unit })}</span>
        <span>{t('fazhi.ledger.period', { period: scope.period ?? t('fazhi.ledger.allPeriods') })}</span>
        <span>{t('fazhi.ledger.printedAt', { date: todayInShanghai() })}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('fazhi.ledger.number')}</th>
            <th>{t('fazhi.orgId')}</th>
            {fields.map((f) => (
              <th key={f.key}>{labels.field(f)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => (
            <tr key={String(r.id)}>
              <td className="fazhi-print-number">{i + 1}</td>
              <td>{orgName(orgs, r.orgId) ?? ''}</td>
              {fields.map((f) => (
                <td key={f.key} className={numeric.has(f.type) ? 'fazhi-print-number' : undefined}>
                  {cell(f, r[f.key])}
                </td>
              ))}
            </tr>
          ))}
          <tr className="fazhi-print-total">
            <td colSpan={2}>{t('fazhi.ledger.total', { count: records.length, measure: kind.measureWord })}</td>
            {fields.map((f) => (
              <td key={f.key} className="fazhi-print-number" data-total={summed.has(f.key) ? columnTotal(f, records) : undefined}>
                {summed.has(f.key) ? cell(f, columnTotal(f, records)) : ''}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
