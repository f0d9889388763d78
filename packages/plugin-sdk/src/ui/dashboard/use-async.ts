import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Runs `load` when `key` changes; the latest call wins (an older answer arriving late is dropped).
 * `ready` gives the answer when it is already at hand: shown in the same render, with no loading
 * state and no second render once `load` answers the same (the same object).
 */
export function useAsync<T>(key: string, load: (() => Promise<T>) | null, ready?: () => T | undefined): { data?: T; error?: Error; loading: boolean } {
  const enabled = load !== null;
  const [state, setState] = useState<{ key: string; data?: T; error?: Error }>(() => {
    const data = enabled ? ready?.() : undefined;
    return data !== undefined ? { key, data } : { key: '' };
  });
  // `load` is recreated every render; `key` says when it means something new, so the effect reads
  // the latest `load` without depending on it.
  const run = useEffectEvent(() => load!());
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    run().then(
      (data) => live && setState((s) => (s.key === key && s.data === data && !s.error ? s : { key, data })),
      (error: Error) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key, enabled]);
  if (state.key === key) return { data: state.data, error: state.error, loading: false };
  const atHand = enabled ? ready?.() : undefined;
  return atHand !== undefined ? { data: atHand, loading: false } : { loading: enabled };
}
