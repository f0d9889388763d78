import { loadDataset } from '@fazhi/dataset';
import { createRegistry, OrgTree } from '@fazhi/domain';
import { builtInCatalog, Evaluator, type IndicatorComparison } from '@fazhi/metrics';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { notifyingMethods } from '../backend/indicator-cache.js';
import { figureMemory, storedHome, type RememberedHome } from './figure-memory.js';

const seedDir = fileURLToPath(new URL('../../../../seeds/nansha-2024', import.meta.url));

/** The browser's Storage, in memory: what localStorage keeps between visits. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

describe('figureMemory: the home page of the last visit', () => {
  let street: string;
  let comparisons: IndicatorComparison[];
  beforeAll(async () => {
    const dataset = await loadDataset(seedDir, { registry: createRegistry() });
    const orgs = dataset.orgs as OrgTree;
    street = [...orgs.units.values()].find((u) => u.kind === 'street')!.id;
    const evaluator = new Evaluator({ orgs, records: dataset.records, catalog: builtInCatalog, today: () => '2026-12-04' });
    comparisons = evaluator.compareAll(street, { kind: 'year', year: 2024 }).filter((c) => c.current.indicator.id.startsWith('mediation.'));
  }, 60_000);

  const home = (over: Partial<RememberedHome> = {}): RememberedHome => ({ userId: 'u1', orgId: street, year: 2024, orgName: '南沙街道', pluginIds: ['mediation'], comparisons, ...over });

  test('gives back what the page showed, indicators whole, to the same user, unit and year only', () => {
    const storage = memoryStorage();
    const memory = figureMemory(storage, builtInCatalog.indicators);
    expect(comparisons.some((c) => (c.current.value ?? 0) > 0)).toBe(true);
    memory.remember(home());
    expect(memory.recall('u1', street, 2024)).toEqual(home());
    expect(memory.recallFor('u1')).toEqual(home());
    // Kept small: indicators by id, not their whole definitions.
    expect(storage.items.get('fazhi.lastHome')).not.toContain(comparisons[0]!.current.indicator.label);
    expect(memory.recall('u2', street, 2024)).toBeUndefined();
    expect(memory.recallFor('u2')).toBeUndefined();
    expect(memory.recall('u1', 'another-unit', 2024)).toBeUndefined();
    expect(memory.recall('u1', street, 2023)).toBeUndefined();
    // One entry per browser: another user's visit replaces it.
    memory.remember(home({ userId: 'u2' }));
    expect(memory.recallFor('u1')).toBeUndefined();
    memory.forget();
    expect(memory.recallFor('u2')).toBeUndefined();
  });

  test('an entry this build cannot read whole is not shown', () => {
    const storage = memoryStorage();
    figureMemory(storage, builtInCatalog.indicators).remember(home());
    // A build without the mediation indicators (a plugin removed since).
    const other = figureMemory(storage, builtInCatalog.indicators.filter((i) => !i.id.startsWith('mediation.')));
    expect(other.recallFor('u1')).toBeUndefined();
    storage.setItem('fazhi.lastHome', '{not json');
    expect(figureMemory(storage, builtInCatalog.indicators).recallFor('u1')).toBeUndefined();
  });

  test('an entry is current only with the stamp read as the page loaded, once that read is in', async () => {
    const storage = memoryStorage();
    figureMemory(storage, builtInCatalog.indicators).remember(home({ stamp: 't1|2026-12-04|build' }));
    let loaded!: (stamp: string | undefined) => void;
    const memory = figureMemory(storage, builtInCatalog.indicators, new Promise((r) => (loaded = r)));
    const entry = memory.recallFor('u1')!;
    expect(entry.stamp).toBe('t1|2026-12-04|build');
    expect(memory.isCurrent(entry)).toBe(false); // not read yet
    loaded('t1|2026-12-04|build');
    await memory.checked;
    expect(memory.isCurrent(entry)).toBe(true);
    // Stored since, another day, or an entry without a stamp: shown as 正在更新 only.
    for (const stamp of ['t2|2026-12-04|build', 't1|2026-12-05|build', undefined]) {
      const other = figureMemory(storage, builtInCatalog.indicators, Promise.resolve(stamp));
      await other.checked;
      expect(other.isCurrent(entry)).toBe(false);
    }
    const { stamp: _, ...unstamped } = entry;
    expect(memory.isCurrent(unstamped)).toBe(false);
    // Once this page remembered or forgot an entry, the load-time stamp says nothing any more.
    const reused = figureMemory(storage, builtInCatalog.indicators, Promise.resolve('t1|2026-12-04|build'));
    await reused.checked;
    expect(reused.isCurrent(entry)).toBe(true);
    reused.remember(entry);
    expect(reused.isCurrent(entry)).toBe(false);
    const forgetting = figureMemory(storage, builtInCatalog.indicators, Promise.resolve('t1|2026-12-04|build'));
    forgetting.forget();
    await forgetting.checked;
    expect(forgetting.isCurrent(entry)).toBe(false);
    // A load-time read that failed confirms nothing.
    const failed = figureMemory(storage, builtInCatalog.indicators, Promise.reject(new Error('IndexedDB')));
    await failed.checked;
    expect(failed.isCurrent(entry)).toBe(false);
  });

  test("an adopted entry (the demo data's shipped figures) is current in this page, whatever the load-time stamp, until the page remembers or forgets one", async () => {
    const storage = memoryStorage();
    let loaded!: (stamp: string | undefined) => void;
    const memory = figureMemory(storage, builtInCatalog.indicators, new Promise((r) => (loaded = r)));
    memory.adopt({ ...storedHome(home()), stamp: 'shipped|fazhi-demo-x.tar|7|750' });
    const entry = memory.recallFor('u1')!;
    expect(entry).toEqual(home({ stamp: 'shipped|fazhi-demo-x.tar|7|750' }));
    expect(memory.isCurrent(entry)).toBe(true);
    // The load-time read coming in late does not take it back.
    loaded(undefined);
    await memory.checked;
    expect(memory.isCurrent(entry)).toBe(true);
    // A write in this page (it forgets the entry) or the database's own answer (remembered) ends it.
    memory.remember(home({ stamp: 't1|2026-12-04|build' }));
    expect(memory.isCurrent(entry)).toBe(false);
    memory.adopt({ ...storedHome(home()), stamp: 'shipped|fazhi-demo-x.tar|7|750' });
    memory.forget();
    expect(memory.isCurrent(entry)).toBe(false);
    // Not kept as current for the next page: its load-time stamp has to match as any other.
    memory.adopt({ ...storedHome(home()), stamp: 'shipped|fazhi-demo-x.tar|7|750' });
    const next = figureMemory(storage, builtInCatalog.indicators, Promise.resolve('t1|2026-12-04|build'));
    await next.checked;
    expect(next.isCurrent(next.recallFor('u1')!)).toBe(false);
  });

  test('an entry adopted before the database could confirm it stays current once confirmed, and is marked 正在更新 once refuted or unconfirmable', async () => {
    const shipped = { ...storedHome(home()), stamp: 'shipped|fazhi-homes-x.json|7|750' };
    for (const [proof, current] of [
      [() => true, true],
      [() => false, false],
      [
        () => {
          throw new Error('无法下载数据库');
        },
        false,
      ],
    ] as const) {
      const memory = figureMemory(memoryStorage(), builtInCatalog.indicators, Promise.resolve(undefined));
      let settle!: (ok: boolean) => void;
      memory.adopt(shipped, new Promise<boolean>((r) => (settle = r)).then(proof));
      const entry = memory.recallFor('u1')!;
      // Current while the proof is on its way: the figures are the database's as it arrives.
      expect(memory.isCurrent(entry)).toBe(true);
      let checked = false;
      void memory.checked.then(() => (checked = true));
      await new Promise((r) => setTimeout(r, 10));
      expect(checked).toBe(false);
      settle(true);
      await memory.checked;
      expect(memory.isCurrent(entry)).toBe(current);
    }
    // A refutation arriving after the page remembered the database's answer and adopted another
    // file's figures leaves those alone (the same file's, refuted, are not current either).
    const memory = figureMemory(memoryStorage(), builtInCatalog.indicators, Promise.resolve(undefined));
    let refute!: (ok: boolean) => void;
    memory.adopt(shipped, new Promise<boolean>((r) => (refute = r)));
    memory.remember(home({ stamp: 't1|2026-12-04|build' }));
    memory.adopt({ ...shipped, stamp: 'shipped|fazhi-homes-y.json|7|751' });
    refute(false);
    await memory.checked;
    expect(memory.isCurrent(memory.recallFor('u1')!)).toBe(true);
  });

  test('an adopted entry restamped as the stored database is current in this page and the next; a restamp of anything else does nothing', async () => {
    const storage = memoryStorage();
    const memory = figureMemory(storage, builtInCatalog.indicators, Promise.resolve(undefined));
    const shipped = { ...storedHome(home()), stamp: 'shipped|fazhi-homes-x.json|7|750' };
    memory.adopt(shipped);
    memory.restamp('shipped|fazhi-homes-x.json|7|999', 't1|2026-12-07|build');
    expect(memory.recallFor('u1')!.stamp).toBe(shipped.stamp);
    memory.restamp(shipped.stamp, 't1|2026-12-07|build');
    expect(memory.recallFor('u1')).toEqual(home({ stamp: 't1|2026-12-07|build' }));
    expect(memory.isCurrent(memory.recallFor('u1')!)).toBe(true);
    const next = figureMemory(storage, builtInCatalog.indicators, Promise.resolve('t1|2026-12-07|build'));
    await next.checked;
    expect(next.isCurrent(next.recallFor('u1')!)).toBe(true);
    // Once the page has remembered (or forgotten) since, the adoption is over: nothing is restamped.
    memory.adopt(shipped);
    memory.forget();
    memory.remember(home({ stamp: 't2|2026-12-07|build' }));
    memory.restamp(shipped.stamp, 't3|2026-12-07|build');
    expect(memory.recallFor('u1')!.stamp).toBe('t2|2026-12-07|build');
  });
});

describe('notifyingMethods', () => {
  test('every method but the named reads reports a write, once it succeeded', async () => {
    let writes = 0;
    const rows: string[] = [];
    const store = notifyingMethods(
      {
        list: async () => [...rows],
        add: async (row: string) => {
          if (!row) throw new Error('名称不能为空');
          rows.push(row);
          return row;
        },
      },
      ['list'],
      () => writes++,
    );
    expect(await store.list()).toEqual([]);
    expect(writes).toBe(0);
    expect(await store.add('南沙街道')).toBe('南沙街道');
    expect(writes).toBe(1);
    await expect(store.add('')).rejects.toThrow('名称不能为空');
    expect(writes).toBe(1);
    expect(await store.list()).toEqual(['南沙街道']);
  });
});
