import { expect, test } from 'vitest';
import { samplePlugin } from '../../test-fixtures.test-helper.js';
import { formSectionsOf } from '../form/form-layout.js';
import { saveProblem } from '../form/conflict.js';
import { workflowOf } from '../../plugin.js';
import { availableTransitions, enterableStates } from './transitions.js';
import { rectificationTasks } from '@fazhi/domain';

const resource = samplePlugin().resources[0]!;

test('transitions allowed from the current state', () => {
  // The kind's own workflow (mediation_cases declares it in @fazhi/domain).
  const wf = workflowOf(resource);
  expect(availableTransitions(wf, { status: 'accepted' }).map((t) => t.label)).toEqual(['开始调解', '结案']);
  expect(availableTransitions(wf, { status: 'closed' }).map((t) => t.label)).toEqual(['回访']);
  expect(availableTransitions(wf, { status: 'followed_up' })).toEqual([]);
  expect(availableTransitions(undefined, { status: 'accepted' })).toEqual([]);
});

test('a new record may be entered in any state but those behind a required attachment', () => {
  // Mediation needs no files: a case closed on paper is entered closed.
  expect([...enterableStates(workflowOf(resource)!, 'accepted')].sort()).toEqual(['accepted', 'closed', 'followed_up', 'mediating']);
  // 销号 needs the evidence slot: a new task can be 已完成 at most, and is closed out on its page.
  const wf = rectificationTasks.workflow!;
  const states = enterableStates(wf, wf.initial ?? 'pending');
  const closedOut = wf.transitions.find((t) => t.requiresAttachments?.length)!.to;
  expect(states.has(closedOut)).toBe(false);
  expect([...states].sort()).toEqual(['completed', 'in_progress', 'pending']);
});

test('form sections keep every field: undeclared ones go to a last group', () => {
  const sections = formSectionsOf({ ...resource, formSections: [{ title: '受理信息', fields: ['caseNo', 'caseNo', 'ghost'] }] }, '其他');
  expect(sections.map((s) => s.title)).toEqual(['受理信息', '其他']);
  expect(sections[0]!.fields.map((f) => f.key)).toEqual(['caseNo']);
  expect(sections[1]!.fields).toHaveLength(resource.kind.fields.length - 1);
});

test('a 409 is a conflict with the database’s own sentence', () => {
  expect(saveProblem({ statusCode: 409, message: '记录已被他人修改（当前版本 3），请刷新后重试' }, '请修正')).toEqual({ conflict: true, message: '记录已被他人修改（当前版本 3），请刷新后重试' });
  expect(saveProblem({ statusCode: 400, message: '', errors: { caseNo: ['x'] } }, '请修正')).toEqual({ conflict: false, message: '请修正' });
  expect(saveProblem(null, '')).toBeNull();
});
