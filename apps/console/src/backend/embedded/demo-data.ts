import type { SqlExecutor } from '@fazhi/db/browser';
import { demoAccounts } from '@fazhi/db/demo-accounts';

/**
 * Whether the database holds the demo data: its demo accounts exist (the demo build creates them;
 * a real street's data never has them). Only then does the console offer 重置演示数据.
 */
export async function holdsDemoData(db: SqlExecutor): Promise<boolean> {
  const { rows } = await db.query<{ demo: boolean }>(`select exists (select 1 from auth.users where email = any ($1::text[])) as demo`, [demoAccounts.map((a) => a.email)]);
  return rows[0]?.demo === true;
}
