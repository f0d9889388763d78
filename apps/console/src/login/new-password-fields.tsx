import { Form, Input } from 'antd';
import type { ReactNode } from 'react';

/**
 * The new password, asked twice, inside a form whose fields are `next` and `repeat`: used by
 * 修改密码 (with the current password before it) and by 设置新密码 after a reset link. Each page passes
 * its own messages (`next`, `nextRequired`, `repeat`, `repeatRequired`, `mismatch`).
 */
export function NewPasswordFields({ t, extra }: { t: (key: string) => string; extra?: ReactNode }) {
  return (
    <>
      <Form.Item name="next" label={t('next')} extra={extra} rules={[{ required: true, message: t('nextRequired') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={t('repeat')}
        dependencies={['next']}
        rules={[
          { required: true, message: t('repeatRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
