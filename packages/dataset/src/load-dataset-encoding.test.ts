import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError } from './dataset-error.js';
import { loadDataset } from './load-dataset.js';
import { gbkBytes, mediation, readText, sampleInput, tempDir, utf16Bytes, writeFiles } from './test-support.js';
import { writeDataset } from './write-dataset.js';

/** Files as people's tools save them (GBK, UTF-16, BOMs), and text that must not get through. */
let tmp: { path: string; cleanup: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  tmp = await tempDir();
  dir = join(tmp.path, 'ds');
  await writeDataset(dir, sampleInput());
});
afterEach(() => tmp.cleanup());

const problemLines = async (): Promise<string[]> => {
  const e = await loadDataset(dir).then(
    () => {
      throw new Error('expected loadDataset to fail');
    },
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DatasetError);
  return (e as DatasetError).message.split('\n').slice(1);
};

/** Rewrites every file of the dataset in another encoding. */
async function reencode(encode: (text: string) => Uint8Array): Promise<void> {
  for (const f of await readdir(dir)) await writeFile(join(dir, f), encode(await readText(dir, f)));
}

describe('loadDataset: encodings', () => {
  it('loads a dataset saved as GBK (Excel/WPS on Chinese Windows) exactly as the UTF-8 one', async () => {
    const expected = await loadDataset(dir);
    await reencode(gbkBytes);
    const ds = await loadDataset(dir);
    expect(ds.records).toEqual(expected.records);
    expect(ds.manifest).toEqual(expected.manifest);
    expect(ds.orgs.displayName('s1')).toBe('南沙街道');
    expect(ds.records.get('mediation_cases')![0]!.summary).toBe(mediation().summary);
  });

  it('loads UTF-16 LE and BE files with their BOM (Excel "Unicode text")', async () => {
    const expected = await loadDataset(dir);
    await reencode((t) => utf16Bytes(t, 'le'));
    expect((await loadDataset(dir)).records).toEqual(expected.records);
    await writeDataset(dir, sampleInput());
    await reencode((t) => utf16Bytes(t, 'be'));
    expect((await loadDataset(dir)).records).toEqual(expected.records);
  });

  it('refuses bytes no supported encoding reads, naming file, row and column, instead of storing U+FFFD', async () => {
    const csv = await readText(dir, 'orgs.csv');
    const bytes = gbkBytes(csv);
    // 0xFF is no lead byte in GBK/GB18030: put one into 蕉门社区's name (row 4, column 4).
    const at = Buffer.from(bytes).indexOf(Buffer.from(gbkBytes('蕉门社区居民')));
    const broken = Uint8Array.from([...bytes.subarray(0, at + 2), 0xff, ...bytes.subarray(at + 2)]);
    await writeFile(join(dir, 'orgs.csv'), broken);
    expect(await problemLines()).toEqual([
      'orgs.csv 第4行「机构名称」：含有无法按 GB18030 解码的字节：文件已损坏，或不是 UTF-8、GBK/GB18030、UTF-16 编码，请用 UTF-8 重新保存',
    ]);
  });

  it('refuses U+FFFD already in a file (text lost by an earlier conversion) and NUL characters', async () => {
    const csv = await readText(dir, 'publicity_events.csv');
    await writeFiles(dir, { 'publicity_events.csv': csv.replace('蕉门社区广场', '蕉门社区\uFFFD\uFFFD').replace('宪法宣传周进社区', '宪法\u0000宣传') });
    expect(await problemLines()).toEqual([
      'publicity_events.csv 第2行「活动名称」：含有空字符（U+0000），数据库无法保存：文件可能是不带 BOM 的 UTF-16 文件或二进制文件',
      'publicity_events.csv 第2行「活动地点」：含有替换字符“\uFFFD”：文件此前转换编码时已丢失了文字，请用原始文件重新导出',
    ]);
  });

  it('refuses a file mixing UTF-8 and GBK lines, naming the line', async () => {
    const lines = (await readText(dir, 'orgs.csv')).split('\n');
    const mixed = Uint8Array.from([...gbkBytes(lines.slice(0, 3).join('\n') + '\n'), ...new TextEncoder().encode(lines.slice(3).join('\n'))]);
    await writeFile(join(dir, 'orgs.csv'), mixed);
    expect(await problemLines()).toEqual(['orgs.csv 第4行：第4行是 UTF-8 编码，而文件其余部分是 GBK/GB18030 编码：请把整个文件另存为同一种编码（推荐 UTF-8）']);
  });

  it('refuses a manifest with undecodable text, naming line and character', async () => {
    const json = await readText(dir, 'dataset.json');
    await writeFile(join(dir, 'dataset.json'), Uint8Array.from([...gbkBytes(json.replace('样例数据', '样例')), 0x81, 0x0a]));
    const lines = await problemLines();
    expect(lines[0]).toMatch(/^dataset\.json 第\d+行：第\d+个字符含有无法按 GB18030 解码的字节/);
  });
});

describe('loadDataset: messages quote data safely', () => {
  it('escapes control characters from cells, so a message cannot drive the terminal', async () => {
    const csv = await readText(dir, 'publicity_events.csv');
    await writeFiles(dir, { 'publicity_events.csv': csv.replace(',community,', ',\u001b[2J\u001b[31mx\u009b,') });
    const lines = await problemLines();
    expect(lines).toHaveLength(1);
    for (const l of lines) {
      // eslint-disable-next-line no-control-regex -- no control character may get through
      expect(l).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(l).toContain('\\u001B[2J\\u001B[31mx\\u009B');
    }
  });
});

describe('loadDataset: dates outside the declared years', () => {
  it('warns (file, row, field) without failing; open-ended and in-force records are not flagged', async () => {
    const input = sampleInput();
    const records = input.records as Record<string, ReturnType<typeof mediation>[]>;
    records.publicity_events![1]!.heldOn = '2014-12-04';
    records.enforcement_officers![0]!.since = '2015-05-01'; // still in post (no 离岗日期): fine
    records.enforcement_officers![1]!.since = '2015-05-01';
    records.enforcement_officers![1]!.until = '2016-06-30'; // left before the years: flagged
    records.hotline_tickets![0] = { ...records.hotline_tickets![0]!, receivedAt: '2023-12-31T23:00:00+08:00' };
    await writeDataset(dir, { ...input, records, manifest: { ...input.manifest, years: [2024] } });
    const ds = await loadDataset(dir);
    expect(ds.warnings).toEqual([
      { file: 'enforcement_officers.csv', row: 3, field: '持证日期', key: 'since', message: '日期 2015-05-01 不在数据集声明的年度（2024）内（记录的其他日期也都不在），请检查是否录错' },
      { file: 'publicity_events.csv', row: 3, field: '活动日期', key: 'heldOn', message: '日期 2014-12-04 不在数据集声明的年度（2024）内（记录的其他日期也都不在），请检查是否录错' },
    ]);
    expect(ds.records.get('publicity_events')).toHaveLength(2);
  });
});
