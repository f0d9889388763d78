import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyRecord, OrgUnit } from '@fazhi/domain';
import { DatasetError } from './dataset-error.js';
import { loadDataset } from './load-dataset.js';
import { mediation, readText, sampleInput, tempDir, training, writeFiles } from './test-support.js';
import { writeDataset } from './write-dataset.js';

let tmp: { path: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.cleanup());

describe('writeDataset', () => {
  it('round-trips: what is written loads back equal, and rewriting it is byte-identical', async () => {
    const dir = join(tmp.path, 'ds');
    const input = sampleInput();
    await writeDataset(dir, input);
    const loaded = await loadDataset(dir);
    expect(loaded.manifest).toEqual(input.manifest);
    expect([...loaded.orgs.units.values()]).toEqual(input.orgs);
    for (const [kind, records] of Object.entries(input.records)) expect(loaded.records.get(kind)).toEqual(records);

    const again = join(tmp.path, 'again');
    await writeDataset(again, loaded);
    for (const f of await readdir(dir)) expect(await readText(again, f)).toBe(await readText(dir, f));
  });

  it('writes canonical cells: fen, codes, `;` sets, true/false, quoting only where needed, \\n endings', async () => {
    const dir = join(tmp.path, 'ds');
    await writeDataset(dir, sampleInput());
    const mediationCsv = await readText(dir, 'mediation_cases.csv');
    // Every CSV starts with a UTF-8 BOM, so Excel on Chinese Windows does not read it as GBK.
    for (const f of await readdir(dir)) if (f.endsWith('.csv')) expect([...(await readFile(join(dir, f))).subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
    expect(mediationCsv.split('\n')[0]).toBe(
      'id,orgId,deletedAt,caseNo,source,disputeType,summary,partyNames,partyIdNumbers,partyPhones,partiesCount,amount,mediator,acceptedOn,status,closedOn,result,agreementForm,performance,followUpOn,satisfaction,preventedCriminal,preventedPetition,counselInvolved',
    );
    expect(mediationCsv).toContain('mc1,m1,,南沙调〔2024〕第0001号,party_application,neighbourhood,"楼上漏水，""协商""未果,\n请求调解",张三、李四,,,2,1250050,王五,2024-03-01,closed,2024-03-10,success,written,fulfilled,,,false,,\n');
    expect(mediationCsv).not.toContain('\r');
    expect(await readText(dir, 'publicity_events.csv')).toContain(',community,constitution;civil_code,120,,\n');
    expect(await readText(dir, 'hotline_tickets.csv')).toContain(',2024-01-01T08:15:00+08:00,2024-01-06T08:15:00+08:00,,,\n');
    expect(await readText(dir, 'dataset.json')).toBe(
      '{\n  "name": "sample",\n  "label": "样例数据",\n  "rootOrgId": "s1",\n  "years": [\n    2024\n  ],\n  "description": "测试用",\n  "kinds": [\n    "mediation_cases",\n    "enforcement_officers",\n    "officer_trainings",\n    "publicity_events",\n    "hotline_tickets"\n  ]\n}\n',
    );
    expect((await readText(dir, 'orgs.csv')).split('\n').slice(0, 2)).toEqual(['id,parentId,kind,name,shortName', 'd1,,district,广州市南沙区,南沙区']);
  });

  it('leaves the old folder intact and no temp folder behind when a record cannot be written', async () => {
    const dir = join(tmp.path, 'ds');
    await writeDataset(dir, sampleInput());
    await writeFiles(dir, { 'README.md': '说明' });
    const before = Object.fromEntries(await Promise.all((await readdir(dir)).map(async (f) => [f, await readText(dir, f)] as const)));

    const bad = sampleInput();
    const records = bad.records as Record<string, unknown[]>;
    records.mediation_cases = [mediation({ caseNo: '新的案号' })];
    // The last kind fails after the earlier files were already written to the temp folder.
    records.hotline_tickets = [{ ...(records.hotline_tickets![0] as object), receivedAt: 'yesterday' }];
    const err = await writeDataset(dir, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).message).toContain('hotline_tickets.csv 第2行「派单时间」：应为日期时间');
    expect((err as DatasetError).message).toMatch(/^数据集“样例数据”有 1 处错误，未写入：/);

    const after = Object.fromEntries(await Promise.all((await readdir(dir)).map(async (f) => [f, await readText(dir, f)] as const)));
    expect(after).toEqual(before);
    expect(await readdir(dirname(dir))).toEqual(['ds']);
  });

  it('keeps files it does not own (README) and drops stale kind files when replacing a folder', async () => {
    const dir = join(tmp.path, 'ds');
    await writeFiles(dir, { 'README.md': '# 说明\n', 'court_hearings.csv': 'id,orgId\n' });
    await writeDataset(dir, sampleInput());
    const files = (await readdir(dir)).sort();
    expect(files).toContain('README.md');
    expect(files).not.toContain('court_hearings.csv');
    expect(await readText(dir, 'README.md')).toBe('# 说明\n');
  });

  it('refuses dangling references, unknown orgs, duplicates and unlisted kinds, listing them all', async () => {
    const input = sampleInput();
    const records = input.records as Record<string, unknown[]>;
    records.officer_trainings = [training('t1', 'nobody'), training('t1', 'o1', { orgId: 'x9' })];
    records.court_hearings = [{ id: 'ch1' }];
    const err = (await writeDataset(join(tmp.path, 'ds'), input).catch((e: unknown) => e)) as DatasetError;
    expect(err).toBeInstanceOf(DatasetError);
    expect(err.message.split('\n').slice(1)).toEqual([
      'dataset.json「记录类型」：有“court_hearings”的记录，但“kinds”未列出该类型',
      'officer_trainings.csv 第2行「执法人员」：引用的记录“nobody”在 enforcement_officers.csv 中不存在',
      'officer_trainings.csv 第3行「编号」：编号“t1”重复（与第2行相同）',
      'officer_trainings.csv 第3行「所属机构」：机构“x9”不在 orgs.csv 中',
    ]);
    expect(await readdir(tmp.path)).toEqual([]);
  });

  it('refuses text it could not write faithfully (NUL, U+FFFD, a lone surrogate), naming file, row and field', async () => {
    const input = sampleInput();
    input.orgs = (input.orgs as OrgUnit[]).map((u) => (u.id === 'c1' ? { ...u, shortName: '蕉门\uD800' } : u));
    const records = input.records as Record<string, AnyRecord[]>;
    records.mediation_cases![1] = { ...records.mediation_cases![1]!, mediator: '王\u0000五', summary: '漏水\uFFFD' };
    const err = (await writeDataset(join(tmp.path, 'ds'), input).catch((e: unknown) => e)) as DatasetError;
    expect(err).toBeInstanceOf(DatasetError);
    expect(err.message.split('\n').slice(1)).toEqual([
      'orgs.csv 第4行「简称」：含有不成对的 UTF-16 代理字符，无法保存为 UTF-8：文本可能在复制时被截断，请重新输入',
      'mediation_cases.csv 第3行「纠纷简要情况」：含有替换字符“\uFFFD”：文件此前转换编码时已丢失了文字，请用原始文件重新导出',
      'mediation_cases.csv 第3行「调解员」：含有空字符（U+0000），数据库无法保存：文件可能是不带 BOM 的 UTF-16 文件或二进制文件',
    ]);
    expect(await readdir(tmp.path)).toEqual([]);
  });
});
