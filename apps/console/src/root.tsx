import { App as AntdApp, ConfigProvider, Spin } from 'antd';
// The ES build of the locales: the CommonJS ones (antd/locale/…) reach a bundle as {default}.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { ConsoleComposition } from '@fazhi/plugin-sdk/host';
import type { ConsoleBackend, SignedInSession } from './backend/backend.js';
import { ChangePasswordPage } from './login/change-password-page.js';
import { LoginPage } from './login/login-page.js';
import { storedLocale, storeLocale, type ConsoleLocale } from './messages.js';

// Refine, the layout, plugins and their pages load only after sign-in.
const ConsoleShell = lazy(() => import('./shell/console-shell.js'));
// 建立本单位, reached from the sign-in page on a browser without a database (embedded only).
const SetupPage = lazy(() => import('./setup/setup-page.js'));

const fullPage = <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;

function RequireSession({ session, children }: { session: SignedInSession | null; children: React.ReactNode }) {
  const location = useLocation();
  if (!session) return <Navigate to={`/login?to=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}

export function Root({ backend, composition }: { backend: ConsoleBackend; composition: ConsoleComposition }) {
  const [session, setSession] = useState<SignedInSession | null | undefined>(undefined);
  const [locale, setLocale] = useState<ConsoleLocale>(storedLocale);
  useEffect(() => {
    backend.restoreSession().then(
      (restored) => {
        // Signed in from an earlier visit: open the database while the console's code loads.
        if (restored) void backend.warmUp().catch(() => undefined);
        setSession(restored);
      },
      () => setSession(null),
    );
  }, [backend]);
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
  }, [locale]);
  const changeLocale = (l: ConsoleLocale) => {
    storeLocale(l);
    setLocale(l);
  };

  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <AntdApp>
        {session === undefined ? (
          fullPage
        ) : (
          <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
            <Routes>
              <Route path="/login" element={<LoginPage backend={backend} locale={locale} onLocaleChange={changeLocale} onSignedIn={setSession} />} />
              {backend.firstRun && (
                <Route
                  path="/setup"
                  element={
                    <Suspense fallback={fullPage}>
                      <SetupPage backend={backend} locale={locale} />
                    </Suspense>
                  }
                />
              )}
              <Route
                path="*"
                element={
                  <RequireSession session={session}>
                    {/* A local account's first sign-in: a new password before anything else. */}
                    {session?.mustChangePassword ? (
                      <ChangePasswordPage backend={backend} session={session} locale={locale} onChanged={setSession} onSignedOut={() => setSession(null)} />
                    ) : (
                      <Suspense fallback={fullPage}>
                        {session && (
                          <ConsoleShell
                            key={session.userId}
                            backend={backend}
                            composition={composition}
                            session={session}
                            locale={locale}
                            onLocaleChange={changeLocale}
                            onSignedOut={() => setSession(null)}
                          />
                        )}
                      </Suspense>
                    )}
                  </RequireSession>
                }
              />
            </Routes>
          </BrowserRouter>
        )}
      </AntdApp>
    </ConfigProvider>
  );
}
