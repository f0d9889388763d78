// @vitest-environment jsdom
import { renderPlugin } from '@fazhi/plugin-sdk/testing';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import plugin from './index.js';

afterEach(() => cleanup());

test('legality-review: the list shows the seed records the street admin may read, through the real database', async () => {
  const r = await renderPlugin(plugin, { user: 'admin' });
  try {
    const kind = plugin.resources[0]!.kind;
    const { total } = await r.dataProvider.getList({ resource: kind.id, pagination: { currentPage: 1, pageSize: 1 } });
    expect(total).toBeGreaterThan(0);
    expect(await screen.findByText(`共 ${total} 条`, {}, { timeout: 20_000 })).toBeTruthy();
  } finally {
    cleanup();
    await r.database.close();
  }
});
