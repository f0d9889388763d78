import type { FieldDef } from '@fazhi/domain';
import { Tag, Tooltip } from 'antd';
import type { Labels } from '../use-labels.js';
import { formatFieldValue, looksMasked } from './format-value.js';

/**
 * antd's secondary text colour (the console keeps antd's default theme), on a plain span: a list
 * shows many empty cells, and antd's Typography mounts an ellipsis measurer and observer for each.
 */
export const secondaryText = { color: 'rgba(0, 0, 0, 0.45)' } as const;

/**
 * A value for display. Personal values arrive masked from the database for readers without the
 * right; `masked` (decided by the caller from the user's grants) adds the small 已脱敏 hint.
 */
export function FieldValue({ field, value, labels, masked }: { field: FieldDef; value: unknown; labels: Labels; masked?: boolean }) {
  const text = formatFieldValue(field, value, { option: labels.option, yes: labels.t('fazhi.yes'), no: labels.t('fazhi.no'), yuan: labels.t('fazhi.yuan'), unit: labels.unit, join: labels.join });
  if (text === null) return <span style={secondaryText}>{labels.t('fazhi.empty')}</span>;
  if (field.personal && masked && looksMasked(value)) {
    return (
      <span {...recordData(field)}>
        {text}{' '}
        <Tooltip title={labels.t('fazhi.list.maskedHint')}>
          <Tag bordered={false} style={{ marginInlineStart: 4, fontSize: 11 }}>
            {labels.t('fazhi.list.masked')}
          </Tag>
        </Tooltip>
      </span>
    );
  }
  return <span {...recordData(field)}>{text}</span>;
}

// Types whose text is chosen by the page (options, yes/no, numbers, dates) are the page's words;
// the others show what a clerk typed.
const pageWorded = new Set<FieldDef['type']>(['enum', 'enum-set', 'boolean', 'integer', 'decimal', 'money', 'date', 'datetime']);

/**
 * `data-record` on a value as a clerk typed it (text, references): record data, which no language
 * switch translates. Pages mark it so a check for untranslated words (and a reader) can tell the two apart.
 */
export const recordData = (field: FieldDef): { 'data-record'?: '' } => (pageWorded.has(field.type) ? {} : { 'data-record': '' });
