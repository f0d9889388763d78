import { describe, expect, it } from 'vitest';
import { hotlineTickets, legalAidApplications, mediationCases, rectificationTasks } from './kinds/index.js';
import { defineRecordKind } from './record-kind.js';
import { initialState, stateFromData, stateOf, stepHolds, workflowProblems } from './workflow.js';

const fields = mediationCases.fields;

describe('workflowProblems', () => {
  it('accepts the built-in mediation workflow', () => {
    expect(mediationCases.workflow).toBeDefined();
    expect(workflowProblems(fields, mediationCases.workflow!)).toEqual([]);
  });

  it('names every problem of a workflow in Chinese', () => {
    expect(workflowProblems(fields, { field: 'nope', transitions: [] })).toEqual(['流程引用了不存在的字段“nope”']);
    expect(workflowProblems(fields, { field: 'caseNo', transitions: [] })).toEqual(['流程字段“案件编号”必须是单选项']);
    expect(
      workflowProblems(fields, {
        field: 'status',
        initial: 'draft',
        transitions: [
          { from: ['accepted'], to: 'archived', label: '归档', requires: ['ghost', 'status'], asks: ['phantom'] },
          { from: [], to: 'closed', label: '结案' },
          { from: ['closed'], to: 'closed', label: '再结案' },
          { from: ['accepted'], to: 'mediating', label: '开始调解' },
          { from: ['accepted'], to: 'mediating', label: '调解', requiresAttachments: [{ slot: 'Scan', label: '扫描件' }] },
        ],
      }),
    ).toEqual([
      '流程初始状态“draft”不是字段“办理状态”的可选值',
      '流程步骤“归档”使用了无效状态“archived”',
      '流程步骤“归档”引用了不存在的字段“phantom”',
      '流程步骤“归档”引用了不存在的字段“ghost”',
      '流程步骤“归档”不能要求流程字段本身',
      '流程步骤“结案”没有起始状态 from',
      '流程步骤“再结案”的起始状态与目标状态相同（“closed”）',
      '流程步骤“调解”与另一步骤重复（“accepted”→“mediating”）',
      '流程步骤“调解”的附件类型编号“Scan”应为 kebab-case',
    ]);
    expect(workflowProblems(fields, { field: 'status', transitions: [] })).toEqual(['流程至少要有一个步骤']);
  });

  it('checks the values a step sets: a field of the kind, not the workflow field, an option of an enum', () => {
    expect(
      workflowProblems(legalAidApplications.fields, {
        field: 'stage',
        transitions: [{ from: ['applied'], to: 'approved', label: '准予', sets: { decision: 'granted', ghost: 1, stage: 'closed' } }],
      }),
    ).toEqual(['流程步骤“准予”设定的“审查结果”值“granted”不是可选值', '流程步骤“准予”引用了不存在的字段“ghost”', '流程步骤“准予”不能设定流程字段本身']);
    expect(workflowProblems(legalAidApplications.fields, legalAidApplications.workflow!)).toEqual([]);
  });

  it('a record with an empty workflow field is in the initial state', () => {
    const wf = legalAidApplications.workflow!;
    expect(stateOf(legalAidApplications.fields, wf, { stage: null })).toBe('applied');
    expect(stateOf(legalAidApplications.fields, wf, { stage: 'assigned' })).toBe('assigned');
    expect(initialState(fields, { field: 'status', transitions: [] })).toBe('accepted');
  });

  it('derives the state of a history record from its data: as far as the steps it holds lead', () => {
    const legalAid = (r: Record<string, unknown>) => stateFromData(legalAidApplications.fields, legalAidApplications.workflow!, r);
    const decided = { decision: 'accepted', decidedOn: '2024-03-01' };
    expect(legalAid({ decision: 'pending' })).toBe('applied');
    expect(legalAid(decided)).toBe('approved');
    expect(legalAid({ ...decided, lawyer: '梁律师' })).toBe('assigned');
    expect(legalAid({ ...decided, lawyer: '梁律师', closedOn: '2024-05-01', outcome: '调解结案' })).toBe('closed');
    // Closed without a lawyer on file: the record shows the review, not the assignment it skipped.
    expect(legalAid({ ...decided, closedOn: '2024-05-01', outcome: '调解结案' })).toBe('approved');
    expect(legalAid({ decision: 'rejected', decidedOn: '2024-03-01', rejectionReason: '不符合经济困难标准' })).toBe('rejected');
    // The value a step sets must be there: 准予 sets 审查结果 to 准予受理.
    expect(legalAid({ decision: 'rejected', decidedOn: '2024-03-01', lawyer: '梁律师' })).toBe('applied');

    const hotline = (r: Record<string, unknown>) => stateFromData(hotlineTickets.fields, hotlineTickets.workflow!, r);
    expect(hotline({})).toBe('received');
    expect(hotline({ closedAt: '2024-03-01T10:00:00+08:00' })).toBe('closed');
    expect(hotline({ closedAt: '2024-03-01T10:00:00+08:00', satisfaction: 'satisfied' })).toBe('followed_up');
    expect(hotline({ satisfaction: 'satisfied' })).toBe('received');

    const rectification = (r: Record<string, unknown>) => stateFromData(rectificationTasks.fields, rectificationTasks.workflow!, r);
    expect(rectification({ measure: '制定方案' })).toBe('in_progress');
    expect(rectification({ measure: '制定方案', completedOn: '2024-04-01', reportedOn: '2024-04-02', closedOutOn: '2024-05-01' })).toBe('closed_out');
  });

  it('passes a step that proves nothing only on the way to one that does', () => {
    const mediation = (r: Record<string, unknown>) => stateFromData(fields, mediationCases.workflow!, r);
    expect(mediation({})).toBe('accepted');
    expect(mediation({ result: 'success', closedOn: '2024-03-01' })).toBe('closed');
    expect(mediation({ result: 'success', closedOn: '2024-03-01', followUpOn: '2024-03-10', satisfaction: 'satisfied' })).toBe('followed_up');
    const viaStart = { field: 'status', transitions: [{ from: ['accepted'], to: 'mediating', label: '开始调解' }, { from: ['mediating'], to: 'closed', label: '结案', requires: ['closedOn'] }] };
    expect(stateFromData(fields, viaStart, { closedOn: '2024-03-01' })).toBe('closed');
    expect(stateFromData(fields, viaStart, {})).toBe('accepted');
    expect(stepHolds(viaStart.transitions[1]!, { closedOn: '' })).toBe(false);
  });

  it('is checked when a kind is defined', () => {
    expect(() => defineRecordKind({ ...mediationCases, workflow: { field: 'status', transitions: [{ from: ['accepted'], to: 'gone', label: '消失' }] } })).toThrow(
      /人民调解案件.*定义有误：\n流程步骤“消失”使用了无效状态“gone”/s,
    );
  });
});
