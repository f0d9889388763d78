import { mediationCases } from '@fazhi/domain';
import dayjs from 'dayjs';
import { describe, expect, test } from 'vitest';
import { dependentFields, fieldFromForm, formToFields, recordToForm, validateForm } from './form-values.js';

const f = (key: string) => mediationCases.fields.find((x) => x.key === key)!;
const valid = {
  caseNo: '南沙调〔2024〕第0001号',
  source: 'proactive',
  disputeType: 'neighbourhood',
  partiesCount: 2,
  acceptedOn: dayjs('2024-03-01'),
  status: 'accepted',
};

describe('form values', () => {
  test('money typed in 元 becomes exact integer fen, and back', () => {
    expect(fieldFromForm(f('amount'), '19.99')).toBe(1999);
    expect(fieldFromForm(f('amount'), '1,234.56')).toBe(123456);
    expect(fieldFromForm(f('amount'), '0.1')).toBe(10);
    expect(fieldFromForm(f('amount'), '')).toBeNull();
    expect(Number.isNaN(fieldFromForm(f('amount'), '12.345'))).toBe(true);
    expect(recordToForm(mediationCases, { amount: 1250050 }).amount).toBe('12500.50');
  });

  test('dates go through dayjs as YYYY-MM-DD; blank text becomes null', () => {
    const values = recordToForm(mediationCases, { acceptedOn: '2024-03-01', summary: null, orgId: 'o', version: 3 });
    expect(dayjs.isDayjs(values.acceptedOn)).toBe(true);
    expect(values).toMatchObject({ orgId: 'o', version: 3 });
    expect(formToFields(mediationCases, { acceptedOn: values.acceptedOn, summary: '  ' })).toEqual({ acceptedOn: '2024-03-01', summary: null });
  });

  test('an ID number’s x becomes X; a bad one is refused naming the field and the number', () => {
    expect(fieldFromForm(f('partyIdNumbers'), ' 11010519491231002x ')).toBe('11010519491231002X');
    const errors = validateForm(mediationCases, { ...valid, partyIdNumbers: '11010519491231002X、110105194912310021', partyPhones: '1381234' });
    expect(errors.get('partyIdNumbers')).toEqual(['「当事人身份证号」“110105194912310021”不是有效的身份证号：校验码不正确']);
    expect(errors.get('partyPhones')?.[0]).toMatch(/^「当事人联系电话」“1381234”不是有效的电话号码/);
  });

  test('validation uses the kind’s own Chinese messages, naming the field', () => {
    expect(validateForm(mediationCases, valid).size).toBe(0);
    const problems = validateForm(mediationCases, { ...valid, caseNo: '', partiesCount: 0, amount: '1.234', acceptedOn: undefined });
    expect(problems.get('caseNo')).toEqual(['「案件编号」为必填项']);
    expect(problems.get('partiesCount')).toEqual(['「涉及人数」不能小于1']);
    expect(problems.get('amount')).toEqual(['「涉及金额」应为金额（元，最多两位小数）']);
    expect(problems.get('acceptedOn')).toEqual(['「受理日期」为必填项']);
  });

  test('cross-field rules land on the field they blame, even while other fields are invalid', () => {
    const problems = validateForm(mediationCases, { ...valid, caseNo: '', status: 'closed', result: 'success', closedOn: dayjs('2024-02-01') });
    expect(problems.get('closedOn')).toEqual(['「结案日期」不能早于「受理日期」']);
    expect(problems.get('agreementForm')).toEqual(['「调解结果」为“调解成功”时，「协议形式」为必填项']);
    expect(problems.get('caseNo')).toEqual(['「案件编号」为必填项']);
  });

  test('a dialog validates its few fields over the whole record', () => {
    const record = { ...formToFields(mediationCases, valid), status: 'closed' };
    expect(validateForm(mediationCases, { result: 'failure', closedOn: dayjs('2024-03-02') }, record).size).toBe(0);
    expect(validateForm(mediationCases, { result: 'success', closedOn: dayjs('2024-03-02') }, record).get('agreementForm')).toBeDefined();
  });

  test('dependencies are the other side of each rule', () => {
    expect(dependentFields(mediationCases, 'status').sort()).toEqual(['closedOn', 'followUpOn', 'result']);
    expect(dependentFields(mediationCases, 'closedOn').sort()).toEqual(['acceptedOn', 'followUpOn', 'status']);
  });
});
