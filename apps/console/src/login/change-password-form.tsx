import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { ConsoleBackend, SignedInSession } from '../backend/backend.js';
import { consoleText, type ConsoleLocale } from '../messages.js';
import { NewPasswordFields } from './new-password-fields.js';

interface Fields {
  current: string;
  next: string;
  repeat: string;
}

interface Props {
  backend: ConsoleBackend;
  session: SignedInSession;
  locale: ConsoleLocale;
  submitLabel: string;
  /** The first sign-in: the current password is the initial one the admin set. */
  initial?: boolean;
  onChanged(session: SignedInSession): void;
}

/**
 * Current password, new password twice. The database checks the current one and the rule for the
 * new one (public.change_own_password); its Chinese refusal is shown as it is.
 */
export function ChangePasswordForm({ backend, session, locale, submitLabel, initial = false, onChanged }: Props) {
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.password.${key}`, params);
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async ({ current, next }: Fields) => {
    if (!backend.changeOwnPassword) return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await backend.changeOwnPassword(session, current, next));
    } catch (e) {
      setError(t('failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item name="current" label={t(initial ? 'currentInitial' : 'current')} rules={[{ required: true, message: t('currentRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields t={t} extra={t('rule')} />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
