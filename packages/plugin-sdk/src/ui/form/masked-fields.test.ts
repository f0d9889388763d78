import { mediationCases } from '@fazhi/domain';
import { expect, test } from 'vitest';
import { maskedFieldKeys, withoutKeptMasks } from './masked-fields.js';

const record = { partyNames: '徐**、严**', partyIdNumbers: null, partyPhones: '', summary: '邻里纠纷' };

test('only personal fields with a value are masked, and only without the right', () => {
  expect([...maskedFieldKeys(mediationCases, record, false)]).toEqual(['partyNames']);
  expect([...maskedFieldKeys(mediationCases, record, true)]).toEqual([]);
  expect([...maskedFieldKeys(mediationCases, undefined, false)]).toEqual([]);
});

test('kept masks are left out of the update; re-entered ones and everything else are sent', () => {
  const variables = { partyNames: '徐**、严**', partyPhones: '13800138000', summary: '已更新', orgId: 'o' };
  expect(withoutKeptMasks(variables, new Set(['partyNames', 'partyPhones']), new Set(['partyPhones']))).toEqual({ partyPhones: '13800138000', summary: '已更新', orgId: 'o' });
  expect(variables.partyNames).toBe('徐**、严**');
});
