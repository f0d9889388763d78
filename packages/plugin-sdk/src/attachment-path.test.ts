import { describe, expect, test } from 'vitest';
import { attachmentPath, parseAttachmentPath, safeFileName } from './attachment-path.js';

const org = '8963EB57-E692-4F07-8937-3BEC98ECC540';
const rec = '411ba9fe-a334-4301-be90-b164cd79794a';

describe('attachmentPath', () => {
  test('is <org_id>/<kind_id>/<record_id>/<slot>/<file>, lower-case ids', () => {
    const p = attachmentPath({ orgId: org, kindId: 'mediation_cases', recordId: rec, slot: 'agreement' }, '调解协议书.pdf');
    expect(p).toBe(`${org.toLowerCase()}/mediation_cases/${rec}/agreement/调解协议书.pdf`);
    expect(parseAttachmentPath(p)).toEqual({ orgId: org.toLowerCase(), kindId: 'mediation_cases', recordId: rec, slot: 'agreement', fileName: '调解协议书.pdf' });
  });

  test('a crafted name cannot leave its folder', () => {
    expect(attachmentPath({ orgId: org, kindId: 'mediation_cases', recordId: rec, slot: 'agreement' }, '../../x/evil.pdf')).toMatch(/\/agreement\/\.\._\.\._x_evil\.pdf$/);
    expect(() => safeFileName('..')).toThrow('文件名');
    expect(() => attachmentPath({ orgId: 'x', kindId: 'mediation_cases', recordId: rec, slot: 'agreement' }, 'a')).toThrow('机构编号');
    expect(() => attachmentPath({ orgId: org, kindId: 'mediation_cases', recordId: rec, slot: 'Bad Slot' }, 'a')).toThrow('附件类型');
    expect(parseAttachmentPath('a/b')).toBeNull();
  });
});
