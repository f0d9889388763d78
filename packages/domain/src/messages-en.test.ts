import { expect, test } from 'vitest';
import { mediationCases } from './kinds/mediation.js';
import { messagesEn } from './messages.js';
import { validateRecord } from './schema.js';

const base = { id: 'r1', orgId: 'o1', deletedAt: null, caseNo: '南沙调〔2024〕1号', source: 'proactive', disputeType: 'neighbourhood', partiesCount: 2, acceptedOn: '2024-03-05', status: 'accepted' };
const today = () => '2024-12-31';

test('the console’s English mode gets the schema’s messages in English, fields and options by their English names', () => {
  const bad = { ...base, partiesCount: 0, acceptedOn: '2025-01-02', status: 'nope' };
  const zh = validateRecord(mediationCases, bad, { today });
  const en = validateRecord(mediationCases, bad, { today, messages: messagesEn });
  expect(zh.ok || zh.issues.map((i) => i.message)).toEqual(['「涉及人数」不能小于1', '「受理日期」不能晚于今天（2024-12-31）', expect.stringContaining('「办理状态」的值“nope”无效')]);
  expect(en.ok || en.issues.map((i) => i.message)).toEqual([
    '"People involved" must be at least 1',
    '"Accepted on" cannot be later than today (2024-12-31)',
    expect.stringMatching(/^"Status": "nope" is not one of "Accepted" \(accepted\), "Mediating" \(mediating\)/),
  ]);
});

test('cross-field rules in English name the other field and its options in English', () => {
  const closed = { ...base, status: 'closed', closedOn: '2024-03-01', result: 'success' };
  const en = validateRecord(mediationCases, closed, { today, messages: messagesEn });
  expect(en.ok || en.issues.map((i) => i.message)).toContainEqual('"Closed on" cannot be before "Accepted on"');
  const missing = validateRecord(mediationCases, { ...base, status: 'closed', result: 'success' }, { today, messages: messagesEn });
  expect(missing.ok || missing.issues.map((i) => i.message)).toContainEqual('"Closed on" is required when "Status" is "Closed" or "Followed up"');
  // The default (zh-CN) schema is untouched by an English one built before it.
  const zh = validateRecord(mediationCases, closed, { today });
  expect(zh.ok || zh.issues.map((i) => i.message)).toContainEqual('「结案日期」不能早于「受理日期」');
});
