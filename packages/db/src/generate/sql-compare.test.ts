import { describe, expect, it } from 'vitest';
import { compareSql, dateOperand, fieldOperand, literalOperand } from './sql-compare.js';

const day = fieldOperand('t.day', 'date');
const at = fieldOperand('t.at', 'datetime');
const mid = (x: string) => `(${x}::timestamp at time zone 'Asia/Shanghai')`;

describe('compareSql', () => {
  it('compares like with like directly', () => {
    expect(compareSql('lte', fieldOperand('t.a', 'integer'), fieldOperand('t.b', 'money'))).toBe('t.a <= t.b');
    expect(compareSql('lt', day, dateOperand('p_end'))).toBe('t.day < p_end');
  });

  // In memory "2024-06-30" < "2024-06-30T00:00:00+08:00": a date sorts before every date-time of its day.
  it('orders a date before every date-time of its own day', () => {
    expect(compareSql('lt', day, at)).toBe(`${mid('t.day')} <= t.at`);
    expect(compareSql('lte', day, at)).toBe(`${mid('t.day')} <= t.at`);
    expect(compareSql('gt', day, at)).toBe(`${mid('t.day')} > t.at`);
    expect(compareSql('gte', day, at)).toBe(`${mid('t.day')} > t.at`);
    expect(compareSql('lt', at, day)).toBe(`t.at < ${mid('t.day')}`);
    expect(compareSql('lte', at, day)).toBe(`t.at < ${mid('t.day')}`);
    expect(compareSql('gt', at, day)).toBe(`t.at >= ${mid('t.day')}`);
    expect(compareSql('gte', at, day)).toBe(`t.at >= ${mid('t.day')}`);
    expect(compareSql('eq', at, day)).toBe('false');
  });

  it('uses code-point order for text, as JavaScript compares strings', () => {
    expect(compareSql('lt', fieldOperand('t.s', 'text'), literalOperand('m', 'text')!)).toBe(`t.s collate "C" < 'm'`);
    expect(compareSql('eq', fieldOperand('t.s', 'enum'), literalOperand("o'k", 'text')!)).toBe(`t.s = 'o''k'`);
  });

  it('types literals by the column they meet, or says none can match', () => {
    expect(literalOperand('2024-02-29', 'temporal')).toEqual({ sql: `'2024-02-29'::date`, cls: 'temporal', rank: 0 });
    expect(literalOperand('2024-02-29T08:00:00+08:00', 'temporal')?.rank).toBe(1);
    expect(literalOperand('2023-02-29', 'temporal')).toBeNull();
    expect(literalOperand('5', 'number')).toBeNull();
    expect(literalOperand(5, 'text')).toBeNull();
    expect(literalOperand('ABC', 'uuid')).toBeNull();
    expect(() => literalOperand(Number.NaN, 'number')).toThrow();
  });
});
