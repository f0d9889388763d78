import { describe, expect, it } from 'vitest';
import { addWorkdays, dateTime, exactDailyCounts, isWorkday, pickDates, weekday } from './calendar.js';
import { Rng } from './random.js';

describe('calendar', () => {
  it('knows weekdays, holidays and make-up working days', () => {
    expect(weekday('2024-12-31')).toBe(2);
    expect(isWorkday('2024-02-12')).toBe(false); // 春节
    expect(isWorkday('2024-02-18')).toBe(true); // Sunday made a working day
    expect(isWorkday('2024-10-08')).toBe(true);
    expect(addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
  });

  it('splits a total over days exactly', () => {
    const counts = exactDailyCounts(21349, '2024-01-01', '2024-12-31', (d) => (isWorkday(d) ? 1 : 0.7));
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(21349);
    expect(counts.size).toBe(366);
  });

  it('draws dates inside the range, keeping to working days by default', () => {
    const dates = pickDates(new Rng(3), 200, '2024-01-01', '2024-12-31');
    expect(dates.every((d) => d >= '2024-01-01' && d <= '2024-12-31' && isWorkday(d))).toBe(true);
  });

  it('formats date-times past midnight on the next day', () => {
    expect(dateTime('2024-12-31', 1440 + 5, 9)).toBe('2025-01-01T00:05:09+08:00');
  });
});
