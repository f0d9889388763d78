import type { SqlExecutor } from '@fazhi/db/browser';
import type { SignedInSession } from '../backend.js';
import type { StoredHome } from '../../home/figure-memory.js';

/**
 * The demo data's own home figures, computed when the demo snapshot is built (scripts/shipped-homes.ts)
 * for each demo account as the console would open for it (its unit, the demo year, its cards in
 * their order), so that a first visit can show them as soon as the sign-in is checked instead of
 * after the database's first, slow computation of them. They are the database's figures only while
 * the database is that data unchanged, which `currentShippedHomes` proves before they are fetched.
 * The manifest names the file (`demo/fazhi-homes-<key>.json`, about 0.6 MB, 5 kB as brotli).
 *
 * On a first visit the database they describe is the one on its way (`firstVisitAccount`): a demo
 * account's sign-in is then answered from the file at once, its figures shown while the snapshot
 * arrives, and the database proves both as soon as it opens.
 */
export interface ShippedHomes {
  /** The file under `demo/` holding the accounts and their homes (`ShippedAccount[]`). */
  file: string;
  /** The snapshot's cluster as it starts in the browser (`databaseIdentity`). */
  identity: string;
  /** The day (Asia/Shanghai) they were computed: a year's figures count up to the day while it runs. */
  computedOn: string;
}

/** One demo account as the build signed it in with the demo password, and its home page then. */
export interface ShippedAccount {
  session: SignedInSession;
  home: StoredHome;
}

/** What shipped figures are stamped with: the file and the cluster state they hold for. */
const shippedStamp = (shipped: ShippedHomes) => `shipped|${shipped.file}|${shipped.identity}`;

/**
 * Which cluster this is, and how far its writes have come: the system identifier initdb gave it
 * and the next transaction id it would assign. Every write takes a transaction id; reads take
 * none (PostgreSQL may still prune pages as it reads, which moves the WAL but changes no row). So
 * two equal readings of the same cluster mean no row was written between them.
 */
export async function databaseIdentity(db: SqlExecutor): Promise<string> {
  const { rows } = await db.query<{ system: string; next: string }>(
    `select (select system_identifier::text from pg_control_system()) as system, pg_snapshot_xmax(pg_current_snapshot())::text as next`,
  );
  return `${rows[0]!.system}:${rows[0]!.next}`;
}

/**
 * Figures of `year` (compared with the year before) computed on `computedOn` are the same on
 * `today` when both years were over on both days, or on the same day.
 */
export const sameFiguresOn = (year: number, computedOn: string, today: string) => computedOn === today || (year < Number(computedOn.slice(0, 4)) && year < Number(today.slice(0, 4)));

/**
 * The shipped homes as current figures (stamped with the snapshot and identity), by user, when the
 * database reads as the snapshot did when they were computed (only then is the file fetched, by
 * `load`); none on a day they no longer hold.
 */
export async function currentShippedHomes(
  db: SqlExecutor,
  shipped: ShippedHomes | undefined,
  today: string,
  load: (file: string) => Promise<ShippedAccount[]>,
): Promise<(userId: string) => (StoredHome & { stamp: string }) | undefined> {
  const none = () => undefined;
  if (!shipped || (await databaseIdentity(db)) !== shipped.identity) return none;
  const accounts = await load(shipped.file);
  return (userId) => {
    const home = accounts.find((a) => a.home.userId === userId)?.home;
    return home && sameFiguresOn(home.year, shipped.computedOn, today) ? { ...home, stamp: shippedStamp(shipped) } : undefined;
  };
}

/**
 * A first visit's sign-in answered from the shipped file, before the database has arrived: the
 * account and its home when `email` is a shipped demo account and `password` the one the build
 * signed it in with (the manifest's), on a day its figures hold. The database it was computed on
 * is the snapshot this visit is loading; the caller has the database confirm it once open.
 */
export function firstVisitAccount(
  accounts: readonly ShippedAccount[],
  shipped: ShippedHomes,
  demoPassword: string,
  today: string,
  email: string,
  password: string,
): { session: SignedInSession; home: StoredHome & { stamp: string } } | undefined {
  if (password !== demoPassword) return undefined;
  // As the database compares them (local-accounts.ts: lower(email) = lower(trim($1))).
  const wanted = email.trim().toLowerCase();
  const found = accounts.find((a) => a.session.email.toLowerCase() === wanted);
  if (!found || !sameFiguresOn(found.home.year, shipped.computedOn, today)) return undefined;
  return { session: found.session, home: { ...found.home, stamp: shippedStamp(shipped) } };
}
