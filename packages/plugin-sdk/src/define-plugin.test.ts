import { hotlineTickets, legalAidApplications, mediationCases, serviceCases } from '@fazhi/domain';
import { describe, expect, test } from 'vitest';
import { definePlugin, pluginProblems } from './define-plugin.js';
import { pluginApiVersion, type WorkAreaPlugin } from './plugin.js';
import { samplePlugin } from './test-fixtures.test-helper.js';

const base = (): WorkAreaPlugin => ({ id: 'mediation', apiVersion: pluginApiVersion, label: '人民调解', area: 'mediation', resources: [{ kind: mediationCases }] });

describe('definePlugin', () => {
  test('accepts a well-formed plugin and freezes it', () => {
    const p = samplePlugin();
    expect(Object.isFrozen(p)).toBe(true);
    expect(pluginProblems(p)).toEqual([]);
  });

  test('names every problem in Chinese', () => {
    const problems = pluginProblems({
      ...base(),
      id: 'Mediation_X',
      apiVersion: 2 as never,
      resources: [
        {
          // A kind without its own workflow: a (deprecated) resource-level one is still checked.
          kind: { ...mediationCases, workflow: undefined },
          listFilters: [{ field: 'nope' }, { type: 'period', field: 'caseNo' }, { type: 'text', fields: [] }],
          formSections: [{ title: '受理信息', fields: ['caseNo', 'ghost'] }],
          workflow: { field: 'status', initial: 'done', transitions: [{ from: ['accepted'], to: 'archived', label: '归档', requires: ['missing'] }] },
          attachments: [{ id: 'Agreement', label: '协议' }, { id: 'scan', label: '扫描件' }, { id: 'scan', label: '扫描件' }],
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('编号必须是 kebab-case'),
        expect.stringContaining('apiVersion 为 2'),
        expect.stringContaining('筛选条件引用了不存在的字段“nope”'),
        expect.stringContaining('期间筛选字段“案件编号”必须是日期'),
        expect.stringContaining('文本搜索至少要指定一个字段'),
        expect.stringContaining('表单分组“受理信息”引用了不存在的字段“ghost”'),
        expect.stringContaining('流程初始状态“done”不是字段“办理状态”的可选值'),
        expect.stringContaining('使用了无效状态“archived”'),
        expect.stringContaining('流程步骤“归档”引用了不存在的字段“missing”'),
        expect.stringContaining('附件类型编号“Agreement”应为 kebab-case'),
        expect.stringContaining('附件类型“scan”重复'),
      ]),
    );
    expect(() => definePlugin({ ...base(), id: 'Bad' })).toThrow(/插件定义有误/);
  });

  test('a workflow is declared once, on the kind, and its required attachment slots are the resource’s', () => {
    const wf = { field: 'status', transitions: [{ from: ['accepted'], to: 'mediating', label: '开始调解' }] } as const;
    expect(pluginProblems({ ...base(), resources: [{ kind: mediationCases, workflow: wf }] })).toEqual([expect.stringContaining('记录类型已声明流程，资源不能另行声明')]);
    const kind = { ...mediationCases, workflow: { field: 'status', transitions: [{ from: ['accepted'], to: 'mediating', label: '开始调解', requiresAttachments: [{ slot: 'application', label: '申请书' }] }] } };
    expect(pluginProblems({ ...base(), resources: [{ kind, attachments: [{ id: 'agreement', label: '协议' }] }] })).toEqual([expect.stringContaining('流程步骤“开始调解”要求的附件类型“application”不在资源的附件类型中')]);
    expect(pluginProblems({ ...base(), resources: [{ kind, attachments: [{ id: 'application', label: '申请书' }] }] })).toEqual([]);
  });

  test('a resource must belong to the plugin’s work area (the database grants by area)', () => {
    expect(pluginProblems({ ...base(), resources: [{ kind: legalAidApplications }] })).toEqual([expect.stringContaining('与插件领域“mediation”不一致')]);
  });

  test('checks the declared views against the kind: deadline, attention rules and board', () => {
    const problems = pluginProblems({
      ...base(),
      resources: [
        {
          kind: mediationCases,
          deadline: { field: 'caseNo', doneWhen: ['finished'] },
          attention: [
            { id: 'overdue', label: '重名', when: [] },
            { id: 'late', label: '迟', when: [{ field: 'caseNo', before: 'today' }, { field: 'result', in: ['maybe'] }, { field: 'ghost', empty: true }, { field: 'caseNo', is: true }] },
          ],
          board: { groupBy: 'caseNo', cardFields: ['nowhere'] },
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('期限字段“案件编号”必须是日期'),
        expect.stringContaining('期限的完成状态使用了字段“办理状态”没有的选项“finished”'),
        expect.stringContaining('关注条件“重名”编号“overdue”应为 kebab-case 且不能是 overdue'),
        expect.stringContaining('关注条件“重名”至少要有一个条件'),
        expect.stringContaining('关注条件“迟”字段“案件编号”必须是日期'),
        expect.stringContaining('关注条件“迟”使用了字段“调解结果”没有的选项“maybe”'),
        expect.stringContaining('关注条件“迟”引用了不存在的字段“ghost”'),
        expect.stringContaining('关注条件“迟”字段“案件编号”必须是是/否字段'),
        expect.stringContaining('看板分组字段“案件编号”必须是单选项'),
        expect.stringContaining('看板卡片引用了不存在的字段“nowhere”'),
      ]),
    );
    const withStatus = pluginProblems({ ...base(), resources: [{ kind: mediationCases, deadline: { field: 'closedOn', status: 'status', doneWhen: ['finished'] } }] });
    expect(withStatus).toEqual([expect.stringContaining('期限的完成状态使用了字段“办理状态”没有的选项“finished”')]);
  });

  test('a print form has a title and rows of one or two existing fields, a spanning field alone, each field once', () => {
    const problems = pluginProblems({
      ...base(),
      resources: [
        {
          kind: mediationCases,
          printForm: { title: ' ', rows: [['caseNo', 'acceptedOn', 'status'], [{ field: 'summary', span: 2 }, 'mediator'], ['ghost'], ['caseNo'], []] },
        },
      ],
    });
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('打印表单缺少标题 title'),
      expect.stringContaining('第 1 行应为一到两个字段'),
      expect.stringContaining('第 2 行应为一到两个字段'),
      expect.stringContaining('打印表单“ ”第 3 行引用了不存在的字段“ghost”'),
      expect.stringContaining('中字段“caseNo”出现了两次'),
      expect.stringContaining('第 5 行应为一到两个字段'),
    ]));
    expect(pluginProblems({ ...base(), resources: [{ kind: mediationCases, printForm: { title: '人民调解登记表', rows: [] } }] })).toEqual([expect.stringContaining('至少要有一行')]);
    const good = { title: '人民调解登记表', rows: [['caseNo', 'acceptedOn'], [{ field: 'summary', span: 2 }], ['mediator']] } as const;
    expect(pluginProblems({ ...base(), resources: [{ kind: mediationCases, printForm: good }] })).toEqual([]);
  });

  test('ratio columns name two number fields of the kind, under distinct kebab-case ids', () => {
    const problems = pluginProblems({
      ...base(),
      resources: [
        {
          kind: mediationCases,
          ratioColumns: [
            { id: 'share', label: '占比', numerator: 'partiesCount', denominator: 'caseNo' },
            { id: 'share', label: '重复', numerator: 'ghost', denominator: 'amount' },
          ],
        },
      ],
    });
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('比率列“占比”字段“案件编号”必须是数值'),
        expect.stringContaining('比率列“重复”编号“share”应为 kebab-case 且不能重复'),
        expect.stringContaining('比率列“重复”引用了不存在的字段“ghost”'),
      ]),
    );
    expect(pluginProblems({ ...base(), resources: [{ kind: mediationCases, ratioColumns: [{ id: 'share', label: '占比', numerator: 'partiesCount', denominator: 'amount' }] }] })).toEqual([]);
  });

  test("a deadline's state defaults to the kind's workflow field; without any workflow it needs `status`", () => {
    // mediation_cases declares its workflow on the kind (status): no `status` needed on the deadline.
    expect(pluginProblems({ ...base(), resources: [{ kind: mediationCases, deadline: { field: 'closedOn', doneWhen: ['followed_up'] } }] })).toEqual([]);
    const noWorkflow = { ...base(), id: 'public-service', area: 'public_service' };
    expect(pluginProblems({ ...noWorkflow, resources: [{ kind: serviceCases, deadline: { field: 'closedOn', doneWhen: ['x'] } }] })).toEqual([expect.stringContaining('期限的完成状态需要一个状态字段')]);
  });

  test('a deadline done once a field is filled, and `filled` conditions, name existing fields', () => {
    const ps = { ...base(), id: 'public-service', area: 'public_service' };
    const ok = { kind: hotlineTickets, deadline: { field: 'dueAt', doneWhenFilled: 'closedAt' }, attention: [{ id: 'unrated', label: '未评价', when: [{ field: 'closedAt', filled: true }, { field: 'satisfaction', empty: true }] }] } as const;
    expect(pluginProblems({ ...ps, resources: [ok] })).toEqual([]);
    const bad = { kind: hotlineTickets, deadline: { field: 'dueAt', doneWhenFilled: 'shutAt' }, attention: [{ id: 'unrated', label: '未评价', when: [{ field: 'ratedAt', filled: true }] }] } as const;
    expect(pluginProblems({ ...ps, resources: [bad as never] })).toEqual([
      expect.stringContaining('期限的完成字段引用了不存在的字段“shutAt”'),
      expect.stringContaining('关注条件“未评价”引用了不存在的字段“ratedAt”'),
    ]);
  });
});
