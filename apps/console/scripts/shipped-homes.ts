import { checkPassword, demoAccounts, demoPassword, openPglite, queriesAs, sqlEvaluator } from '@fazhi/db';
import { todayInShanghai } from '@fazhi/domain';
import { readConsoleUser, type ConsoleComposition } from '@fazhi/plugin-sdk/host';
import { cachingIndicatorSource } from '../src/backend/indicator-cache.js';
import { databaseIdentity, type ShippedAccount } from '../src/backend/embedded/shipped-homes.js';
import { storedHome } from '../src/home/figure-memory.js';
import { homeLayout } from '../src/home/home-layout.js';
import { initialScope } from '../src/shell/scope.js';

/**
 * Each demo account as it signs in with the demo password (its session), and its home page as a first visit opens it (its unit, `year`, its cards in its
 * order), computed as the console computes it (the same indicator source, as the user under
 * row-level security) on the snapshot `tar` started as the browser starts it. Its identity is read
 * before and after: the figures' queries must have written nothing.
 */
export async function computeShippedHomes(tar: Uint8Array<ArrayBuffer>, composition: ConsoleComposition, year: number): Promise<{ identity: string; computedOn: string; accounts: ShippedAccount[] }> {
  const db = await openPglite({ loadDataDir: new Blob([tar]) });
  try {
    const identity = await databaseIdentity(db);
    const computedOn = todayInShanghai();
    const accounts: ShippedAccount[] = [];
    for (const account of demoAccounts) {
      const session = await checkPassword(db, account.email, demoPassword);
      if (!session) throw new Error(`演示账号 ${account.email} 无法用演示密码登录`);
      const user = await readConsoleUser((reads) => queriesAs(db, session, reads), session.userId, session.displayName);
      const orgId = initialScope(user, null);
      const org = user.orgs.find((o) => o.id === orgId);
      if (!orgId || !org) continue;
      const { ordered, ids } = homeLayout(composition.plugins, user, orgId);
      if (!ids.length) continue;
      const indicators = cachingIndicatorSource(sqlEvaluator(db, { asUser: session.userId, catalog: composition.model.catalog, today: () => computedOn }));
      const comparisons = await indicators.compare(ids, orgId, { kind: 'year', year });
      accounts.push({ session, home: storedHome({ userId: session.userId, orgId, year, orgName: org.name, pluginIds: ordered.map((p) => p.id), comparisons }) });
    }
    const after = await databaseIdentity(db);
    if (after !== identity) throw new Error(`计算演示账号首页指标时数据库有写入（${identity} → ${after}）`);
    return { identity, computedOn, accounts };
  } finally {
    await db.close();
  }
}
