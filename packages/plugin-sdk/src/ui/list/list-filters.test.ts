import dayjs from 'dayjs';
import { describe, expect, test } from 'vitest';
import { orgs, samplePlugin } from '../../test-fixtures.test-helper.js';
import { filtersToCrud, listFiltersOf, periodOf, resolveFilter } from './list-filters.js';

const resource = samplePlugin().resources[0]!;

describe('list filters', () => {
  test('controls follow the field types', () => {
    expect(listFiltersOf(resource).map((f) => resolveFilter(resource, f).kind)).toEqual(['period', 'org', 'select', 'select', 'range', 'range', 'boolean', 'text']);
    // Without declared filters: period, org, then every listed enum.
    const defaults = listFiltersOf({ kind: resource.kind });
    expect(defaults.slice(0, 2)).toEqual([{ type: 'period' }, { type: 'org' }]);
    expect(defaults.slice(2).map((f) => ('field' in f ? f.field : ''))).toEqual(['source', 'disputeType', 'status', 'result']);
  });

  test('periods: a quarter on the period field, bounds [start, end)', () => {
    expect(periodOf({ year: 2024, part: 'q2' })).toEqual({ kind: 'quarter', year: 2024, quarter: 2 });
    expect(periodOf({ year: 2024, part: 'm12' })).toEqual({ kind: 'month', year: 2024, month: 12 });
    expect(periodOf({ year: null })).toBeNull();
    const f = filtersToCrud(resource, { period__acceptedOn: { year: 2024, part: 'q2' } }, orgs);
    expect(f.slice(0, 2)).toEqual([
      { field: 'acceptedOn', operator: 'gte', value: '2024-04-01' },
      { field: 'acceptedOn', operator: 'lt', value: '2024-07-01' },
    ]);
  });

  test('a period that keeps undated records: the period OR an empty date, as one keyed group', () => {
    const keeping = { ...resource, listFilters: [{ type: 'period', field: 'closedOn', keepUndated: true }] } as const;
    expect(filtersToCrud(keeping, { period__closedOn: { year: 2024 } }, orgs)).toContainEqual({
      key: 'period__closedOn',
      operator: 'or',
      value: [
        { operator: 'and', value: [{ field: 'closedOn', operator: 'gte', value: '2024-01-01' }, { field: 'closedOn', operator: 'lt', value: '2025-01-01' }] },
        { field: 'closedOn', operator: 'null', value: true },
      ],
    });
    expect(filtersToCrud(keeping, {}, orgs)).toContainEqual({ key: 'period__closedOn', operator: 'or', value: [] });
  });

  test('org means the unit and everything below it; enums as `in`; text as one OR group', () => {
    const f = filtersToCrud(resource, { orgId: 's', result: ['success'], status: 'closed', q: ' 0001 ' }, orgs);
    expect(f).toContainEqual({ field: 'orgId', operator: 'in', value: ['s', 'c', 'm'] });
    expect(f).toContainEqual({ field: 'result', operator: 'in', value: ['success'] });
    expect(f).toContainEqual({ field: 'status', operator: 'eq', value: 'closed' });
    expect(f).toContainEqual({ key: 'q', operator: 'or', value: [{ field: 'caseNo', operator: 'contains', value: '0001' }, { field: 'summary', operator: 'contains', value: '0001' }] });
  });

  test('date ranges include their last day; money bounds are typed in 元', () => {
    const day = (s: string) => ({ format: () => s });
    const f = filtersToCrud(resource, { closedOn: [day('2024-03-01'), day('2024-03-31')], amount: [10.5, 1000], preventedCriminal: 'true' }, orgs);
    expect(f).toContainEqual({ field: 'closedOn', operator: 'gte', value: '2024-03-01' });
    expect(f).toContainEqual({ field: 'closedOn', operator: 'lt', value: '2024-04-01' });
    expect(f).toContainEqual({ field: 'amount', operator: 'gte', value: 1050 });
    expect(f).toContainEqual({ field: 'amount', operator: 'lte', value: 100000 });
    expect(f).toContainEqual({ field: 'preventedCriminal', operator: 'eq', value: true });
  });

  test('date range bounds are the calendar days picked, on a device in any time zone (the database reads them as Shanghai days)', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
        process.env.TZ = zone;
        // What the RangePicker hands over: the device's local start and end of the picked days.
        const f = filtersToCrud(resource, { closedOn: [dayjs('2024-03-01'), dayjs('2024-03-31').endOf('day')] }, orgs);
        expect(f, zone).toContainEqual({ field: 'closedOn', operator: 'gte', value: '2024-03-01' });
        expect(f, zone).toContainEqual({ field: 'closedOn', operator: 'lt', value: '2024-04-01' });
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  test('empty values still yield their entries, as undefined, so a cleared filter replaces the old one', () => {
    const f = filtersToCrud(resource, {}, orgs);
    expect(f.filter((x) => 'field' in x).every((x) => x.value === undefined)).toBe(true);
    expect(f).toContainEqual({ key: 'q', operator: 'or', value: [] });
  });
});
