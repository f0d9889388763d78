import { App as AntdApp, ConfigProvider, Spin } from 'antd';
// The ES build of the locales: the CommonJS ones (antd/locale/…) reach a bundle as {default}.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { ConsoleComposition } from '@fazhi/plugin-sdk/host';
import type { ConsoleBackend, SignedInSession } from './backend/backend.js';
import { ChangePasswordPage } from './login/change-password-page.js';
import { LoginPage } from './login/login-page.js';
import { errorText, storedLocale, storeLocale, type ConsoleLocale } from './messages.js';
import { useMotionTheme } from './reduced-motion.js';

// Refine, the layout, plugins and their pages: not on the sign-in page's first load, fetched as
// the user starts on the form (focus, a demo account picked) or sends it (or, signed in from an
// earlier visit, as the page starts).
let consoleShell: typeof import('./shell/console-shell.js') | undefined;
const loadConsoleShell = () => import('./shell/console-shell.js').then((m) => (consoleShell = m));
const LazyConsoleShell = lazy(loadConsoleShell);
// A failed fetch is the lazy component's to report, when it asks for the same module.
const preloadConsoleShell = () => void loadConsoleShell().catch(() => undefined);
/**
 * The console, rendered straight from its module once that is in. Through `lazy` it would suspend
 * once even then (a new promise each time), and React throttles the reveal of content after a
 * Suspense fallback to 300 ms after the fallback showed: up to a quarter of a second of nothing to do.
 */
function ConsoleShell(props: ComponentProps<typeof LazyConsoleShell>) {
  const Loaded = consoleShell?.default ?? LazyConsoleShell;
  return <Loaded {...props} />;
}
// 建立本单位, reached from the sign-in page on a browser without a database (embedded only).
const SetupPage = lazy(() => import('./setup/setup-page.js'));
// 设置新密码 after a 忘记密码 link (Supabase only).
const NewPasswordPage = lazy(() => import('./login/new-password-page.js').then((m) => ({ default: m.NewPasswordPage })));

const fullPage = <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;

function RequireSession({ session, children }: { session: SignedInSession | null; children: React.ReactNode }) {
  const location = useLocation();
  if (!session) return <Navigate to={`/login?to=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}

/** What a mailed link's return address leaves in it (query and fragment), cleared once read. */
const linkParams = ['code', 'token_hash', 'type', 'error', 'error_code', 'error_description', 'sb_flow_id'];

/**
 * Puts the address back to what the router expects once a link's return was read: the console's
 * start after a sign-in (the link came back to /login), the sign-in page without the link's
 * parameters after a failure. A code or token is never left in the address or its history.
 */
function leaveLinkAddress(signedIn: boolean): void {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const address = new URL(window.location.href);
  for (const p of linkParams) address.searchParams.delete(p);
  const to = signedIn ? `${base}/` : `${address.pathname}${address.search}`;
  window.history.replaceState(null, '', to);
}

/**
 * The session the address carries when a mailed link opened the console (Supabase), read once per
 * backend: a PKCE code works only once, and React's development mode runs effects twice.
 */
const linkReturns = new WeakMap<ConsoleBackend, Promise<SignedInSession | null>>();
function sessionFromLink(backend: ConsoleBackend): Promise<SignedInSession | null> {
  const links = backend.emailLinks;
  if (!links) return Promise.resolve(null);
  let pending = linkReturns.get(backend);
  if (!pending) {
    pending = links.completeLink(new URL(window.location.href)).then((link) => {
      if (!link) return null;
      leaveLinkAddress(true);
      return link.purpose === 'recovery' ? { ...link.session, settingNewPassword: true } : link.session;
    });
    pending.catch(() => leaveLinkAddress(false));
    linkReturns.set(backend, pending);
  }
  return pending;
}

export function Root({ backend, composition }: { backend: ConsoleBackend; composition: ConsoleComposition }) {
  const [session, setSession] = useState<SignedInSession | null | undefined>(undefined);
  const [locale, setLocale] = useState<ConsoleLocale>(storedLocale);
  const theme = useMotionTheme();
  /** Why the mailed link the console was opened with did not sign in; shown on the sign-in page. */
  const [linkError, setLinkError] = useState<string>();
  useEffect(() => {
    let live = true;
    sessionFromLink(backend)
      .then(
        (linked) => linked ?? backend.restoreSession(),
        (e: unknown) => {
          if (live) setLinkError(errorText(storedLocale(), e));
          return null;
        },
      )
      .then(async (restored) => {
        if (restored) {
          // Signed in from an earlier visit: open the database while the console's code loads,
          // and show the console once that is in (see ConsoleShell; a failed fetch is its to report).
          void backend.warmUp().catch(() => undefined);
          await loadConsoleShell().catch(() => undefined);
        }
        return restored;
      })
      .then(
        (restored) => live && setSession(restored),
        () => live && setSession(null),
      );
    return () => {
      live = false;
    };
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
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
      <AntdApp>
        {session === undefined ? (
          fullPage
        ) : (
          <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
            <Routes>
              <Route
                path="/login"
                element={<LoginPage backend={backend} locale={locale} onLocaleChange={changeLocale} onSignedIn={setSession} onSigningIn={preloadConsoleShell} {...(linkError ? { linkError } : {})} />}
              />
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
                    {/* Signed in by a 忘记密码 link: the new password first. */}
                    {session?.settingNewPassword && backend.emailLinks ? (
                      <Suspense fallback={fullPage}>
                        <NewPasswordPage backend={backend} links={backend.emailLinks} session={session} locale={locale} onDone={setSession} onSignedOut={() => setSession(null)} />
                      </Suspense>
                    ) : session?.mustChangePassword ? (
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
