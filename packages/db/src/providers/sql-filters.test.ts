import { mediationCases } from '@fazhi/domain';
import type { CrudFilter } from '@refinedev/core';
import { describe, expect, it } from 'vitest';
import { kindTable } from './kind-table.js';
import { postgrestParams } from './postgrest-filters.js';
import { filterSql, maxFilterItems, maxFilterText } from './sql-filters.js';
import { SqlParams } from './sql-params.js';

const t = kindTable(mediationCases);
const builders = {
  sql: (filters: unknown) => filterSql(t, filters as CrudFilter[], new SqlParams()),
  postgrest: (filters: unknown) => postgrestParams(t, filters as CrudFilter[]),
};

function refusal(fn: () => unknown): { statusCode: number; message: string; errors?: unknown } {
  try {
    fn();
  } catch (e) {
    return e as never;
  }
  throw new Error('expected a refusal');
}

describe.each(Object.entries(builders))('filter checks of the %s builder', (_, build) => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('refuses the inherited name %s as an operator', (operator) => {
    const e = refusal(() => build([{ field: 'summary', operator, value: 'x' }]));
    expect([e.statusCode, e.message]).toEqual([400, `不支持的筛选条件“${operator}”`]);
  });

  it(`limits a filter text to ${maxFilterText} characters and a list to ${maxFilterItems} values`, () => {
    expect(() => build([{ field: 'summary', operator: 'contains', value: '工'.repeat(maxFilterText) }])).not.toThrow();
    const long = refusal(() => build([{ field: 'summary', operator: 'contains', value: '工'.repeat(maxFilterText + 1) }]));
    expect([long.statusCode, long.errors]).toEqual([400, { summary: [`「纠纷简要情况」的筛选内容不能超过${maxFilterText}个字`] }]);
    const many = refusal(() => build([{ field: 'caseNo', operator: 'in', value: Array.from({ length: maxFilterItems + 1 }, (_, i) => `M${i}`) }]));
    expect(many.statusCode).toBe(400);
    expect(many.message).toBe(`「案件编号」的筛选值不能超过${maxFilterItems}个`);
  });

  it('refuses filters that are not filter objects, in Chinese', () => {
    expect(refusal(() => build('eq')).message).toBe('筛选条件应为一组条件');
    expect(refusal(() => build([null])).message).toBe('筛选条件格式不正确');
    expect(refusal(() => build([{ operator: 'or', value: [undefined] }])).message).toBe('筛选条件格式不正确');
    expect(refusal(() => build([{ field: 0, operator: 'eq', value: 1 }])).message).toBe('筛选条件缺少字段名');
  });
});
