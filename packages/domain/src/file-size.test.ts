import fc from 'fast-check';
import { expect, test } from 'vitest';
import { formatFileSize } from './file-size.js';

test('sizes read as people expect, never 「0 MB」', () => {
  expect(formatFileSize(0)).toBe('0 B');
  expect(formatFileSize(512)).toBe('512 B');
  expect(formatFileSize(1023)).toBe('1023 B');
  expect(formatFileSize(1024)).toBe('1 KB');
  expect(formatFileSize(12 * 1024 + 100)).toBe('12.1 KB');
  expect(formatFileSize(12_288)).toBe('12 KB');
  expect(formatFileSize(1536)).toBe('1.5 KB');
  expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  expect(formatFileSize(1024 * 1024 - 1)).toBe('1 MB');
  expect(formatFileSize(52_428_800)).toBe('50 MB');
  expect(formatFileSize(3 * 1024 ** 3)).toBe('3 GB');
  expect(formatFileSize(-1)).toBe('—');
});

test('property: one unit below 1024, at most one decimal, within 5% of the bytes (10,000 cases)', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: 0, max: 4096 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.maxSafeNat()), (bytes) => {
      const text = formatFileSize(bytes);
      const m = /^(\d+(?:\.\d)?) (B|KB|MB|GB|TB)$/.exec(text);
      expect(m, text).not.toBeNull();
      const value = Number(m![1]);
      const unit = ['B', 'KB', 'MB', 'GB', 'TB'].indexOf(m![2]!);
      if (unit < 4) expect(value).toBeLessThan(1024);
      if (unit > 0) expect(value).toBeGreaterThanOrEqual(1);
      if (bytes > 0) expect(value).toBeGreaterThan(0);
      const back = value * 1024 ** unit;
      expect(Math.abs(back - bytes)).toBeLessThanOrEqual(Math.max(0.5, bytes * 0.05));
      return true;
    }),
    { numRuns: 10_000 },
  );
});
