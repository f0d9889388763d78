import { describe, expect, test } from 'vitest';
import { arrivedBytes, encodedLength } from './download-progress.js';

describe('the first visit counts the bytes that arrive', () => {
  test('a precompressed file counts its sent bytes in proportion to what has been read inflated', () => {
    // The snapshot: 59 MB as a tar, 6.6 MB as brotli, a quarter read; the wasm sent as it is, half read.
    const files = [
      { read: 59_000_000 / 4, inflated: 59_000_000, sent: 6_600_000 },
      { read: 4_000_000, inflated: 8_000_000 },
    ];
    expect(arrivedBytes(files)).toEqual({ loaded: 6_600_000 / 4 + 4_000_000, total: 6_600_000 + 8_000_000 });
  });

  test('the count ends at the total and never passes it, nor divides by an empty file', () => {
    expect(arrivedBytes([{ read: 1000, inflated: 1000, sent: 300 }])).toEqual({ loaded: 300, total: 300 });
    expect(arrivedBytes([{ read: 1200, inflated: 1000, sent: 300 }]).loaded).toBe(300);
    expect(arrivedBytes([{ read: 0, inflated: 0, sent: 0 }])).toEqual({ loaded: 0, total: 0 });
  });

  test('Content-Length counts only for an encoded body', () => {
    expect(encodedLength(new Headers({ 'content-encoding': 'br', 'content-length': '6600000' }))).toBe(6_600_000);
    expect(encodedLength(new Headers({ 'content-length': '8000000' }))).toBeUndefined();
    expect(encodedLength(new Headers({ 'content-encoding': 'gzip' }))).toBeUndefined();
    expect(encodedLength(new Headers({ 'content-encoding': 'identity', 'content-length': '5' }))).toBeUndefined();
  });
});
