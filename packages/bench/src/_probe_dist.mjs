import { loadDataset } from '@fazhi/dataset';
const dir = '/work/main/seeds/nansha-2024';
for (let i = 0; i < 10; i++) await loadDataset(dir);
