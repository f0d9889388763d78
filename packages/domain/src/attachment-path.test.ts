import { describe, expect, test } from 'vitest';
import { attachmentFolder, attachmentKeyName, attachmentKeyPattern, attachmentPath, parseAttachmentPath, safeFileName } from './attachment-path.js';

const org = '8963EB57-E692-4F07-8937-3BEC98ECC540';
const rec = '411ba9fe-a334-4301-be90-b164cd79794a';
const id = '0B2D4C1A-7E0F-4A55-9C3B-5D1E2F3A4B5C';
const key = id.toLowerCase();
const ref = { orgId: org, kindId: 'mediation_cases', recordId: rec, slot: 'agreement' };

describe('attachmentKeyName', () => {
  test('is the lower-cased uuid with the extension when it is 1–10 letters or digits', () => {
    expect(attachmentKeyName('调解协议书.pdf', id)).toBe(`${key}.pdf`);
    expect(attachmentKeyName('现场照片.JPEG', id)).toBe(`${key}.jpeg`);
    expect(attachmentKeyName('archive.tar.gz', id)).toBe(`${key}.gz`);
    expect(attachmentKeyName('a.mp3', id)).toBe(`${key}.mp3`);
    expect(attachmentKeyName('a.abcdefghij', id)).toBe(`${key}.abcdefghij`);
    for (const name of ['说明', '.pdf', 'a.', 'a.abcdefghijk', 'a.p-f', 'a.文档', 'a.pdf ', 'a.pdf#1']) {
      expect(attachmentKeyName(name, id), name).toBe(key);
    }
    expect(() => attachmentKeyName('a.pdf', 'not-a-uuid')).toThrow('附件编号');
  });

  test('is a fresh uuid each time, always matching the key pattern', () => {
    const a = attachmentKeyName('调解协议书.pdf');
    const b = attachmentKeyName('调解协议书.pdf');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.pdf$/);
    expect(attachmentKeyPattern.test(a)).toBe(true);
  });

  test('falls back to getRandomValues where randomUUID is missing (plain http)', () => {
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      expect(attachmentKeyName('x.pdf')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.pdf$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true, writable: true });
    }
  });
});

describe('attachmentPath', () => {
  test('is <org_id>/<kind_id>/<record_id>/<slot>/<key>, lower-case ids, ASCII only', () => {
    const p = attachmentPath(ref, '调解协议书.pdf', id);
    expect(p).toBe(`${org.toLowerCase()}/mediation_cases/${rec}/agreement/${key}.pdf`);
    expect(p).toMatch(/^[\x21-\x7e]+$/);
    expect(parseAttachmentPath(p)).toEqual({ orgId: org.toLowerCase(), kindId: 'mediation_cases', recordId: rec, slot: 'agreement', key: `${key}.pdf` });
  });

  test('a crafted name cannot leave its folder, and an invalid one is refused', () => {
    expect(attachmentPath(ref, '../../x/evil.pdf', id)).toBe(`${org.toLowerCase()}/mediation_cases/${rec}/agreement/${key}.pdf`);
    expect(() => attachmentPath(ref, '..')).toThrow('文件名“..”无效');
    expect(() => attachmentPath(ref, '  ')).toThrow('文件名');
    expect(() => attachmentPath({ ...ref, orgId: 'x' }, 'a')).toThrow('机构编号');
    expect(() => attachmentPath({ ...ref, slot: 'Bad Slot' }, 'a')).toThrow('附件类型');
  });

  test('parses only paths it could have made', () => {
    const folder = `${org.toLowerCase()}/mediation_cases/${rec}/agreement`;
    expect(parseAttachmentPath('a/b')).toBeNull();
    for (const last of ['调解协议书.pdf', `${key}.PDF`, key.toUpperCase(), `${key}.abcdefghijk`, `${key}.pdf.gz`, '']) {
      expect(parseAttachmentPath(`${folder}/${last}`), last).toBeNull();
    }
    expect(parseAttachmentPath(`${folder}/${key}`)).toMatchObject({ key });
  });

  test('the folder of a record, or of one slot of it, is a prefix of its files', () => {
    const record = { orgId: org, kindId: 'mediation_cases', recordId: rec };
    expect(attachmentFolder(record)).toBe(`${org.toLowerCase()}/mediation_cases/${rec}/`);
    expect(attachmentFolder({ ...record, slot: 'site-photos' })).toBe(`${org.toLowerCase()}/mediation_cases/${rec}/site-photos/`);
    expect(attachmentPath({ ...record, slot: 'site-photos' }, 'a.jpg').startsWith(attachmentFolder(record))).toBe(true);
    expect(() => attachmentFolder({ ...record, slot: '' })).toThrow('附件类型');
    expect(() => attachmentFolder({ ...record, recordId: '../x' })).toThrow('记录编号');
  });
});

describe('safeFileName (the display name)', () => {
  test('keeps Chinese names, replaces slashes and control characters, trims', () => {
    expect(safeFileName(' 调解协议书（修订）.pdf ')).toBe('调解协议书（修订）.pdf');
    expect(safeFileName('a/b\\c\u0007.pdf')).toBe('a_b_c_.pdf');
  });

  test('keeps the last 255 characters, counted in code points', () => {
    const long = `${'调'.repeat(300)}.pdf`;
    expect(safeFileName(long)).toBe(`${'调'.repeat(251)}.pdf`);
    const emoji = `${'😀'.repeat(300)}.pdf`;
    const kept = safeFileName(emoji);
    expect([...kept]).toHaveLength(255);
    expect(kept.startsWith('😀')).toBe(true);
  });
});
