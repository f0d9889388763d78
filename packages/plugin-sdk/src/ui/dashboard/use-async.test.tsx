// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useAsync } from './use-async.js';

/** Renders `useAsync` and notes every state it rendered, in order. */
function renderStates<T>(load: () => Promise<T>, ready?: () => T | undefined) {
  const seen: string[] = [];
  function Probe() {
    const r = useAsync('k', load, ready);
    seen.push(r.loading ? 'loading' : r.error ? `error ${r.error.message}` : `data ${JSON.stringify(r.data)}`);
    return null;
  }
  return { seen, ...render(<Probe />) };
}

test('without an answer at hand: loading, then the answer', async () => {
  const { seen } = renderStates(() => Promise.resolve([1]));
  await act(() => Promise.resolve());
  expect(seen[0]).toBe('loading');
  expect(seen.at(-1)).toBe('data [1]');
});

test('an answer at hand is shown in the first render, and the same answer from load renders nothing more', async () => {
  const answer = [1, 2];
  const { seen } = renderStates(() => Promise.resolve(answer), () => answer);
  await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(seen).toEqual(['data [1,2]']);
});

test('a different answer from load replaces the one at hand; a failure shows', async () => {
  const { seen } = renderStates(() => Promise.resolve([3]), () => [1]);
  await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(seen[0]).toBe('data [1]');
  expect(seen.at(-1)).toBe('data [3]');

  const failed = renderStates(() => Promise.reject(new Error('数据库忙')), () => [1]);
  await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(failed.seen.at(-1)).toBe('error 数据库忙');
});
