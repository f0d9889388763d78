import { Form, Input } from 'antd';
import type { ReactNode } from 'react';

/**
 * A new password, asked twice: used by 修改密码 (with the current password before it), by 设置新密码
 * after a reset link and by 建立本单位 for the first admin. Each page passes its own messages
 * (`next`, `nextRequired`, `repeat`, `repeatRequired`, `mismatch`, and `tooShort` with `minLength`)
 * and, when its form names them otherwise, the two fields' names (`next` and `repeat` by default).
 */
export function NewPasswordFields({
  t,
  extra,
  names = { next: 'next', repeat: 'repeat' },
  minLength,
}: {
  t: (key: string) => string;
  extra?: ReactNode;
  names?: { next: string; repeat: string };
  /** Checked here before sending, for a message at the field; the server checks its own rule again. */
  minLength?: number;
}) {
  return (
    <>
      <Form.Item
        name={names.next}
        label={t('next')}
        extra={extra}
        rules={[{ required: true, message: t('nextRequired') }, ...(minLength ? [{ min: minLength, message: t('tooShort') }] : [])]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={names.repeat}
        label={t('repeat')}
        dependencies={[names.next]}
        rules={[
          { required: true, message: t('repeatRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (value === getFieldValue(names.next) ? Promise.resolve() : Promise.reject(new Error(t('mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
