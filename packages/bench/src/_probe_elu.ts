import { loadDataset } from '@fazhi/dataset';
const dir = '/work/main/seeds/nansha-2024';
await loadDataset(dir);
for (let i = 0; i < 6; i++) {
  const e0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  await loadDataset(dir);
  const e = performance.eventLoopUtilization(e0);
  console.log((performance.now() - t0).toFixed(0), 'idle ms', e.idle.toFixed(1), 'active', e.active.toFixed(1));
}
