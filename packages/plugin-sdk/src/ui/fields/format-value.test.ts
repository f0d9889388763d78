import { mediationCases, optionLabel, type FieldDef } from '@fazhi/domain';
import { expect, test } from 'vitest';
import { formatFieldValue, groupYuan, looksMasked } from './format-value.js';
import { orgName, orgTreeData, subtreeOf } from './org-tree.js';
import { orgs } from '../../test-fixtures.test-helper.js';

const f = (key: string) => mediationCases.fields.find((x) => x.key === key)!;
const ctx = { option: (field: FieldDef, v: string) => optionLabel(field, v), yes: '是', no: '否', yuan: '元' };

test('values as lists show them', () => {
  expect(formatFieldValue(f('amount'), 123456789, ctx)).toBe('1,234,567.89 元');
  expect(formatFieldValue(f('amount'), 5, ctx)).toBe('0.05 元');
  expect(formatFieldValue(f('result'), 'success', ctx)).toBe('调解成功');
  expect(formatFieldValue(f('acceptedOn'), '2024-03-01', ctx)).toBe('2024-03-01');
  expect(formatFieldValue(f('partiesCount'), 3, ctx)).toBe('3 人');
  expect(formatFieldValue(f('preventedCriminal'), false, ctx)).toBe('否');
  expect(formatFieldValue(f('summary'), null, ctx)).toBeNull();
  expect(groupYuan('-1234.50')).toBe('-1,234.50');
  expect(looksMasked('张*、李*')).toBe(true);
  expect(looksMasked('张三')).toBe(false);
});

test('org tree helpers', () => {
  expect(subtreeOf(orgs, 's').sort()).toEqual(['c', 'm', 's']);
  expect(orgName(orgs, 'c')).toBe('蕉门社区');
  const tree = orgTreeData(orgs.slice(1), new Set(['c']));
  expect(tree.map((n) => n.value)).toEqual(['s', 't']);
  expect(tree[0]).toMatchObject({ disabled: true, children: [{ value: 'c', children: [{ value: 'm', disabled: true }] }] });
});
