import { useCallback, useState } from 'react';
import type { PluginResource } from '../../plugin.js';

/** Columns a list shows by default: `listColumns`, else every `listed` field. */
export function defaultColumns(resource: PluginResource): string[] {
  return resource.listColumns ? [...resource.listColumns] : resource.kind.fields.filter((f) => f.listed).map((f) => f.key);
}

export const columnsStorageKey = (kindId: string) => `fazhi.columns.${kindId}`;

function read(resource: PluginResource): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(columnsStorageKey(resource.kind.id));
    const keys = raw ? (JSON.parse(raw) as unknown) : null;
    // Fields may have been removed since the choice was saved: keep the ones that still exist.
    if (Array.isArray(keys)) {
      const known = new Set(resource.kind.fields.map((f) => f.key));
      const kept = keys.filter((k): k is string => typeof k === 'string' && known.has(k));
      if (kept.length) return kept;
    }
  } catch {
    // Unreadable or blocked storage: fall back to the defaults.
  }
  return defaultColumns(resource);
}

/** The user's column choice for one resource, persisted in localStorage. */
export function useColumnPrefs(resource: PluginResource) {
  const [columns, setState] = useState<string[]>(() => read(resource));
  const setColumns = useCallback(
    (keys: string[] | null) => {
      const next = keys ?? defaultColumns(resource);
      setState(next);
      try {
        if (keys) globalThis.localStorage?.setItem(columnsStorageKey(resource.kind.id), JSON.stringify(keys));
        else globalThis.localStorage?.removeItem(columnsStorageKey(resource.kind.id));
      } catch {
        // Not persisted; the choice still applies for this visit.
      }
    },
    [resource],
  );
  return { columns, setColumns };
}
