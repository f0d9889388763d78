import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { EmailLinks } from '../backend/backend.js';
import { consoleText, errorText, type ConsoleLocale } from '../messages.js';

export type EmailLinkPurpose = 'signIn' | 'reset';

interface Props {
  links: EmailLinks;
  purpose: EmailLinkPurpose;
  locale: ConsoleLocale;
  /** The e-mail typed in the password form, carried over. */
  initialEmail?: string;
  onBack(): void;
}

/**
 * 邮箱登录链接 or 忘记密码 (Supabase): one e-mail field; the mail's link comes back to the sign-in
 * page (see `EmailLinks.completeLink`). Says where the mail went, or GoTrue's refusal in words.
 */
export function EmailLinkForm({ links, purpose, locale, initialEmail, onBack }: Props) {
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.signIn.${key}`, params);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const [error, setError] = useState<string>();

  const submit = async ({ email }: { email: string }) => {
    setBusy(true);
    setError(undefined);
    setSentTo(undefined);
    try {
      await (purpose === 'signIn' ? links.sendSignInLink(email) : links.sendPasswordReset(email));
      setSentTo(email.trim());
    } catch (e) {
      setError(t('sendFailed', { message: errorText(locale, e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={purpose === 'signIn' ? 'link-sign-in' : 'password-reset'}>
      <Typography.Paragraph>{t(purpose === 'signIn' ? 'linkIntro' : 'forgotIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      {sentTo && <Alert type="success" showIcon message={t(purpose === 'signIn' ? 'linkSent' : 'resetSent', { email: sentTo })} style={{ marginBottom: 16 }} role="status" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy} initialValues={{ email: initialEmail ?? '' }}>
        <Form.Item name="email" label={t('email')} rules={[{ required: true, whitespace: true, message: t('emailRequired') }]}>
          <Input autoComplete="username" type="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t(purpose === 'signIn' ? 'sendLink' : 'sendReset')}
        </Button>
      </Form>
      <Button type="link" block style={{ marginTop: 8 }} onClick={onBack}>
        {t('backToPassword')}
      </Button>
    </div>
  );
}
