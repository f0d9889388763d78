// @vitest-environment jsdom
import { installDomShims } from '@fazhi/plugin-sdk/testing';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseProgress, ProgressFeed } from '../backend/backend.js';
import { DatabaseProgressBar } from './database-progress.js';

beforeAll(() => installDomShims());
afterEach(cleanup);

/** A feed the test moves along, as the embedded backend does with the worker's messages. */
function feed() {
  let latest: DatabaseProgress | undefined;
  const listeners = new Set<() => void>();
  const f: ProgressFeed & { set(p: DatabaseProgress): void } = {
    current: () => latest,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    set: (p) => act(() => ((latest = p), listeners.forEach((l) => l()))),
  };
  return f;
}

const shown = () => screen.queryByTestId('db-progress')?.textContent ?? null;

describe('the database progress bar', () => {
  test('a first visit counts the download in megabytes, then names the three steps, and goes once ready', () => {
    const f = feed();
    render(<DatabaseProgressBar feed={f} locale="zh-CN" />);
    expect(shown()).toBeNull();
    f.set({ step: 'download', loaded: 3 * 1048576, total: 12 * 1048576 });
    expect(shown()).toMatch(/^第 1 步，共 3 步：下载数据库 3\.0 \/ 12\.0 MB/);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    f.set({ step: 'start', fresh: true });
    expect(shown()).toMatch(/^第 2 步，共 3 步：启动数据库并保存到本浏览器/);
    f.set({ step: 'upgrade', fresh: true });
    expect(shown()).toMatch(/^第 3 步，共 3 步：检查数据库结构/);
    f.set({ step: 'ready' });
    expect(shown()).toBeNull();
  });

  test('a later visit has two steps and no download; English says the same', () => {
    const f = feed();
    render(<DatabaseProgressBar feed={f} locale="en" />);
    f.set({ step: 'start', fresh: false });
    expect(shown()).toMatch(/^Step 1 of 2: opening the database in this browser/);
    f.set({ step: 'upgrade', fresh: false });
    expect(shown()).toMatch(/^Step 2 of 2: checking the database structure/);
  });
});
