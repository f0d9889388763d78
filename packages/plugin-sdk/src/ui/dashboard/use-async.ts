import { useEffect, useEffectEvent, useState } from 'react';

/** Runs `load` when `key` changes; the latest call wins (an older answer arriving late is dropped). */
export function useAsync<T>(key: string, load: (() => Promise<T>) | null): { data?: T; error?: Error; loading: boolean } {
  const [state, setState] = useState<{ key: string; data?: T; error?: Error }>({ key: '' });
  const enabled = load !== null;
  // `load` is recreated every render; `key` says when it means something new, so the effect reads
  // the latest `load` without depending on it.
  const run = useEffectEvent(() => load!());
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    run().then(
      (data) => live && setState({ key, data }),
      (error: Error) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key, enabled]);
  return state.key === key ? { data: state.data, error: state.error, loading: false } : { loading: load !== null };
}
