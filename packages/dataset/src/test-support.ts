// Shared fixtures for this package's tests (excluded from the published files).
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyRecord, OrgUnit } from '@fazhi/domain';
import type { DatasetInput } from './types.js';

export async function tempDir(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'fazhi-dataset-'));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

/** A file's text as a person edits it: without the UTF-8 byte order mark the writer puts first. */
export const readText = async (dir: string, name: string) => (await readFile(join(dir, name), 'utf8')).replace(/^\uFEFF/, '');

export const orgs: OrgUnit[] = [
  { id: 'd1', parentId: null, kind: 'district', name: '广州市南沙区', shortName: '南沙区' },
  { id: 's1', parentId: 'd1', kind: 'street', name: '南沙街道办事处', shortName: '南沙街道' },
  { id: 'c1', parentId: 's1', kind: 'community', name: '蕉门社区居民委员会', shortName: '蕉门社区' },
  { id: 'm1', parentId: 'c1', kind: 'mediation_committee', name: '蕉门社区人民调解委员会', shortName: null },
  { id: 'e1', parentId: 's1', kind: 'department', name: '综合行政执法队', shortName: null },
];

export const mediation = (over: Partial<AnyRecord> = {}): AnyRecord => ({
  id: 'mc1',
  orgId: 'm1',
  deletedAt: null,
  caseNo: '南沙调〔2024〕第0001号',
  source: 'party_application',
  disputeType: 'neighbourhood',
  summary: '楼上漏水，"协商"未果,\n请求调解',
  partyNames: '张三、李四',
  partyIdNumbers: null,
  partyPhones: null,
  partiesCount: 2,
  amount: 1_250_050,
  mediator: '王五',
  acceptedOn: '2024-03-01',
  status: 'closed',
  closedOn: '2024-03-10',
  result: 'success',
  agreementForm: 'written',
  performance: 'fulfilled',
  followUpOn: null,
  satisfaction: null,
  preventedCriminal: false,
  preventedPetition: null,
  counselInvolved: null,
  ...over,
});

export const officer = (id: string, over: Partial<AnyRecord> = {}): AnyRecord => ({
  id,
  orgId: 'e1',
  deletedAt: null,
  name: '陈一',
  certificateNo: `4401150000${id.slice(-2)}`,
  unit: '综合行政执法队',
  position: null,
  since: '2020-05-01',
  until: null,
  ...over,
});

export const training = (id: string, officerId: string, over: Partial<AnyRecord> = {}): AnyRecord => ({
  id,
  orgId: 'e1',
  deletedAt: null,
  officerId,
  course: '行政处罚法专题培训',
  trainedOn: '2024-04-02',
  hours: 8,
  format: 'classroom',
  sessionNo: null,
  ...over,
});

export const event = (id: string, over: Partial<AnyRecord> = {}): AnyRecord => ({
  id,
  orgId: 's1',
  deletedAt: null,
  title: '宪法宣传周进社区',
  heldOn: '2024-12-04',
  place: '蕉门社区广场',
  format: 'community',
  laws: ['constitution', 'civil_code'],
  audience: 120,
  organizer: null,
  materialsDistributed: null,
  ...over,
});

export const ticket = (id: string, over: Partial<AnyRecord> = {}): AnyRecord => ({
  id,
  orgId: 'e1',
  deletedAt: null,
  ticketNo: 'GZ24010100001',
  channel: 'phone',
  kind: 'complaint',
  topic: 'city_appearance',
  summary: null,
  callerName: '陈先生',
  callerPhone: '13800000000',
  department: '综合行政执法队',
  receivedAt: '2024-01-01T08:15:00+08:00',
  dueAt: '2024-01-06T08:15:00+08:00',
  closedAt: '2024-01-03T16:40:00+08:00',
  satisfaction: 'satisfied',
  stage: null,
  ...over,
});

export function sampleInput(): DatasetInput {
  return {
    manifest: {
      name: 'sample',
      label: '样例数据',
      rootOrgId: 's1',
      years: [2024],
      description: '测试用',
      kinds: ['mediation_cases', 'enforcement_officers', 'officer_trainings', 'publicity_events', 'hotline_tickets'],
    },
    orgs,
    records: {
      mediation_cases: [mediation(), mediation({ id: 'mc2', caseNo: '南沙调〔2024〕第0002号', status: 'mediating', closedOn: null, result: null, agreementForm: null, performance: null, amount: null, deletedAt: '2024-05-01T09:00:00+08:00' })],
      enforcement_officers: [officer('o1'), officer('o2', { name: '林二', until: '2024-06-30' })],
      officer_trainings: [training('t1', 'o1'), training('t2', 'o2', { hours: 12 })],
      publicity_events: [event('p1'), event('p2', { laws: [], audience: null })],
      hotline_tickets: [ticket('h1'), ticket('h2', { ticketNo: 'GZ24010100002', closedAt: null, satisfaction: null })],
    },
  };
}

/**
 * Text as Excel or WPS saves it on Chinese Windows (GBK, the two-byte part of GB18030). The table
 * is Node's own GB18030 decoder read backwards; `gbkBytes('调解')` is B5 F7 BD E2 as in the GBK
 * standard (checked in text-encoding.test.ts), so the bytes are real, not a round trip of our code.
 */
export function gbkBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = gbkTable().get(ch);
      if (!pair) throw new Error(`“${ch}”不在 GBK 中`);
      out.push(...pair);
    }
  }
  return Uint8Array.from(out);
}

let table: Map<string, [number, number]> | undefined;
function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(Uint8Array.from([lead, trail]));
      } catch {
        continue;
      }
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/** Every CJK ideograph GBK can encode (about 20,900), for property tests. */
export function gbkIdeographs(): string[] {
  return [...gbkTable().keys()].filter((ch) => /[\u4e00-\u9fff]/.test(ch));
}

/** GB2312's 6,763 hanzi (GBK lead bytes B0–F7, trail A1–FE): the characters of everyday text. */
export function gb2312Ideographs(): string[] {
  return [...gbkTable()].filter(([ch, [lead, trail]]) => lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && /[\u4e00-\u9fff]/.test(ch)).map(([ch]) => ch);
}

/** UTF-16 (as Excel's "Unicode text" saves it) with its byte order mark. */
export function utf16Bytes(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = [...(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out.push(...(endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
}
