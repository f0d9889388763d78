import { findField, todayInShanghai, type AnyRecord, type FieldDef, type OrgUnit } from '@fazhi/domain';
import type { PluginResource, PrintFormCell } from '../../plugin.js';
import { formatFieldValue } from '../fields/format-value.js';
import { orgName } from '../fields/org-tree.js';
import type { Labels } from '../use-labels.js';

interface FormCell {
  field: FieldDef;
  span: 1 | 2;
}

/**
 * The rows a record prints as: the resource's declared form, or every field two to a row, a long
 * text (情况, 结果 …) across the page.
 */
export function printFormRows(resource: PluginResource): FormCell[][] {
  const kind = resource.kind;
  if (resource.printForm) {
    const cellOf = (c: PrintFormCell): FormCell => (typeof c === 'string' ? { field: findField(kind, c)!, span: 1 } : { field: findField(kind, c.field)!, span: 2 });
    return resource.printForm.rows.map((row) => row.map(cellOf));
  }
  const rows: FormCell[][] = [];
  let pending: FormCell | null = null;
  for (const field of kind.fields) {
    if (field.type === 'longtext') {
      if (pending) rows.push([pending]);
      pending = null;
      rows.push([{ field, span: 2 }]);
    } else if (pending) {
      rows.push([pending, { field, span: 1 }]);
      pending = null;
    } else pending = { field, span: 1 };
  }
  if (pending) rows.push([pending]);
  return rows;
}

/** One record as its paper form: title, unit and date, then label / value cells in a ruled table. */
export function PrintRecord({ resource, record, orgs, labels }: { resource: PluginResource; record: AnyRecord; orgs: readonly OrgUnit[]; labels: Labels }) {
  const { t } = labels;
  const ctx = { option: labels.option, yes: t('fazhi.yes'), no: t('fazhi.no'), yuan: t('fazhi.yuan') };
  const english = labels.locale === 'en';
  const form = resource.printForm;
  const title = form ? (english && form.titleEn ? form.titleEn : form.title) : t('fazhi.ledger.formFor', { kind: labels.kind(resource.kind) });
  return (
    <div className="fazhi-print-record">
      <h1>{title}</h1>
      <div className="fazhi-print-meta">
        <span>{t('fazhi.ledger.unit', { unit: orgName(orgs, record.orgId) ?? '' })}</span>
        <span>{t('fazhi.ledger.printedAt', { date: todayInShanghai() })}</span>
      </div>
      <table className="fazhi-print-form">
        {/* Two label / value pairs per row, the same widths on every row. */}
        <colgroup>
          <col style={{ width: '15%' }} />
          <col style={{ width: '35%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '35%' }} />
        </colgroup>
        <tbody>
          {printFormRows(resource).map((row) => (
            <tr key={row.map((c) => c.field.key).join()}>
              {row.map((c) => [
                <th key={`${c.field.key}-label`} scope="row">
                  {labels.field(c.field)}
                </th>,
                // A lone field without span still fills the row, so the ruled table stays square.
                <td key={c.field.key} data-field={c.field.key} colSpan={c.span === 2 || row.length === 1 ? 3 : 1}>
                  {formatFieldValue(c.field, record[c.field.key], ctx) ?? ''}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
