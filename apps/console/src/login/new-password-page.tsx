import { Alert, App, Button, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { documentTitle } from '@fazhi/plugin-sdk';
import type { ConsoleBackend, EmailLinks, SignedInSession } from '../backend/backend.js';
import { consoleText, errorText, type ConsoleLocale } from '../messages.js';
import { AuthPanel } from './auth-panel.js';
import { NewPasswordFields } from './new-password-fields.js';

interface Props {
  backend: ConsoleBackend;
  links: EmailLinks;
  session: SignedInSession;
  locale: ConsoleLocale;
  onDone(session: SignedInSession): void;
  onSignedOut(): void;
}

interface Fields {
  next: string;
  repeat: string;
}

/**
 * 设置新密码 after a 忘记密码 link (Supabase): the link signed the user in, so only the new password
 * is asked, twice. Supabase Auth checks it (length, not the old one) and says why in its code.
 */
export function NewPasswordPage({ backend, links, session, locale, onDone, onSignedOut }: Props) {
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.newPassword.${key}`, params);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  useEffect(() => {
    document.title = documentTitle({ page: t('title') }, consoleText(locale, 'console.title'));
  });

  const submit = async ({ next }: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      await links.setNewPassword(next);
      void message.success(t('done'));
      onDone({ ...session, settingNewPassword: false });
    } catch (e) {
      setError(t('failed', { message: errorText(locale, e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthPanel testId="new-password">
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('why', { email: session.email })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Fields> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <NewPasswordFields t={t} />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('submit')}
        </Button>
      </Form>
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void backend.signOut().then(onSignedOut)}>
        {consoleText(locale, 'console.signOut')}
      </Button>
    </AuthPanel>
  );
}
