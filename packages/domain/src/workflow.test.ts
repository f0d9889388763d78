import { describe, expect, it } from 'vitest';
import { mediationCases } from './kinds/index.js';
import { defineRecordKind } from './record-kind.js';
import { workflowProblems } from './workflow.js';

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

  it('is checked when a kind is defined', () => {
    expect(() => defineRecordKind({ ...mediationCases, workflow: { field: 'status', transitions: [{ from: ['accepted'], to: 'gone', label: '消失' }] } })).toThrow(
      /人民调解案件.*定义有误：\n流程步骤“消失”使用了无效状态“gone”/s,
    );
  });
});
