import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { documentTitle } from '@fazhi/plugin-sdk';
import type { ConsoleBackend, SignedInSession } from '../backend/backend.js';
import { consoleText, type ConsoleLocale } from '../messages.js';

interface Props {
  backend: ConsoleBackend;
  session: SignedInSession;
  locale: ConsoleLocale;
  onChanged(session: SignedInSession): void;
  onSignedOut(): void;
}

interface Fields {
  current: string;
  next: string;
  repeat: string;
}

/**
 * The first sign-in of a local account: its initial password (set by the admin) is replaced
 * before the console opens. The database checks the current password and the rule for the new one;
 * its Chinese refusal is shown as it is.
 */
export function ChangePasswordPage({ backend, session, locale, onChanged, onSignedOut }: Props) {
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.password.${key}`, params);
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    document.title = documentTitle({ page: t('title') }, consoleText(locale, 'console.title'));
  });

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
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 440 }} data-testid="change-password">
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('why', { email: session.email })}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item name="current" label={t('current')} rules={[{ required: true, message: t('currentRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="next" label={t('next')} extra={t('rule')} rules={[{ required: true, message: t('nextRequired') }]}>
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
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('submit')}
          </Button>
        </Form>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void backend.signOut().then(onSignedOut)}>
          {consoleText(locale, 'console.signOut')}
        </Button>
      </Card>
    </div>
  );
}
