import type { FieldDef } from '@fazhi/domain';
import { Tag, Tooltip, Typography } from 'antd';
import type { Labels } from '../use-labels.js';
import { formatFieldValue, looksMasked } from './format-value.js';

/**
 * A value for display. Personal values arrive masked from the database for readers without the
 * right; `masked` (decided by the caller from the user's grants) adds the small 已脱敏 hint.
 */
export function FieldValue({ field, value, labels, masked }: { field: FieldDef; value: unknown; labels: Labels; masked?: boolean }) {
  const text = formatFieldValue(field, value, { option: labels.option, yes: labels.t('fazhi.yes'), no: labels.t('fazhi.no'), yuan: labels.t('fazhi.yuan') });
  if (text === null) return <Typography.Text type="secondary">{labels.t('fazhi.empty')}</Typography.Text>;
  if (field.personal && masked && looksMasked(value)) {
    return (
      <span>
        {text}{' '}
        <Tooltip title={labels.t('fazhi.list.maskedHint')}>
          <Tag bordered={false} style={{ marginInlineStart: 4, fontSize: 11 }}>
            {labels.t('fazhi.list.masked')}
          </Tag>
        </Tooltip>
      </span>
    );
  }
  return <span>{text}</span>;
}
