import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ConsoleBackend, SignedInSession } from '../backend/backend.js';
import { consoleText, errorText, type ConsoleLocale } from '../messages.js';
import { documentTitle } from '@fazhi/plugin-sdk';
import { AuthPanel } from './auth-panel.js';
import { DatabaseProgressBar } from './database-progress.js';
import { DemoAccountList } from './demo-account-list.js';
import type { EmailLinkPurpose } from './email-link-form.js';

// Supabase only: the embedded default's sign-in route does not download it.
const EmailLinkForm = lazy(() => import('./email-link-form.js').then((m) => ({ default: m.EmailLinkForm })));

interface Props {
  backend: ConsoleBackend;
  locale: ConsoleLocale;
  onLocaleChange(locale: ConsoleLocale): void;
  onSignedIn(session: SignedInSession): void;
  /** A sign-in is on its way (the form focused, or sent): what it leads to (the console's code) may start loading now. */
  onSigningIn?(): void;
  /** Why the mailed link the console was opened with did not sign in (expired, used, another browser). */
  linkError?: string;
}

/** Kept light on purpose: the first page of a visit loads antd's form only, not Refine or the database client. */
export function LoginPage({ backend, locale, onLocaleChange, onSignedIn, onSigningIn, linkError }: Props) {
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.${key}`, params);
  const [form] = Form.useForm<{ email: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message, modal } = App.useApp();
  /** Why the local database did not open; the page then offers to rebuild it. */
  const [openError, setOpenError] = useState<string>();
  const [rebuilding, setRebuilding] = useState(false);
  /** Supabase: the password form, or 邮箱登录链接 / 忘记密码 in its place. */
  const [linkForm, setLinkForm] = useState<{ purpose: EmailLinkPurpose; email?: string }>();
  const openLinkForm = (purpose: EmailLinkPurpose) => setLinkForm({ purpose, email: form.getFieldValue('email') as string | undefined });
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    document.title = documentTitle({ page: t('signIn.title') }, t('title'));
  });
  /** A browser without a database yet: it chooses 使用演示数据 or 建立本单位 (undefined while asking). */
  const [firstRun, setFirstRun] = useState<boolean>();
  /** The demo accounts are offered only while the database holds the demo data (or will: the first run). */
  const [demoHeld, setDemoHeld] = useState(!backend.localDatabase);
  const [preparingDemo, setPreparingDemo] = useState(false);

  const warmUp = (live: () => boolean) =>
    backend.warmUp().then(
      async () => {
        if (live()) setOpenError(undefined);
        const held = backend.localDatabase ? await backend.localDatabase.holdsDemoData().catch(() => false) : true;
        if (live()) setDemoHeld(held);
      },
      (e: unknown) => live() && backend.localDatabase && setOpenError(e instanceof Error ? e.message : String(e)),
    );
  useEffect(() => {
    let live = true;
    // The first visit opens nothing until the choice is made (signing in with a demo account is one).
    void (backend.firstRun?.needed() ?? Promise.resolve(false)).then((needed) => {
      if (!live) return;
      setFirstRun(needed);
      // A first visit's worker was started by main.tsx, which asks the same at page load.
      if (!needed) void warmUp(() => live);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per backend
  }, [backend]);
  const useDemo = () => {
    setPreparingDemo(true);
    void warmUp(() => true).finally(() => {
      setPreparingDemo(false);
      setFirstRun(false);
    });
  };
  const notice = params.get('reset') === '1' ? 'resetDone' : params.get('restored') === '1' ? 'restoreDone' : params.get('setup') === '1' ? 'setup.done' : undefined;
  useEffect(() => {
    if (notice) void message.success(consoleText(locale, `console.${notice}`));
  }, [notice, message, locale]);

  /**
   * Discards the database that does not open, after offering its raw files for download; then the
   * first-run choice, never the demo data in its place (it may have been a street's own database).
   */
  const rebuild = async () => {
    setRebuilding(true);
    const raw = await backend.localDatabase!.storedFiles().catch(() => null);
    setRebuilding(false);
    modal.confirm({
      title: t('rebuild'),
      content: (
        <>
          <Typography.Paragraph>{t('rebuildConfirm')}</Typography.Paragraph>
          {raw ? (
            <a data-testid="stored-files" href={URL.createObjectURL(raw.file)} download={raw.fileName}>
              {t('storedFiles', { file: raw.fileName })}
            </a>
          ) : (
            <Typography.Text type="secondary">{t('noStoredFiles')}</Typography.Text>
          )}
        </>
      ),
      okButtonProps: { danger: true },
      onOk: async () => {
        setRebuilding(true);
        try {
          await backend.localDatabase!.discard();
          setOpenError(undefined);
          setError(undefined);
          setDemoHeld(false);
          setFirstRun(true);
          void message.success(t('rebuildDone'));
        } catch (e) {
          setOpenError(e instanceof Error ? e.message : String(e));
        } finally {
          setRebuilding(false);
        }
      },
    });
  };
  /** 从备份恢复 as the first run: the backup becomes this browser's database. */
  const restoreFirst = async (file: File) => {
    setRestoring(true);
    setError(undefined);
    try {
      await backend.localDatabase!.restore(file);
      setFirstRun(false);
      void message.success(t('restoreDone'));
      void warmUp(() => true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRestoring(false);
    }
  };

  /** A first visit's sign-in can only be with a demo account: its data starts loading as the user starts on the form. */
  const expectDemo = () => {
    if (firstRun) backend.firstRun?.expectDemo();
  };
  const startingSignIn = () => {
    onSigningIn?.();
    expectDemo();
  };
  const submit = async ({ email, password }: { email: string; password: string }) => {
    onSigningIn?.();
    setBusy(true);
    setError(undefined);
    try {
      const session = await backend.signIn(email, password);
      // For the benchmark's breakdown of a visit.
      performance.mark('fazhi:signed-in');
      onSignedIn(session);
      const to = params.get('to');
      navigate(to && to.startsWith('/') && !to.startsWith('//') ? to : '/', { replace: true });
    } catch (e) {
      setError(t('signIn.failed', { message: errorText(locale, e) }));
      // The database itself failed to open (not the password): offer to rebuild it.
      if (backend.localDatabase && e instanceof Error && e.name === 'BrokenDatabaseError') setOpenError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthPanel>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('title')}
        </Typography.Title>
        <Button type="link" size="small" lang={locale === 'en' ? 'zh-CN' : 'en'} onClick={() => onLocaleChange(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('language')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">
        {t('subtitle')} · {backend.kind === 'embedded' ? t(demoHeld || firstRun ? 'signIn.embedded' : 'signIn.embeddedOwn') : backend.description}
      </Typography.Paragraph>
      {linkError && !linkForm && <Alert type="error" showIcon message={t('signIn.linkFailed', { message: linkError })} style={{ marginBottom: 16 }} role="alert" data-testid="link-failed" />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      {openError && (
        <Alert
          type="warning"
          showIcon
          data-testid="local-open-failed"
          message={t('localOpenFailed', { message: openError })}
          action={
            <Button danger size="small" loading={rebuilding} onClick={() => void rebuild()}>
              {t('rebuild')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {firstRun && (
        <Alert
          type="info"
          data-testid="first-run"
          message={t('firstRun.title')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>{t('firstRun.intro')}</Typography.Paragraph>
              <div style={{ display: 'flex', gap: 8 }}>
                <Button onClick={useDemo} loading={preparingDemo} disabled={restoring}>
                  {t('firstRun.demo')}
                </Button>
                <Button type="primary" onClick={() => navigate('/setup')} disabled={preparingDemo || restoring}>
                  {t('firstRun.own')}
                </Button>
                {backend.localDatabase && (
                  <Button loading={restoring} disabled={preparingDemo} onClick={() => document.getElementById('first-run-restore-file')?.click()}>
                    {t('firstRun.restore')}
                  </Button>
                )}
                <input
                  id="first-run-restore-file"
                  data-testid="first-run-restore-file"
                  type="file"
                  accept=".fazhi-backup"
                  hidden
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) void restoreFirst(file);
                  }}
                />
              </div>
            </>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {/* The database downloads while the user types: the form stays usable, this says how far it is. */}
      {backend.progress && !openError && <DatabaseProgressBar feed={backend.progress} locale={locale} />}
      {backend.emailLinks && linkForm ? (
        <Suspense fallback={null}>
          <EmailLinkForm links={backend.emailLinks} purpose={linkForm.purpose} locale={locale} {...(linkForm.email ? { initialEmail: linkForm.email } : {})} onBack={() => setLinkForm(undefined)} />
        </Suspense>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy} onFocus={startingSignIn}>
          <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, message: t('signIn.emailRequired') }]}>
            <Input autoComplete="username" type="email" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn.submit')}
          </Button>
          {backend.emailLinks && (
            <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
              <Button type="link" style={{ padding: 0 }} onClick={() => openLinkForm('signIn')}>
                {t('signIn.byLink')}
              </Button>
              <Button type="link" style={{ padding: 0 }} onClick={() => openLinkForm('reset')}>
                {t('signIn.forgot')}
              </Button>
            </div>
          )}
        </Form>
      )}
      {backend.demoLogins.length > 0 && (demoHeld || firstRun) && (
        <DemoAccountList
          title={t('signIn.demoTitle')}
          footer={t('signIn.demoPassword', { password: backend.demoLogins[0]!.password })}
          accounts={backend.demoLogins}
          onPick={(a) => {
            startingSignIn();
            form.setFieldsValue({ email: a.email, password: a.password });
          }}
        />
      )}
    </AuthPanel>
  );
}
