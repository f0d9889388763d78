import type { RecordKind, ValidationMessages } from '@fazhi/domain';
import type { FormRule } from 'antd';
import { validateForm, type FormValues } from './form-values.js';

/**
 * The antd rule of one field: validate the whole form with the kind's schema and report this
 * field's messages. `base` holds values not in the form (a workflow dialog validates the record
 * with the step's fields filled in). `messages`: the page's language (`labels.validation`), zh-CN by default.
 */
export function fieldRules(kind: RecordKind, key: string, base?: () => Record<string, unknown>, messages?: ValidationMessages): FormRule[] {
  return [
    ({ getFieldsValue }) => ({
      validator: async () => {
        const problems = validateForm(kind, getFieldsValue(true) as FormValues, base?.(), messages).get(key);
        if (problems?.length) throw new Error(problems[0]);
      },
    }),
  ];
}
