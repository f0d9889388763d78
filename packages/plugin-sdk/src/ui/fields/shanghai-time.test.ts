import { hotlineTickets, mediationCases } from '@fazhi/domain';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { fieldFromForm, fieldToForm } from './form-values.js';
import { formatFieldValue } from './format-value.js';
import { formatShanghaiDateTime, shanghaiWallClock } from './shanghai-time.js';

const receivedAt = hotlineTickets.fields.find((x) => x.key === 'receivedAt')!;
const acceptedOn = mediationCases.fields.find((x) => x.key === 'acceptedOn')!;
const ctx = { option: () => '', yes: '是', no: '否', yuan: '元' };

// Node re-reads TZ when it is assigned, so one run covers devices anywhere (the console's users
// sit in China, but a laptop set to UTC or abroad must not move a value).
const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Santiago'];
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(zones)('on a device in %s', (zone) => {
  test('a date-time saved unchanged comes back identical, and the picker shows the Shanghai clock', () => {
    process.env.TZ = zone;
    const picked = fieldToForm(receivedAt, '2024-03-01T09:30:00+08:00') as { format(f: string): string };
    expect(picked.format('YYYY-MM-DD HH:mm')).toBe('2024-03-01 09:30');
    expect(fieldFromForm(receivedAt, picked)).toBe('2024-03-01T09:30:00+08:00');
    // Around New York's daylight-saving gap (02:00–03:00 local on 2024-03-10 does not exist there).
    expect(fieldFromForm(receivedAt, fieldToForm(receivedAt, '2024-03-10T02:30:00+08:00'))).toBe('2024-03-10T02:30:00+08:00');
  });

  test('a date never shifts', () => {
    process.env.TZ = zone;
    const picked = fieldToForm(acceptedOn, '2024-01-01') as { format(f: string): string };
    expect(picked.format('YYYY-MM-DD')).toBe('2024-01-01');
    expect(fieldFromForm(acceptedOn, picked)).toBe('2024-01-01');
  });

  test('lists show Shanghai time whatever offset the value arrived with', () => {
    process.env.TZ = zone;
    expect(formatFieldValue(receivedAt, '2024-03-01T09:30:00+08:00', ctx)).toBe('2024-03-01 09:30');
    expect(formatFieldValue(receivedAt, '2024-03-01T01:30:00Z', ctx)).toBe('2024-03-01 09:30');
    expect(formatFieldValue(receivedAt, '2024-02-29T20:30:00-05:00', ctx)).toBe('2024-03-01 09:30');
    expect(formatShanghaiDateTime('2024-12-31 20:00:00.123456+00')).toBe('2025-01-01 04:00');
  });
});

test('wall clock: offsets of every spelling, no offset means Shanghai already, garbage is null', () => {
  expect(shanghaiWallClock('2024-03-01T01:30:00+0000')).toBe('2024-03-01T09:30:00');
  expect(shanghaiWallClock('2024-03-01T01:30+00')).toBe('2024-03-01T09:30:00');
  expect(shanghaiWallClock('2024-03-01 09:30:15')).toBe('2024-03-01T09:30:15');
  expect(shanghaiWallClock('2024-03-01T09:30:15.5+08:00')).toBe('2024-03-01T09:30:15');
  expect(shanghaiWallClock('三月一日')).toBeNull();
});

test('property: any date-time with any offset, saved unchanged from the form, is the same instant (10,000 cases, random device zones)', () => {
  const instant = fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
  const offsetMinutes = fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15));
  fc.assert(
    fc.property(instant, offsetMinutes, fc.constantFrom(...zones), (when, offset, zone) => {
      process.env.TZ = zone;
      const local = new Date(when.getTime() + offset * 60_000).toISOString().slice(0, 19);
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      const saved = fieldFromForm(receivedAt, fieldToForm(receivedAt, text)) as string;
      expect(saved.endsWith('+08:00')).toBe(true);
      expect(Date.parse(saved)).toBe(when.getTime());
      // And saving that again changes nothing at all.
      expect(fieldFromForm(receivedAt, fieldToForm(receivedAt, saved))).toBe(saved);
    }),
    { numRuns: 10_000 },
  );
});

test('property: a date saved unchanged is the same day (10,000 cases, random device zones)', () => {
  const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  fc.assert(
    fc.property(day, fc.constantFrom(...zones), (text, zone) => {
      process.env.TZ = zone;
      expect(fieldFromForm(acceptedOn, fieldToForm(acceptedOn, text))).toBe(text);
    }),
    { numRuns: 10_000 },
  );
});
