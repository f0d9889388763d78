import { rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError } from './dataset-error.js';
import { loadDataset } from './load-dataset.js';
import { readText, sampleInput, tempDir, writeFiles } from './test-support.js';
import { writeDataset } from './write-dataset.js';

let tmp: { path: string; cleanup: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  tmp = await tempDir();
  dir = join(tmp.path, 'ds');
  await writeDataset(dir, sampleInput());
});
afterEach(() => tmp.cleanup());

/** Loads `dir` expecting failure; returns the problem lines of the message (headline dropped). */
async function failures(): Promise<{ lines: string[]; error: DatasetError }> {
  const error = await loadDataset(dir).then(
    () => {
      throw new Error('expected loadDataset to fail');
    },
    (e: unknown) => e as DatasetError,
  );
  expect(error).toBeInstanceOf(DatasetError);
  const [headline, ...lines] = error.message.split('\n');
  expect(headline).toMatch(new RegExp(`^数据集“[^”]+”有 ${error.problems.length} 处错误：$`));
  expect(lines).toHaveLength(error.problems.length);
  return { lines, error };
}

/** Replaces a line (1-based, as a spreadsheet numbers rows) of a file in the dataset. */
async function editLine(file: string, line: number, edit: (text: string) => string): Promise<void> {
  const lines = (await readText(dir, file)).split('\n');
  lines[line - 1] = edit(lines[line - 1]!);
  await writeFiles(dir, { [file]: lines.join('\n') });
}

