import { createRegistry, defineRecordKind, legalAidApplications, mediationCases, RecordKindRegistry, type RecordKind } from '@fazhi/domain';
import { builtInCatalog } from '@fazhi/metrics';
import { describe, expect, it } from 'vitest';
import { correctionCases } from '../testing/upgrade-model.js';
import { modelMigrationPlan } from './model-migration.js';
import { modelSnapshot } from './model-snapshot.js';
import { dropWorkflowSql, workflowSql } from './workflow-sql.js';

const model = (kinds: RecordKind[]) => ({ registry: new RecordKindRegistry(kinds), catalog: builtInCatalog });
const builtIns = () => createRegistry().list();

describe('workflowSql', () => {
  it('writes the workflow row, one transition row per starting state, and the trigger on the workflow field only', () => {
    const sql = workflowSql(mediationCases);
    expect(sql).toContain(`values ('mediation_cases', 'status', '办理状态', '{"accepted":"已受理","mediating":"调解中","closed":"已结案","followed_up":"已回访"}'::jsonb, 'accepted');`);
    expect(sql).toContain(
      `('mediation_cases', 'accepted', 'closed', '结案', array['result', 'closed_on']::text[], array['调解结果', '结案日期']::text[], '{}'::text[], '{}'::text[], '{}'::text[], '{}'::jsonb[], '{}'::text[])`,
    );
    expect(sql).toContain(`('mediation_cases', 'mediating', 'closed', '结案',`);
    expect(sql).toContain('create trigger mediation_cases_check_step before update of status on public.mediation_cases');
    // Inserts are history: the trigger never fires on them.
    expect(sql).not.toMatch(/before insert/);
    expect(workflowSql({ ...mediationCases, workflow: undefined })).toBe('');
    expect(dropWorkflowSql(mediationCases)).toBe(`drop trigger if exists mediation_cases_check_step on public.mediation_cases;\ndelete from private.workflows where kind_id = 'mediation_cases';`);
  });

  it('quotes labels and names required attachment slots', () => {
    const kind = defineRecordKind({
      ...mediationCases,
      workflow: { field: 'status', transitions: [{ from: ['closed'], to: 'followed_up', label: "回访'确认", requiresAttachments: [{ slot: 'visit-photo', label: '回访照片' }] }] },
    });
    expect(workflowSql(kind)).toContain(`('mediation_cases', 'closed', 'followed_up', '回访''确认', '{}'::text[], '{}'::text[], array['visit-photo']::text[], array['回访照片']::text[], '{}'::text[]`);
  });

  it('writes the values a step sets as JSON, with how each reads', () => {
    expect(workflowSql(legalAidApplications)).toContain(
      `('legal_aid_applications', 'applied', 'approved', '准予援助', array['decided_on']::text[], array['审查日期']::text[], '{}'::text[], '{}'::text[], array['decision']::text[], array['"accepted"']::jsonb[], array['审查结果为“准予受理”']::text[])`,
    );
  });
});

describe('workflows in the model migration', () => {
  it('a new plugin kind with a workflow gets its trigger like a built-in one', () => {
    const kind = defineRecordKind({ ...correctionCases, workflow: { field: 'category', transitions: [{ from: ['probation'], to: 'parole', label: '转为假释', requires: ['endedOn'] }] } });
    const plan = modelMigrationPlan(modelSnapshot(model(builtIns())), model([...builtIns(), kind]));
    expect(plan.sql).toContain(workflowSql(kind));
  });

  it('a changed workflow is dropped and written again, and said so; a kind changed otherwise keeps its workflow written', () => {
    const before = modelSnapshot(model(builtIns()));
    const changed = defineRecordKind({
      ...mediationCases,
      workflow: { ...mediationCases.workflow!, transitions: [...mediationCases.workflow!.transitions, { from: ['mediating'], to: 'accepted', label: '退回受理' }] },
    });
    const plan = modelMigrationPlan(before, model(builtIns().map((k) => (k.id === changed.id ? changed : k))));
    expect(plan.changes).toEqual(['记录类型“人民调解案件”（mediation_cases）：流程有变化（开始调解、结案、回访、退回受理）']);
    expect(plan.sql).toContain(`${dropWorkflowSql(changed)}\n\n${workflowSql(changed)}`);
    // An option label changes: the state labels in private.workflows must follow.
    const relabelled = defineRecordKind({
      ...mediationCases,
      fields: mediationCases.fields.map((f) => (f.key === 'status' && f.type === 'enum' ? { ...f, options: f.options.map((o) => (o.value === 'closed' ? { ...o, label: '已办结' } : o)) } : f)),
    });
    const relabel = modelMigrationPlan(before, model(builtIns().map((k) => (k.id === relabelled.id ? relabelled : k))));
    expect(relabel.sql).toContain('"closed":"已办结"');
    // A workflow removed: its rows and trigger go.
    const without = modelMigrationPlan(before, model(builtIns().map((k) => (k.id === mediationCases.id ? { ...mediationCases, workflow: undefined } : k))));
    expect(without.changes).toEqual(['记录类型“人民调解案件”（mediation_cases）：流程取消']);
    expect(without.sql).toContain(dropWorkflowSql(mediationCases));
    expect(without.sql).not.toContain('create trigger mediation_cases_check_step');
  });
});
