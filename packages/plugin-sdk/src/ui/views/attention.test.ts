import { hotlineTickets, mediationCases } from '@fazhi/domain';
import { describe, expect, test } from 'vitest';
import type { PluginResource } from '../../plugin.js';
import { attentionRulesOf, meetsRule, ruleFilter } from './attention.js';

const today = '2026-12-05';

describe('attentionRulesOf', () => {
  test("a deadline without `status` follows the kind's workflow field", () => {
    const resource: PluginResource = { kind: mediationCases, deadline: { field: 'closedOn', doneWhen: ['followed_up'] } };
    const [overdue] = attentionRulesOf(resource);
    expect(overdue).toMatchObject({ id: 'overdue', label: '已逾期', when: [{ field: 'closedOn', before: 'today' }, { field: 'status', notIn: ['followed_up'] }] });
  });

  test('a deadline done once a field is filled: overdue while that field is empty', () => {
    const resource: PluginResource = { kind: hotlineTickets, deadline: { field: 'dueAt', doneWhenFilled: 'closedAt' } };
    const [overdue] = attentionRulesOf(resource);
    expect(overdue!.when).toEqual([{ field: 'dueAt', before: 'today' }, { field: 'closedAt', empty: true }]);
    const open = { dueAt: '2026-12-01T10:00:00+08:00', closedAt: null };
    expect(meetsRule(overdue!, open, today)).toBe(true);
    expect(meetsRule(overdue!, { ...open, closedAt: '2026-12-02T09:00:00+08:00' }, today)).toBe(false);
    expect(meetsRule(overdue!, { ...open, dueAt: '2026-12-05T18:00:00+08:00' }, today)).toBe(false);
  });

  test('`filled` holds for any value, not for an empty one, and filters as not null', () => {
    const rule = { id: 'unrated', label: '未评价', when: [{ field: 'closedAt', filled: true as const }, { field: 'satisfaction', empty: true as const }] };
    expect(meetsRule(rule, { closedAt: '2026-12-02T09:00:00+08:00', satisfaction: null }, today)).toBe(true);
    expect(meetsRule(rule, { closedAt: '', satisfaction: null }, today)).toBe(false);
    expect(meetsRule(rule, { closedAt: null, satisfaction: null }, today)).toBe(false);
    expect(meetsRule(rule, { closedAt: '2026-12-02T09:00:00+08:00', satisfaction: 'satisfied' }, today)).toBe(false);
    expect(ruleFilter(rule, today, true)).toEqual({
      key: 'attention.unrated',
      operator: 'and',
      value: [
        { field: 'closedAt', operator: 'nnull', value: true },
        { field: 'satisfaction', operator: 'null', value: true },
      ],
    });
  });
});
