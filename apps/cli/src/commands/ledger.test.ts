import { openDatabase } from '@fazhi/db';
import { pgliteBackend } from '@fazhi/db/testing';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper.js';

/** fazhi import / export / template on an embedded database holding a small org tree. */
const dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const street = '00000000-0000-4000-8000-0000000000a0';
const community = '00000000-0000-4000-8000-0000000000a1';

const header = '所属单位,案件编号,案件来源,纠纷类型,当事人,涉及人数（人）,涉及金额（万元）,受理时间,办理状态,结案日期,调解结果,协议形式,备注';
const good = ['金沙社区,调〔2024〕1号,当事人申请,邻里,张三、李四,2,1.5,2024/3/5,已结案,2024.3.20,调解成功,书面协议,漏水', '南沙街道,调〔2024〕2号,主动调解,合同,王五,1,,2024年3月6日,调解中,,,,'];
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${[header, ...lines].join('\r\n')}\r\n`);
  return path;
};

describe('fazhi import, export and template', () => {
  let url: string;
  beforeAll(async () => {
    url = await pgliteBackend.createUrl();
    const db = await openDatabase(url);
    await db.exec(`insert into public.org_units (id, parent_id, kind, code, name, short_name) values
      ('${street}', null, 'street', null, '广州市南沙区南沙街道办事处', '南沙街道'),
      ('${community}', '${street}', 'community', 'JS-01', '金沙社区居民委员会', '金沙社区')`);
    await db.close();
  }, 180_000);

  it('template writes the kind’s .xlsx template with its 填写说明 sheet', async () => {
    const out = join(dir, '模板.xlsx');
    const res = await runCli('template', '--kind', 'mediation_cases', '--out', out);
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('已生成人民调解案件导入模板');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['人民调解案件', '选项', '填写说明']);
    expect(wb.worksheets[0]!.getRow(2).values).toContain('*受理日期');
  });

  it('a file with a bad row imports nothing and exits 1, naming sheet, row and column', async () => {
    const bad = file('bad.csv', [...good, '金沙社区,调〔2024〕3号,主动调解,合同,赵六,2,,2024-02-30,已受理,,,,']);
    const res = await runCli('import', '--db', url, '--kind', 'mediation_cases', '--file', bad);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('工作表“bad”第 4 行 H 列（受理时间）');
    expect(res.stdout).toContain('“备注”不对应人民调解案件的任何字段');
    expect(res.stdout).toContain('读取 3 行人民调解案件，有效 2 行，错误 1 行。有错误，未导入任何记录');
    const exported = await runCli('export', '--db', url, '--kind', 'mediation_cases', '--out', join(dir, 'empty.csv'));
    expect(exported.stdout).toContain('已导出人民调解案件 0 条');
  });

  it('--dry-run validates only; then the import writes, and a second one stops on the duplicates', async () => {
    const ok = file('ok.csv', good);
    const dry = await runCli('import', '--db', url, '--kind', 'mediation_cases', '--file', ok, '--map', '备注=纠纷简要情况', '--dry-run');
    expect(dry.stdout).toContain('仅检查（--dry-run），未写入数据库');
    expect(dry.code).toBe(0);
    const res = await runCli('import', '--db', url, '--kind', '人民调解案件', '--file', ok, '--map', '备注=纠纷简要情况');
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('导入 2 条，更新 0 条，跳过 0 条');
    expect(res.code).toBe(0);
    const again = await runCli('import', '--db', url, '--kind', 'mediation_cases', '--file', ok, '--map', '备注=纠纷简要情况');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('以下案件编号重复');
    const skip = await runCli('import', '--db', url, '--kind', 'mediation_cases', '--file', ok, '--map', '备注=纠纷简要情况', '--on-duplicate', 'skip');
    expect(skip.stdout).toContain('导入 0 条，更新 0 条，跳过 2 条');
  });

  it('export writes the year’s records as .xlsx with title and 合计, and as CSV with a BOM', async () => {
    const xlsx = join(dir, '调解.xlsx');
    const res = await runCli('export', '--db', url, '--kind', 'mediation_cases', '--year', '2024', '--out', xlsx);
    expect(res.stdout).toContain('已导出人民调解案件 2 条');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('南沙街道2024年人民调解案件台账');
    expect(ws.getRow(5).getCell(1).value).toBe('合计（2宗）');
    const amount = ws.getRow(2).values as unknown[];
    expect(amount).toContain('涉及金额（元）');
    const csv = join(dir, '调解.csv');
    await runCli('export', '--db', url, '--kind', 'mediation_cases', '--year', '2023', '--out', csv);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFF所属单位,案件编号')).toBe(true);
  });

  it('--org takes a unit’s 机构编号 in export and metrics as in members and orgs, and names an unknown one', async () => {
    const exportOf = async (org: string) => {
      const out = join(dir, `调解-${org}.csv`);
      const res = await runCli('export', '--db', url, '--kind', 'mediation_cases', '--year', '2024', '--org', org, '--unmasked', '--out', out);
      return { res, text: res.code === 0 ? readFileSync(out, 'utf8') : '' };
    };
    const byCode = await exportOf('JS-01');
    expect(byCode.res).toMatchObject({ code: 0, stderr: '', stdout: expect.stringContaining('已导出人民调解案件 1 条') });
    expect(byCode.text).toContain('调〔2024〕1号');
    expect(byCode.text).toBe((await exportOf('金沙社区')).text);
    const metricsOf = (org: string) => runCli('metrics', '--db', url, '--year', '2024', '--org', org, '--format', 'json', '--only', 'mediation');
    const metricsByCode = await metricsOf('JS-01');
    expect(metricsByCode).toMatchObject({ code: 0, stderr: '' });
    expect(metricsByCode.stdout).toBe((await metricsOf(community)).stdout);
    expect((await runCli('members', 'list', '--db', url, '--org', 'JS-01')).code).toBe(0);
    for (const args of [['export', '--db', url, '--kind', 'mediation_cases', '--out', join(dir, 'x.csv')], ['metrics', '--db', url, '--year', '2024']]) {
      expect(await runCli(...args, '--org', 'JS-99')).toMatchObject({ code: 2, stderr: expect.stringContaining('--org：找不到机构“JS-99”') });
    }
  });

  it('refuses a bad --on-duplicate, an unknown kind and a malformed --map with exit code 2', async () => {
    expect((await runCli('import', '--db', url, '--kind', 'mediation_cases', '--file', 'x.csv', '--on-duplicate', 'merge')).code).toBe(2);
    const unknown = await runCli('template', '--kind', 'no_such', '--out', join(dir, 't.xlsx'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的记录类型“no_such”');
    expect((await runCli('import', '--db', url, '--kind', 'mediation_cases', '--file', 'x.csv', '--map', '备注')).stderr).toContain('--map 应写成“表头=字段”');
  });
});
