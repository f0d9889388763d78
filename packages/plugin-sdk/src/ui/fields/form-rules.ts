import type { RecordKind } from '@fazhi/domain';
import type { FormRule } from 'antd';
import { validateForm, type FormValues } from './form-values.js';

/**
 * The antd rule of one field: validate the whole form with the kind's schema and report this
 * field's messages. `base` holds values not in the form (a workflow dialog validates the record
 * with the step's fields filled in).
 */
export function fieldRules(kind: RecordKind, key: string, base?: () => Record<string, unknown>): FormRule[] {
  return [
    ({ getFieldsValue }) => ({
      validator: async () => {
        const messages = validateForm(kind, getFieldsValue(true) as FormValues, base?.()).get(key);
        if (messages?.length) throw new Error(messages[0]);
      },
    }),
  ];
}
