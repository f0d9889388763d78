import { createRegistry, mediationCases } from '@fazhi/domain';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../database-error.js';
import { toHttpError } from './error-mapping.js';
import { DataProviderError } from './http-error.js';
import { kindTable } from './kind-table.js';
import { constraintIndex } from './constraint-messages.js';
import { kindChecks } from '../generate/record-columns.js';

const table = kindTable(mediationCases);
const dbError = (code: string, message: string, extra: Record<string, string> = {}, cause?: unknown) => new DatabaseError({ code, message, ...extra }, { cause });

describe('provider error mapping', () => {
  it('names the field of a 22P02 from the parameter in CONTEXT', () => {
    const e = toHttpError(dbError('22P02', 'invalid input syntax for type integer: "abc"', {}, { where: "unnamed portal parameter $2 = '...'" }), {
      table,
      paramKeys: ['caseNo', 'partiesCount'],
    });
    expect([e.statusCode, e.errors]).toEqual([400, { partiesCount: ['「涉及人数」应为整数'] }]);
  });

  it('keeps a trigger’s own Chinese 23514 message and hides English internals of unknown errors', () => {
    expect(toHttpError(dbError('23514', '机构“甲”的上级关系形成了循环')).message).toBe('机构“甲”的上级关系形成了循环');
    const e = toHttpError(dbError('XX000', 'internal error: tuple concurrently updated'));
    expect([e.statusCode, e.message]).toEqual([500, '数据服务出错（错误代码 XX000），请稍后重试']);
    expect(toHttpError(new Error('socket hang up')).statusCode).toBe(500);
  });

  it('puts a rule trigger’s 23514 and 23505 under the field its column names', () => {
    const future = toHttpError(dbError('23514', '「受理日期」不能晚于今天（2026-12-04）', { column: 'accepted_on', constraint: 'mediation_cases_accepted_on_not_future' }), { table });
    expect([future.statusCode, future.message, future.errors]).toEqual([400, '「受理日期」不能晚于今天（2026-12-04）', { acceptedOn: ['「受理日期」不能晚于今天（2026-12-04）'] }]);
    const message = '案件编号“NS-1”在本街道已存在（人民调解案件，受理日期 2024-03-05）';
    const dup = toHttpError(dbError('23505', message, { column: 'case_no', constraint: 'mediation_cases_case_no_unique' }), { table });
    expect([dup.statusCode, dup.message, dup.errors]).toEqual([409, message, { caseNo: [message] }]);
    // Through PostgREST only the message arrives; it is kept. A bare unique violation stays generic.
    expect(toHttpError({ code: '23505', message, details: null, hint: null }).message).toBe(message);
    expect(toHttpError(dbError('23505', 'duplicate key value violates unique constraint "x"')).message).toBe('与已有记录重复');
  });

  it('maps a refused workflow step: FZ001 to 409 with its message, FZ422 to 422 under the first missing field', () => {
    const undeclared = '“办理状态”不能从“已受理”改为“已回访”：流程中没有这一步（当前可走的步骤：开始调解、结案）';
    expect([toHttpError(dbError('FZ001', undeclared, { column: 'status' }), { table }).statusCode, toHttpError(dbError('FZ001', undeclared)).message]).toEqual([409, undeclared]);
    const missing = '“结案”需要先填写：调解结果、结案日期';
    const e = toHttpError(dbError('FZ422', missing, { column: 'result' }), { table });
    expect([e.statusCode, e.message, e.errors]).toEqual([422, missing, { result: [missing] }]);
    // Through PostgREST only the message arrives: kept, under no field.
    const rest = toHttpError({ code: 'FZ422', message: '“销号”需要先上传附件：整改报告', details: null, hint: null });
    expect([rest.statusCode, rest.message, rest.errors]).toEqual([422, '“销号”需要先上传附件：整改报告', undefined]);
  });

  it('maps a write into a locked (封账) year, FZ423, to 423 with the database’s message', () => {
    const locked = '2024年度已封账（甲街道的年度报告已定稿），该年度的人民调解案件不能新增、修改或删除；如需更正，请街道管理员先重新开启该年度';
    const e = toHttpError(dbError('FZ423', locked, { column: 'accepted_on' }), { table });
    expect([e.statusCode, e.message]).toEqual([423, locked]);
    expect(toHttpError({ code: 'FZ423', message: 'locked', details: null, hint: null }).message).toBe('该年度已封账，记录不能修改；如需更正，请街道管理员先重新开启该年度');
  });

  it('maps the access rules: FZ403 (beyond what the caller holds) to 403, FZ409 (last admin …) to 409, with the database’s message', () => {
    const beyond = '您在该单位没有个人信息授权，不能授予他人';
    const last = '“甲街道”只剩这一位在职的管理员，不能撤销、降级或停用；请先为该单位授予另一位管理员';
    expect([toHttpError(dbError('FZ403', beyond)).statusCode, toHttpError(dbError('FZ403', beyond)).message]).toEqual([403, beyond]);
    expect([toHttpError(dbError('FZ409', last)).statusCode, toHttpError(dbError('FZ409', last)).message]).toEqual([409, last]);
    expect(toHttpError({ code: 'FZ403', message: 'beyond', details: null, hint: null }).message).toBe('超出了您所持有的权限，不能这样授予或更改');
  });

  it('maps 23503 to the referencing field', () => {
    const e = toHttpError(dbError('23503', 'insert or update on table "mediation_cases" violates foreign key constraint "mediation_cases_org_id_fkey"', { detail: 'Key (org_id)=(…) is not present in table "org_units".' }), { table });
    expect(e.errors).toEqual({ orgId: ['「所属机构」所引用的记录不存在'] });
  });

  it('passes DataProviderErrors through unchanged', () => {
    const original = new DataProviderError(404, 'x');
    expect(toHttpError(original)).toBe(original);
  });

  it('knows a field and message for every CHECK constraint of every built-in kind', () => {
    for (const kind of createRegistry().list()) {
      const index = constraintIndex(kind);
      for (const check of kindChecks(kind)) {
        const info = index.get(check.name);
        expect(info, `${kind.id}: ${check.name}`).toBeDefined();
        expect(info!.message({})).toMatch(/「.+」/);
      }
    }
  });
});
