import { describe, expect, it } from 'vitest';
import { parseArrayLiteral, timestamptzToCst } from './value-parsers.js';

describe('timestamptzToCst', () => {
  it('moves any offset to +08:00 and keeps fractions', () => {
    expect(timestamptzToCst('2024-03-05 01:30:00+00')).toBe('2024-03-05T09:30:00+08:00');
    expect(timestamptzToCst('2024-03-05 09:30:00.123456+08')).toBe('2024-03-05T09:30:00.123456+08:00');
    expect(timestamptzToCst('2024-12-31 20:00:00-05:30')).toBe('2025-01-01T09:30:00+08:00');
  });

  it('passes through what it does not understand', () => {
    expect(timestamptzToCst('infinity')).toBe('infinity');
    expect(timestamptzToCst('0044-03-15 00:00:00+00 BC')).toBe('0044-03-15 00:00:00+00 BC');
  });
});

describe('parseArrayLiteral', () => {
  it('parses plain, quoted and NULL elements', () => {
    expect(parseArrayLiteral('{1,2,NULL}', Number)).toEqual([1, 2, null]);
    expect(parseArrayLiteral('{}', Number)).toEqual([]);
    expect(parseArrayLiteral('{"2024-03-05 01:30:00+00","2024-03-06 01:30:00+00"}', timestamptzToCst)).toEqual([
      '2024-03-05T09:30:00+08:00',
      '2024-03-06T09:30:00+08:00',
    ]);
  });
});