describe('loadDataset', () => {
  it('loads a valid folder, tolerating a BOM, CRLF line endings, labels for codes and blank lines', async () => {
    const csv = await readText(dir, 'publicity_events.csv');
    const edited = `\uFEFF${csv.replace(',community,', ',进社区,').replace(/\n/g, '\r\n')}\r\n`;
    await writeFiles(dir, { 'publicity_events.csv': edited });
    const ds = await loadDataset(dir);
    expect(ds.manifest.rootOrgId).toBe('s1');
    expect(ds.orgs.displayName('s1')).toBe('南沙街道');
    expect(ds.records.get('publicity_events')?.map((r) => r.format)).toEqual(['community', 'community']);
    const mediation = ds.records.get('mediation_cases')!;
    expect(mediation).toHaveLength(2);
    expect(mediation[1]!.deletedAt).toBe('2024-05-01T09:00:00+08:00');
  });

  it('reports missing manifest, orgs and listed kind files', async () => {
    await rm(join(dir, 'dataset.json'));
    await rm(join(dir, 'orgs.csv'));
    await rm(join(dir, 'officer_trainings.csv'));
    const { lines } = await failures();
    // Without a manifest the kind files present are still checked; the trainings file is absent,
    // so its references are not; nothing else is wrong.
    expect(lines).toEqual(['dataset.json：文件不存在', 'orgs.csv：文件不存在']);

    await writeDataset(dir, sampleInput());
    await rm(join(dir, 'officer_trainings.csv'));
    expect((await failures()).lines).toEqual(['officer_trainings.csv：文件不存在（dataset.json 列出了“执法人员培训”）']);
  });

  it('reports a malformed manifest: bad JSON, wrong values, unknown kind ids and root org', async () => {
    await writeFiles(dir, { 'dataset.json': '{ "name": "x", ' });
    expect((await failures()).lines[0]).toMatch(/^dataset\.json：不是有效的 JSON：/);

    await writeFiles(dir, {
      'dataset.json': JSON.stringify({ name: 'sample', label: '', rootOrgId: 'nowhere', years: [2024, 'x'], kinds: ['mediation_cases', 'quarrels'], colour: 1 }),
    });
    expect((await failures()).lines).toEqual([
      'dataset.json：存在未定义的项“colour”，允许的项为：name、label、rootOrgId、years、description、kinds、ledgerSpan、orgLedgerSpans',
      'dataset.json「名称」：“label”应为非空文本',
      'dataset.json「年度」：年份“x”无效，应为四位数年份',
      'dataset.json「记录类型」：未知的记录类型“quarrels”',
      'dataset.json「根机构」：机构“nowhere”不在 orgs.csv 中',
    ]);
  });

  it('applies the ledger span (建账起止) to the roots and per-org spans to their units, and writes them back', async () => {
    const input = sampleInput();
    const manifest = { ...input.manifest, ledgerSpan: { from: '2023-01-01', to: null }, orgLedgerSpans: { c1: { from: '2023-07-01', to: '2024-12-31' } } };
    await writeDataset(dir, { ...input, manifest });
    const ds = await loadDataset(dir);
    expect(ds.manifest.ledgerSpan).toEqual({ from: '2023-01-01', to: null });
    expect(ds.orgs.get('d1').ledgerSpan).toEqual({ from: '2023-01-01', to: null });
    expect(ds.orgs.ledgerSpan('e1')).toEqual({ from: '2023-01-01', to: null }); // inherited from the root
    expect(ds.orgs.ledgerSpan('m1')).toEqual({ from: '2023-07-01', to: '2024-12-31' }); // c1's, inherited
    expect(ds.orgs.ledgerSpan('s1')).toEqual({ from: '2023-07-01', to: '2024-12-31' }); // complete where all its units are
    expect(JSON.parse(await readText(dir, 'dataset.json'))).toMatchObject({ ledgerSpan: { from: '2023-01-01', to: null }, orgLedgerSpans: { c1: { from: '2023-07-01', to: '2024-12-31' } } });
  });

  it('reports a malformed ledger span, naming the item and the org', async () => {
    const base = JSON.parse(await readText(dir, 'dataset.json'));
    await writeFiles(dir, {
      'dataset.json': JSON.stringify({ ...base, ledgerSpan: { from: '2023-02-29' }, orgLedgerSpans: { c1: { from: '2024-01-01', to: '2023-12-31' }, nowhere: { from: '2024-01-01', to: null }, e1: '2024' } }),
    });
    expect((await failures()).lines).toEqual([
      'dataset.json「建账起止」：“ledgerSpan”：建账起始日“2023-02-29”无效，应为 YYYY-MM-DD 格式的实际日期',
      'dataset.json「各机构建账起止」：“orgLedgerSpans”中机构“c1”：建账截止日 2023-12-31 早于起始日 2024-01-01',
      'dataset.json「各机构建账起止」：“orgLedgerSpans”中机构“e1”：应为 {"from": "2023-01-01", "to": null}（起始日必填，截止日为 null 表示仍在记录）',
      'dataset.json「各机构建账起止」：机构“nowhere”不在 orgs.csv 中',
    ]);
  });

  it('reports CSV syntax errors with their row, counting records rather than lines', async () => {
    // Row 2 holds a quoted newline, so the stray quote on the 4th line is in spreadsheet row 3.
    await editLine('mediation_cases.csv', 4, (l) => l.replace('mc2,', 'mc"2,'));
    expect((await failures()).lines).toEqual([
      'mediation_cases.csv 第3行：CSV 格式错误：单元格中间出现了引号；含引号的单元格应整体用英文双引号括起，内部引号写作两个双引号',
    ]);

    await writeDataset(dir, sampleInput());
    await editLine('hotline_tickets.csv', 2, (l) => l.replace(',陈先生,', ',"陈先生,'));
    expect((await failures()).lines).toEqual(['hotline_tickets.csv 第2行：CSV 格式错误：引号没有闭合（此后的内容无法可靠读取，未检查）']);
  });

  it('reports headers missing a required column or having unknown ones, and wrong cell counts', async () => {
    await editLine('enforcement_officers.csv', 1, (l) => l.replace('certificateNo', 'certificate').replace(',until', ',until,remark'));
    await editLine('publicity_events.csv', 3, (l) => `${l},多余`);
    await editLine('orgs.csv', 1, (l) => l.replace(',shortName', ''));
    expect((await failures()).lines).toEqual([
      'orgs.csv 第2行：有 5 个单元格，应与表头一致为 4 个',
      'orgs.csv 第3行：有 5 个单元格，应与表头一致为 4 个',
      'orgs.csv 第4行：有 5 个单元格，应与表头一致为 4 个',
      'orgs.csv 第5行：有 5 个单元格，应与表头一致为 4 个',
      'orgs.csv 第6行：有 5 个单元格，应与表头一致为 4 个',
      'enforcement_officers.csv 第1行：未知的列“certificate”，允许的列为：id、orgId、deletedAt、name、certificateNo、unit、position、since、until',
      'enforcement_officers.csv 第1行：未知的列“remark”，允许的列为：id、orgId、deletedAt、name、certificateNo、unit、position、since、until',
      'enforcement_officers.csv 第1行「执法证号」：缺少必需的列“certificateNo”',
      'enforcement_officers.csv 第2行：有 9 个单元格，应与表头一致为 10 个',
      'enforcement_officers.csv 第3行：有 9 个单元格，应与表头一致为 10 个',
      'publicity_events.csv 第3行：有 12 个单元格，应与表头一致为 11 个',
    ]);
  });

  it('accepts a header without optional columns, in any order', async () => {
    const csv = await readText(dir, 'enforcement_officers.csv');
    const rows = csv.trimEnd().split('\n').map((l) => l.split(','));
    const keep = ['name', 'id', 'certificateNo', 'orgId', 'since'];
    const idx = keep.map((k) => rows[0]!.indexOf(k));
    await writeFiles(dir, { 'enforcement_officers.csv': `${rows.map((r) => idx.map((i) => r[i]).join(',')).join('\n')}\n` });
    const ds = await loadDataset(dir);
    expect(ds.records.get('enforcement_officers')![1]).toMatchObject({ id: 'o2', name: '林二', until: null, unit: null });
  });

  it('reports coercion errors (wrong type, unknown enum value) and schema rule errors per cell', async () => {
    // Each sample mediation case spans two lines (its summary holds a newline): rows 2 and 3.
    await editLine('mediation_cases.csv', 5, (l) => l.replace(',2,,', ',两人,,').replace(',mediating,', ',调解完毕,'));
    await editLine('mediation_cases.csv', 3, (l) => l.replace(',1250050,', ',12500.50,').replace('2024-03-10', '2024-02-10'));
    await editLine('publicity_events.csv', 2, (l) => l.replace('constitution;civil_code', 'constitution;tax_law'));
    await editLine('hotline_tickets.csv', 3, (l) => l.replace(',complaint,', ',,').replace('2024-01-06T08:15:00+08:00', '2024-01-06 25:00'));
    await editLine('enforcement_officers.csv', 3, (l) => l.replace('2024-06-30', '2019-06-30'));
    const { lines, error } = await failures();
    expect(lines).toEqual([
      'mediation_cases.csv 第2行「涉及金额」：应为金额（以分为单位的整数）（收到“12500.50”）',
      'mediation_cases.csv 第2行「结案日期」：不能早于「受理日期」',
      'mediation_cases.csv 第3行「涉及人数」：应为整数（收到“两人”）',
      'mediation_cases.csv 第3行「办理状态」：值“调解完毕”无效，应为：“已受理”(accepted)、“调解中”(mediating)、“已结案”(closed)、“已回访”(followed_up)',
      'enforcement_officers.csv 第3行「离岗日期」：不能早于「持证日期」',
      'publicity_events.csv 第2行「宣传法律法规」：值“tax_law”无效，应为：“宪法”(constitution)、“民法典”(civil_code)、“公司法”(company_law)、“行政处罚法”(administrative_penalty_law)、“反电信网络诈骗法”(anti_fraud_law)、“未成年人保护法”(minors_protection_law)、“劳动法律法规”(labour_law)、“国家安全法”(national_security_law)、“安全生产法”(work_safety_law)、“其他法律法规”(other)',
      'hotline_tickets.csv 第3行「诉求类型」：为必填项',
      'hotline_tickets.csv 第3行「办理时限」：应为日期时间，格式如 2024-03-05 09:30（收到“2024-01-06 25:00”）',
    ]);
    expect(error.problems[0]).toEqual({ file: 'mediation_cases.csv', row: 2, field: '涉及金额', key: 'amount', message: '「涉及金额」应为金额（以分为单位的整数）（收到“12500.50”）' });
  });

  it('reports duplicate ids, unknown org ids and dangling references', async () => {
    await editLine('mediation_cases.csv', 4, (l) => l.replace('mc2,m1,', 'mc1,c9,'));
    await editLine('officer_trainings.csv', 3, (l) => l.replace(',o2,', ',o7,'));
    expect((await failures()).lines).toEqual([
      'mediation_cases.csv 第3行「编号」：编号“mc1”重复（与第2行相同）',
      'mediation_cases.csv 第3行「所属机构」：机构“c9”不在 orgs.csv 中',
      'officer_trainings.csv 第3行「执法人员」：引用的记录“o7”在 enforcement_officers.csv 中不存在',
    ]);
  });

  it('reports org tree errors with their rows', async () => {
    await editLine('orgs.csv', 4, (l) => l.replace('c1,s1,community', 'c1,zz,community'));
    await editLine('orgs.csv', 6, (l) => l.replace('e1,s1,department', 'e1,c1,department'));
    await editLine('orgs.csv', 3, (l) => l.replace(',street,', ',township,'));
    const { lines } = await failures();
    expect(lines).toEqual([
      'orgs.csv 第3行「机构类型」：值“township”无效，应为：“区”(district)、“街道”(street)、“镇”(town)、“社区”(community)、“村”(village)、“人民调解委员会”(mediation_committee)、“部门”(department)',
      'orgs.csv 第4行：机构“蕉门社区居民委员会”（c1）的上级“zz”不存在',
      'orgs.csv 第6行：机构“综合行政执法队”（e1）的类型不能位于“社区”之下',
    ]);
  });

  it('collects every problem of every file in one error, in file and row order', async () => {
    await writeFiles(dir, { 'dataset.json': (await readText(dir, 'dataset.json')).replace('"sample"', '""') });
    await editLine('orgs.csv', 5, (l) => l.replace('mediation_committee', ''));
    await editLine('mediation_cases.csv', 3, (l) => l.replace(',success,', ',win,'));
    await editLine('mediation_cases.csv', 4, (l) => l.replace(',2024-05-01T09:00:00+08:00,', ',deleted,'));
    await editLine('officer_trainings.csv', 2, (l) => l.replace(',8,', ',0,'));
    await editLine('officer_trainings.csv', 3, (l) => l.replace(',12,', ',1.5,'));
    await editLine('hotline_tickets.csv', 2, (l) => l.replace(',phone,', ',fax,'));
    const { lines, error } = await failures();
    expect(lines).toEqual([
      'dataset.json「编号」：“name”应为非空文本',
      'orgs.csv 第5行「机构类型」：为必填项',
      'mediation_cases.csv 第2行「调解结果」：值“win”无效，应为：“调解成功”(success)、“调解不成功”(failure)、“终止调解”(terminated)',
      'mediation_cases.csv 第3行「删除时间」：应为日期时间',
      'officer_trainings.csv 第2行「培训学时」：不能小于1',
      'officer_trainings.csv 第3行「培训学时」：应为整数（收到“1.5”）',
      'hotline_tickets.csv 第2行「来源渠道」：值“fax”无效，应为：“电话”(phone)、“网站”(web)、“微信”(wechat)、“移动客户端”(app)、“其他”(other)',
    ]);
    expect(error.problems).toHaveLength(7);
    expect(error.message.startsWith('数据集“样例数据”有 7 处错误：\n')).toBe(true);
  });

  it('fails clearly on a folder that does not exist', async () => {
    dir = join(tmp.path, 'missing');
    const e = (await loadDataset(dir).catch((x: unknown) => x)) as DatasetError;
    expect(e.message).toBe(`数据集“missing”有 1 处错误：\n${dir}：文件夹不存在`);
  });

  it('names a file or a symlink loop given where the folder should be', async () => {
    const file = join(tmp.path, 'ds', 'dataset.json');
    expect(((await loadDataset(file).catch((x: unknown) => x)) as DatasetError).message).toBe(`数据集“dataset.json”有 1 处错误：\n${file}：不是文件夹`);
    const loop = join(tmp.path, 'loop');
    await symlink(loop, loop);
    expect(((await loadDataset(loop).catch((x: unknown) => x)) as DatasetError).message).toBe(`数据集“loop”有 1 处错误：\n${loop}：是循环的符号链接，无法读取`);
  });
});
