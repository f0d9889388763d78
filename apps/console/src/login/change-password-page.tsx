import { Button, Typography } from 'antd';
import { useEffect } from 'react';
import { documentTitle } from '@fazhi/plugin-sdk';
import type { ConsoleBackend, SignedInSession } from '../backend/backend.js';
import { consoleText, type ConsoleLocale } from '../messages.js';
import { AuthPanel } from './auth-panel.js';
import { ChangePasswordForm } from './change-password-form.js';

interface Props {
  backend: ConsoleBackend;
  session: SignedInSession;
  locale: ConsoleLocale;
  onChanged(session: SignedInSession): void;
  onSignedOut(): void;
}

/** The first sign-in of a local account: its initial password (set by the admin) is replaced before the console opens. */
export function ChangePasswordPage({ backend, session, locale, onChanged, onSignedOut }: Props) {
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.password.${key}`, params);
  useEffect(() => {
    document.title = documentTitle({ page: t('title') }, consoleText(locale, 'console.title'));
  });

  return (
    <AuthPanel testId="change-password">
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('why', { email: session.email })}</Typography.Paragraph>
      <ChangePasswordForm backend={backend} session={session} locale={locale} submitLabel={t('submit')} initial onChanged={onChanged} />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void backend.signOut().then(onSignedOut)}>
        {consoleText(locale, 'console.signOut')}
      </Button>
    </AuthPanel>
  );
}
