import { describe, expect, it } from 'vitest';
import { legalAidApplications, mediationCases } from './kinds/index.js';
import { defineRecordKind } from './record-kind.js';
import { initialState, stateOf, workflowProblems } from './workflow.js';

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

  it('is checked when a kind is defined', () => {
    expect(() => defineRecordKind({ ...mediationCases, workflow: { field: 'status', transitions: [{ from: ['accepted'], to: 'gone', label: '消失' }] } })).toThrow(
      /人民调解案件.*定义有误：\n流程步骤“消失”使用了无效状态“gone”/s,
    );
  });
});
