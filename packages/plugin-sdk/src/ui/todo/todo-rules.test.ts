import { hotlineTickets, legalAidApplications, mediationCases } from '@fazhi/domain';
import { describe, expect, test } from 'vitest';
import { pluginProblems } from '../../define-plugin.js';
import { pluginApiVersion, type PluginResource, type WorkAreaPlugin } from '../../plugin.js';
import { userWith } from '../../test-fixtures.test-helper.js';
import { conditionFilter, meetsRule } from '../views/attention.js';
import { daysLeft, resolveTodos, todoFilters, userTodos } from './todo-rules.js';

const today = '2026-12-05';
const plugin = (area: string, resources: PluginResource[], id = area.replace(/_/g, '-')): WorkAreaPlugin => ({ id, apiVersion: pluginApiVersion, label: id, area, resources });

const tickets: PluginResource = {
  kind: hotlineTickets,
  deadline: { field: 'dueAt', doneWhenFilled: 'closedAt' },
  todos: [
    { id: 'due', label: '临期或逾期未办结', when: [{ field: 'dueAt', withinDays: 2 }, { field: 'closedAt', empty: true }], dueField: 'dueAt', severity: 'danger' },
    { id: 'overdue', when: 'overdue' },
  ],
};
const cases: PluginResource = { kind: mediationCases, todos: [{ id: 'follow-up', label: '待回访', labelEn: 'Awaiting follow-up', when: [{ field: 'status', in: ['closed'] }] }] };
const applications: PluginResource = {
  kind: legalAidApplications,
  attention: [{ id: 'pending', label: '待审查', labelEn: 'Pending', when: [{ field: 'decision', in: ['pending'] }] }],
  todos: [{ id: 'review', when: 'pending' }],
};

describe('to-do rules', () => {
  test('a rule naming an attention rule takes its conditions and labels; the deadline is `overdue`', () => {
    const [review] = resolveTodos(plugin('legal_aid', [applications]), applications);
    expect(review).toMatchObject({ key: 'legal-aid.legal_aid_applications.review', label: '待审查', labelEn: 'Pending', when: [{ field: 'decision', in: ['pending'] }], severity: 'warning' });
    const [, overdue] = resolveTodos(plugin('public_service', [tickets]), tickets);
    expect(overdue).toMatchObject({ label: '已逾期', when: [{ field: 'dueAt', before: 'today' }, { field: 'closedAt', empty: true }] });
  });

  test('`withinDays` holds up to that many days ahead and for the past, not for an empty date, in the browser and as a filter', () => {
    const [due] = resolveTodos(plugin('public_service', [tickets]), tickets);
    const rule = { id: due!.id, label: due!.label, when: due!.when };
    const open = (dueAt: string | null) => ({ dueAt, closedAt: null });
    expect(meetsRule(rule, open('2026-12-07T23:59:00+08:00'), today)).toBe(true);
    expect(meetsRule(rule, open('2026-12-08T00:00:00+08:00'), today)).toBe(false);
    expect(meetsRule(rule, open('2024-01-01T09:00:00+08:00'), today)).toBe(true);
    expect(meetsRule(rule, open(null), today)).toBe(false);
    expect(meetsRule(rule, { dueAt: '2026-12-06T09:00:00+08:00', closedAt: '2026-12-04T09:00:00+08:00' }, today)).toBe(false);
    const user = userWith([{ orgId: 's', role: 'clerk', areas: ['public_service'], personalData: false }]);
    expect(todoFilters(due!, user, today)).toEqual([
      { field: 'dueAt', operator: 'lt', value: '2026-12-08' },
      { field: 'closedAt', operator: 'null', value: true },
      { field: 'orgId', operator: 'in', value: ['s', 'c', 'm'] },
    ]);
  });

  test('`olderThanDays` holds once more than that many days have passed since the date, not for an empty date, in the browser and as a filter', () => {
    const rule = { id: 'past-limit', label: '受理超过30日未结案', when: [{ field: 'acceptedOn', olderThanDays: 30 }] };
    // 30 days from 2026-11-05 end on today (2026-12-05): within the limit; a day earlier is past it.
    expect(meetsRule(rule, { acceptedOn: '2026-11-05' }, today)).toBe(false);
    expect(meetsRule(rule, { acceptedOn: '2026-11-04' }, today)).toBe(true);
    expect(meetsRule(rule, { acceptedOn: null }, today)).toBe(false);
    expect(conditionFilter(rule.when[0]!, today)).toEqual({ field: 'acceptedOn', operator: 'lt', value: '2026-11-05' });
    const bad: PluginResource = { kind: mediationCases, attention: [{ id: 'late', label: '超期', when: [{ field: 'acceptedOn', olderThanDays: -1 }] }, { id: 'late2', label: '超期', when: [{ field: 'caseNo', olderThanDays: 3 }] }] };
    expect(pluginProblems(plugin('mediation', [bad]))).toEqual(
      expect.arrayContaining([expect.stringContaining('天数 olderThanDays 应为不小于 0 的整数，现为“-1”'), expect.stringContaining('字段“案件编号”必须是日期')]),
    );
  });

  test('a user gets the rules of the areas they may write only: a clerk their own, an admin all, a viewer none', () => {
    const plugins = [plugin('mediation', [cases]), plugin('public_service', [tickets]), plugin('legal_aid', [applications])];
    const keys = (u: ReturnType<typeof userWith>) => userTodos(plugins, u).map((t) => t.key);
    expect(keys(userWith([{ orgId: 's', role: 'clerk', areas: ['mediation'], personalData: false }]))).toEqual(['mediation.mediation_cases.follow-up']);
    expect(keys(userWith([{ orgId: 's', role: 'admin', areas: [], personalData: false }]))).toHaveLength(4);
    expect(keys(userWith([{ orgId: 's', role: 'viewer', areas: [], personalData: false }]))).toEqual([]);
    expect(keys(userWith([{ orgId: 'd', role: 'supervisor', areas: [], personalData: false }]))).toEqual([]);
  });

  test('a reader of the district who writes one community’s mediation gets that community’s records only', () => {
    const user = userWith([
      { orgId: 's', role: 'viewer', areas: [], personalData: false },
      { orgId: 'c', role: 'clerk', areas: ['mediation'], personalData: false },
    ]);
    const [todo] = userTodos([plugin('mediation', [cases])], user);
    expect(todoFilters(todo!, user, today).at(-1)).toEqual({ field: 'orgId', operator: 'in', value: ['c', 'm'] });
  });

  test('days left count calendar days in Shanghai time, negative once overdue', () => {
    expect(daysLeft('2026-12-07T08:00:00+08:00', today)).toBe(2);
    expect(daysLeft('2026-12-05', today)).toBe(0);
    expect(daysLeft('2026-11-30T23:00:00+08:00', today)).toBe(-5);
  });
});

