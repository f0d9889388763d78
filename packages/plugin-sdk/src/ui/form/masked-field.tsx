import type { FieldDef } from '@fazhi/domain';
import { Button, Input, Space } from 'antd';
import { FieldInput } from '../fields/field-input.js';
import type { Labels } from '../use-labels.js';

/**
 * A personal field the user may not read, in an edit form. The value is the database's mask
 * (徐**、严**), so editing around it would save the asterisks over the real names: the field is
 * read-only and can only be replaced whole. 「重新填写」 empties it for a new value; 「保留原值」
 * goes back to the mask, which the form then leaves out of the update (see RecordForm).
 * `value`/`onChange` come from the Form.Item.
 */
export function MaskedFieldInput({
  field,
  labels,
  shown,
  replacing,
  onReplacingChange,
  ...rest
}: {
  field: FieldDef;
  labels: Labels;
  /** The masked value the form received. */
  shown: string;
  replacing: boolean;
  onReplacingChange: (replacing: boolean) => void;
  value?: unknown;
  onChange?: (v: unknown) => void;
  id?: string;
}) {
  const { t } = labels;
  const setValue = (v: unknown) => rest.onChange?.(v);
  if (!replacing) {
    return (
      <Space.Compact style={{ width: '100%' }}>
        <Input id={rest.id} aria-label={labels.field(field)} value={shown} readOnly data-masked="true" />
        <Button
          onClick={() => {
            onReplacingChange(true);
            setValue(undefined);
          }}
        >
          {t('fazhi.form.maskedReplace')}
        </Button>
      </Space.Compact>
    );
  }
  return (
    <Space.Compact style={{ width: '100%' }}>
      <FieldInput field={field} labels={labels} id={rest.id} value={rest.value} onChange={rest.onChange} />
      <Button
        onClick={() => {
          onReplacingChange(false);
          setValue(shown);
        }}
      >
        {t('fazhi.form.maskedKeep')}
      </Button>
    </Space.Compact>
  );
}
