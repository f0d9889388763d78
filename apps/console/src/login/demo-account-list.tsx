import { Button, theme, Typography } from 'antd';
import type { DemoLogin } from '../backend/backend.js';

interface Props {
  title: string;
  footer: string;
  accounts: readonly DemoLogin[];
  onPick(account: DemoLogin): void;
}

/**
 * The demo accounts under the sign-in form; one click fills the form. A plain list in antd's small
 * List look: antd's List brings Pagination, and with it Select, into the sign-in route's JavaScript.
 */
export function DemoAccountList({ title, footer, accounts, onPick }: Props) {
  const { token } = theme.useToken();
  const rule = `1px solid ${token.colorSplit}`;
  return (
    <div style={{ marginTop: 24 }}>
      <div style={{ padding: '8px 0', borderBottom: rule }}>
        <Typography.Text strong>{title}</Typography.Text>
      </div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {accounts.map((a) => (
          <li key={a.email} style={{ padding: '8px 0', borderBottom: rule }}>
            <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onPick(a)}>
              <span data-record="">{a.displayName}</span>
              <br />
              <Typography.Text type="secondary">{a.email}</Typography.Text>
            </Button>
          </li>
        ))}
      </ul>
      <div style={{ padding: '8px 0' }}>
        <Typography.Text type="secondary">{footer}</Typography.Text>
      </div>
    </div>
  );
}
