import { findField, type FieldDef } from '@fazhi/domain';
import { useSelect } from '@refinedev/antd';
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import { hasRight } from '../../host/access-control.js';
import { useFazhiServices } from '../services-context.js';
import type { Labels } from '../use-labels.js';

/** The antd control of one field, chosen by its type. Values are form values (see form-values.ts). */
export function FieldInput({ field, labels, disabled, ...rest }: { field: FieldDef; labels: Labels; disabled?: boolean; value?: unknown; onChange?: (v: unknown) => void; id?: string }) {
  const common = { disabled, id: rest.id, 'aria-label': labels.field(field) } as const;
  const value = rest.value as never;
  const onChange = rest.onChange as never;
  switch (field.type) {
    case 'text':
      return <Input {...common} value={value} onChange={onChange} placeholder={field.pattern?.hint} allowClear={!field.required} />;
    case 'longtext':
      return <Input.TextArea {...common} value={value} onChange={onChange} rows={3} />;
    case 'integer':
    case 'decimal':
      return <InputNumber {...common} value={value} onChange={onChange} style={{ width: '100%' }} suffix={field.unit === undefined ? undefined : labels.unit(field.unit)} />;
    case 'money':
      return <Input {...common} value={value} onChange={onChange} inputMode="decimal" suffix={labels.t('fazhi.yuan')} placeholder={labels.t('fazhi.form.moneyPlaceholder')} />;
    case 'date':
      return <DatePicker {...common} value={value} onChange={onChange} format="YYYY-MM-DD" style={{ width: '100%' }} />;
    case 'datetime':
      // No 此刻 button: it would put in the device's clock, and the value is Shanghai time (shanghai-time.ts).
      return <DatePicker {...common} value={value} onChange={onChange} showTime={{ format: 'HH:mm' }} showNow={false} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />;
    case 'boolean':
      return <Switch {...common} checked={value === true} onChange={onChange} checkedChildren={labels.t('fazhi.yes')} unCheckedChildren={labels.t('fazhi.no')} />;
    case 'enum':
    case 'enum-set':
      return (
        <Select
          {...common}
          value={value}
          onChange={onChange}
          mode={field.type === 'enum-set' ? 'multiple' : undefined}
          allowClear={!field.required}
          options={field.options.map((o) => ({ value: o.value, label: labels.option(field, o.value) }))}
          style={{ width: '100%' }}
        />
      );
    case 'ref':
      return <RefSelect field={field} common={common} value={value} onChange={onChange} />;
  }
}

/**
 * A record of another kind, searched by its title field through the data provider. A personal
 * title (an officer's name) reaches a user without personal rights masked (李**), which tells
 * nobody apart: such a user sees the business key beside it (李**（440115007006）) and searches by it.
 */
function RefSelect({ field, common, value, onChange }: { field: FieldDef & { type: 'ref' }; common: object; value: unknown; onChange: unknown }) {
  // The composed registry: a ref may point to a plugin's kind as well as a built-in one.
  const { kinds, user } = useFazhiServices();
  const target = kinds.has(field.target) ? kinds.get(field.target) : undefined;
  const title = target?.titleField ?? 'id';
  const masked = target !== undefined && findField(target, title)?.personal === true && !hasRight(user, 'personal', target.area);
  const key = masked ? target.businessKey : undefined;
  const { selectProps } = useSelect({
    resource: field.target,
    optionLabel: (key ? (r: Record<string, unknown>) => `${String(r[title] ?? '')}（${String(r[key] ?? '')}）` : title) as never,
    searchField: (key ?? title) as never,
    optionValue: 'id' as never,
    defaultValue: (value as string | undefined) ?? undefined,
    debounce: 300,
  });
  return <Select {...common} {...(selectProps as object)} value={value as never} onChange={onChange as never} allowClear={!field.required} showSearch filterOption={false} style={{ width: '100%' }} />;
}
