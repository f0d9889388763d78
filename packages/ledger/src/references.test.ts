import { enforcementActions, enforcementOfficers, type AnyRecord } from '@fazhi/domain';
import { describe, expect, test } from 'vitest';
import { exportLedger } from './export.js';
import { readLedger } from './read-ledger.js';
import { referenceTable } from './references.js';
import { testOrgs, today } from './test-orgs.test-helper.js';

/** Reference fields travel as the target's business key (执法证号), never as raw ids. */
const officer = (id: string, certificateNo: string, deletedAt: string | null = null): AnyRecord => ({ id, orgId: 'street', deletedAt, certificateNo });
const officers = [officer('00000000-0000-4000-8000-000000000001', '44010001'), officer('00000000-0000-4000-8000-000000000002', '44010002'), officer('00000000-0000-4000-8000-000000000003', '44010002', '2024-01-01T00:00:00+08:00')];
const kindField = enforcementActions.fields.find((f) => f.key === 'kind')!;
const action: AnyRecord = {
  id: '00000000-0000-4000-8000-0000000000a1',
  orgId: 'street',
  deletedAt: null,
  ...Object.fromEntries(enforcementActions.fields.map((f) => [f.key, null])),
  actionNo: '执〔2024〕1号',
  kind: kindField.type === 'enum' ? kindField.options[0]!.value : null,
  actedOn: '2024-03-05',
  targetType: 'enterprise',
  targetName: '某公司',
  officer1Id: officers[0]!.id,
  officer2Id: officers[1]!.id,
};

describe('reference fields', () => {
  const references = new Map([[enforcementOfficers.id, referenceTable(enforcementOfficers, officers)]]);

  test('export shows the 执法证号; import finds the officer by it (a live one before a deleted one)', async () => {
    const csv = await exportLedger([action], { kind: enforcementActions, orgs: testOrgs, unit: '南沙街道', period: '', masked: false, format: 'csv', references });
    const text = new TextDecoder().decode(csv);
    expect(text).toContain('44010001,44010002');
    expect(text).not.toContain(officers[0]!.id);
    const read = await readLedger(csv, { kind: enforcementActions, orgs: testOrgs, fileName: '执法.csv', references, today });
    expect(read.errors.map((e) => e.text)).toEqual([]);
    expect(read.rows[0]!.record).toMatchObject({ officer1Id: officers[0]!.id, officer2Id: officers[1]!.id });
  });

  test('an unknown or ambiguous 执法证号 is an error naming row, column and value', async () => {
    const twins = new Map([[enforcementOfficers.id, referenceTable(enforcementOfficers, [...officers, officer('00000000-0000-4000-8000-000000000004', '44010001')])]]);
    const csv = await exportLedger([{ ...action, officer2Id: '00000000-0000-4000-8000-00000000ffff' }], { kind: enforcementActions, orgs: testOrgs, unit: '南沙街道', period: '', masked: false, format: 'csv', references });
    const read = await readLedger(csv, { kind: enforcementActions, orgs: testOrgs, fileName: '执法.csv', references: twins, today });
    expect(read.rows).toEqual([]);
    const texts = read.errors.map((e) => e.text);
    expect(texts).toContainEqual(expect.stringMatching(/^工作表“执法”第 2 行 [A-Z]+ 列（执法人员一）：「执法人员一」“44010001”对应多条行政执法人员（执法证号重复）/));
    expect(texts).toContainEqual(expect.stringMatching(/第 2 行 [A-Z]+ 列（执法人员二）：「执法人员二」“00000000-0000-4000-8000-00000000ffff”不是已有的行政执法人员（按执法证号查找）/));
  });
});
