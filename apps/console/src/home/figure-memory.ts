import type { Indicator, IndicatorComparison, IndicatorResult } from '@fazhi/metrics';

/**
 * What the home page last showed, kept in this browser so that the next visit can show it at
 * once while the database opens (a second or more in the wasm): as current when its stamp shows
 * the database unchanged since (`isCurrent`), else marked 正在更新. One entry per
 * browser, for one user, unit and year: it is shown to that user only, for that unit and year
 * only, and it is forgotten on every write through the console, on sign-out, when the database
 * is replaced, and when the user turns out to no longer read the unit.
 */
export interface RememberedHome {
  userId: string;
  orgId: string;
  year: number;
  /** The unit's name as the title showed it. */
  orgName: string;
  /** The plugins in the order the page showed them (the user's own areas first). */
  pluginIds: string[];
  comparisons: IndicatorComparison[];
  /**
   * What the database was when the figures were computed (the embedded backend's figure stamp:
   * its stored state, the day, the build). Undefined: unknown, the figures are only shown as 正在更新.
   */
  stamp?: string;
}

export interface FigureMemory {
  remember(home: RememberedHome): void;
  /** The entry for this user, unit and year, or undefined. */
  recall(userId: string, orgId: string, year: number): RememberedHome | undefined;
  /** The entry for this user, whatever its unit and year (the preview's choice of scope). */
  recallFor(userId: string): RememberedHome | undefined;
  forget(): void;
  /**
   * Whether an entry's figures are still the database's: its stamp is the one read as the page
   * loaded, before this visit's database did anything. False until that read is in (`checked`),
   * and for good once this page has remembered or forgotten an entry: by then the database may
   * have changed (a write here, or in another tab whose stale figures were remembered since).
   */
  isCurrent(home: RememberedHome): boolean;
  /**
   * Keeps `home` as the database's figures as it stands now, known so by other means than a stamp
   * (the demo data's own figures, computed when it was built, for a database that is that data
   * unchanged: see backend/embedded/shipped-homes.ts): current for this page until it remembers or
   * forgets an entry, as figures whose stamp matched are. With `proven`, they are so while the
   * database is still to confirm it (a first visit's, on its way): if `proven` settles false (or
   * fails), they are current no longer, marked 正在更新 until the database's own answer.
   */
  adopt(home: StoredHome & { stamp: string }, proven?: Promise<boolean>): void;
  /**
   * The adopted entry stamped `from`, still current here, is stamped `to` instead: the same figures
   * known to be those of the database stored since (see embedded-backend.ts), so that the next
   * visit finds them current too. Nothing when the entry or its standing has changed meanwhile.
   */
  restamp(from: string, to: string): void;
  /** Settles once the page's load-time stamp is read (at once without one), and an adoption's proof is in. */
  readonly checked: Promise<void>;
}

const key = 'fazhi.lastHome';

/** A remembered home as kept (and as the demo build ships it): each indicator by its id only, the catalog of the running build gives it back whole. */
export type StoredHome = Omit<RememberedHome, 'comparisons'> & { comparisons: StoredComparison[] };
type StoredResult = Omit<IndicatorResult, 'indicator'> & { indicator: string };
type StoredComparison = Omit<IndicatorComparison, 'current' | 'previous'> & { current: StoredResult; previous: StoredResult | null };

const slim = ({ indicator, ...rest }: IndicatorResult): StoredResult => ({ ...rest, indicator: indicator.id });

/** `home` as it is kept. */
export const storedHome = (home: RememberedHome): StoredHome => ({ ...home, comparisons: home.comparisons.map((c) => ({ ...c, current: slim(c.current), previous: c.previous && slim(c.previous) })) });

export function figureMemory(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  catalog: readonly Indicator[],
  stampAtLoad: Promise<string | undefined> = Promise.resolve(undefined),
): FigureMemory {
  let loadStamp: string | undefined;
  /** The load-time stamp no longer says anything (see `isCurrent`). */
  let expired = false;
  /** An entry adopted as current (`adopt`): its stamp stands in for the load-time one, read late or not. */
  let adopted = false;
  let checked = stampAtLoad.then(
    (s) => void (loadStamp = adopted ? loadStamp : expired ? undefined : s),
    () => undefined,
  );
  const expire = () => {
    expired = true;
    loadStamp = undefined;
  };
  const byId = new Map(catalog.map((i) => [i.id, i]));
  const whole = ({ indicator, ...rest }: StoredResult): IndicatorResult | undefined => {
    const i = byId.get(indicator);
    return i && { ...rest, indicator: i };
  };
  const read = (): RememberedHome | undefined => {
    let stored: StoredHome | null;
    try {
      stored = JSON.parse(storage.getItem(key) ?? 'null') as StoredHome | null;
    } catch {
      return undefined;
    }
    if (!stored || typeof stored.userId !== 'string' || !Array.isArray(stored.comparisons)) return undefined;
    const comparisons: IndicatorComparison[] = [];
    for (const c of stored.comparisons) {
      const current = whole(c.current);
      const previous = c.previous && whole(c.previous);
      // An indicator this build no longer has: the entry is from another build, not worth showing.
      if (!current || previous === undefined) return undefined;
      comparisons.push({ ...c, current, previous });
    }
    return { ...stored, comparisons };
  };
  const write = (stored: StoredHome) => {
    try {
      storage.setItem(key, JSON.stringify(stored));
    } catch {
      // A full storage only costs the next visit its instant figures.
      storage.removeItem(key);
    }
  };
  return {
    remember(home) {
      expire();
      write(storedHome(home));
    },
    adopt(home, proven) {
      write(home);
      expired = false;
      adopted = true;
      loadStamp = home.stamp;
      if (proven) {
        const refuted = proven.then((ok) => !ok, () => true);
        // Refuted: no longer current, unless this page has meanwhile remembered or adopted another.
        checked = Promise.all([checked, refuted]).then(([, no]) => void (no && loadStamp === home.stamp && expire()));
      }
    },
    restamp(from, to) {
      const home = read();
      if (!home || home.stamp !== from || loadStamp !== from) return;
      write(storedHome({ ...home, stamp: to }));
      loadStamp = to;
    },
    recall(userId, orgId, year) {
      const home = read();
      return home && home.userId === userId && home.orgId === orgId && home.year === year ? home : undefined;
    },
    recallFor(userId) {
      const home = read();
      return home?.userId === userId ? home : undefined;
    },
    forget() {
      expire();
      storage.removeItem(key);
    },
    isCurrent(home) {
      return home.stamp !== undefined && home.stamp === loadStamp;
    },
    get checked() {
      return checked;
    },
  };
}