describe('definePlugin checks to-do rules', () => {
  const problemsOf = (r: Partial<PluginResource>) => pluginProblems(plugin('public_service', [{ kind: hotlineTickets, ...r } as PluginResource], 'public-service'));

  test('accepts the declarations above', () => {
    expect(pluginProblems(plugin('public_service', [tickets]))).toEqual([]);
    expect(pluginProblems(plugin('legal_aid', [applications]))).toEqual([]);
  });

  test('names each problem in Chinese, with the resource and the rule', () => {
    const problems = problemsOf({
      deadline: { field: 'dueAt', doneWhenFilled: 'closedAt' },
      todos: [
        { id: 'Due', label: '临期', when: [{ field: 'dueAt', withinDays: -1 }], dueField: 'summary' },
        { id: 'due', label: '临期', when: [{ field: 'ghost', withinDays: 2 }, { field: 'closedAt', withinDays: 1.5 }], severity: 'urgent' as never },
        { id: 'due', label: '重复', when: [] },
        { id: 'rated', when: 'unrated' },
        { id: 'bare', when: [{ field: 'closedAt', empty: true }] },
      ],
    });
    expect(problems).toHaveLength(10);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('资源“12345热线工单”的待办规则“临期”编号“Due”应为 kebab-case'),
      expect.stringContaining('待办规则“临期”的天数 withinDays 应为不小于 0 的整数，现为“-1”'),
      expect.stringContaining('待办规则“临期”的到期日字段“诉求内容”必须是日期'),
      expect.stringContaining('待办规则“临期”引用了不存在的字段“ghost”'),
      expect.stringContaining('待办规则“临期”的天数 withinDays 应为不小于 0 的整数，现为“1.5”'),
      expect.stringContaining('待办规则“临期”的紧急程度“urgent”应为 danger、warning、info 之一'),
      expect.stringContaining('待办规则“重复”编号“due”应为 kebab-case 且不能重复'),
      expect.stringContaining('待办规则“重复”至少要有一个条件'),
      expect.stringContaining('待办规则“rated”引用的关注条件“unrated”不存在（可用：overdue）'),
      expect.stringContaining('待办规则“bare”自带条件时须有名称 label'),
    ]));
  });
});
