import { theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * The panel of the pages before the console (sign-in, new password): antd's card look from the
 * theme's tokens, without antd's Card, which brings Tabs, Skeleton and their menus into the first
 * page's JavaScript (the sign-in route's budget is 300 kB gzip).
 */
export function AuthPanel({ children, testId }: { children: ReactNode; testId?: string }) {
  const { token } = theme.useToken();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <div
        data-testid={testId}
        style={{ width: 440, maxWidth: '100%', boxSizing: 'border-box', background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, padding: token.paddingLG }}
      >
        {children}
      </div>
    </div>
  );
}
