import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exceljsSheets } from './exceljs-sheets.test-helper.js';
import { readXlsxSheets } from './xlsx-reader.js';

/** A workbook put together part by part, as other office suites write them. */
function workbook(parts: { workbook: string; sheets: Record<string, string>; sharedStrings?: string; styles?: string; rels?: string; level?: 0 | 6 }): Uint8Array {
  const rels =
    parts.rels ??
    Object.keys(parts.sheets)
      .map((path, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${path}"/>`)
      .join('');
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8(parts.workbook),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
        `<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
  };
  if (parts.sharedStrings) files['xl/sharedStrings.xml'] = strToU8(parts.sharedStrings);
  if (parts.styles) files['xl/styles.xml'] = strToU8(parts.styles);
  for (const [path, xml] of Object.entries(parts.sheets)) files[`xl/${path}`] = strToU8(xml);
  return zipSync(files, { level: parts.level ?? 6 });
}

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const sheetXml = (rows: string, tail = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${ns}><sheetData>${rows}</sheetData>${tail}</worksheet>`;

describe('cases exceljs does not write', () => {
  test('Chinese built-in date formats in a 1904 workbook, ISO date cells, inline rich text with phonetic guides, escapes, prefixes, CDATA', () => {
    const bytes = workbook({
      workbook: `<workbook ${ns}><workbookPr date1904="true"/><sheets><sheet name="台账 &amp; 汇总" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="veryHidden" r:id="rId2"/></sheets></workbook>`,
      sheets: {
        'worksheets/sheet1.xml': sheetXml(
          // 31 is yyyy"年"m"月"d"日" in Chinese Excel: serial 43894 in the 1904 system is 2024-03-05.
          `<row r="1"><c r="A1" s="1"><v>43894</v></c><c r="B1" t="d"><v>2024-03-05T09:30:00</v></c><c r="C1" s="2"><v>45356.5</v></c></row>` +
            `<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>金沙</t></r><r><t xml:space="preserve">社区 </t></r><rPh sb="0" eb="2"><t>jinsha</t></rPh></is></c>` +
            `<c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="AB2" t="str"><f>A2</f><v><![CDATA[<金沙>]]></v></c></row>` +
            `<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="4"><x:c r="D4" t="e"><x:v>#REF!</x:v></x:c><x:c r="E4" t="b"><x:v>1</x:v></x:c></x:row>`,
        ),
        'worksheets/sheet2.xml': sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>不可见</t></is></c></row>'),
      },
      sharedStrings: `<sst ${ns}><si><t>第一行_x000D_第二行</t><rPh sb="0" eb="1"><t>di</t></rPh></si><si><r><t>调解</t></r><r><rPr><i/></rPr><t>成功</t></r></si></sst>`,
      styles: `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00&quot;元&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    });
    expect(readXlsxSheets(bytes)).toEqual([
      {
        name: '台账 & 汇总',
        rows: [
          [new Date(Date.UTC(2024, 2, 5)), new Date(Date.UTC(2024, 2, 5, 9, 30)), 45356.5],
          ['金沙社区 ', '第一行\r第二行', '调解成功', ...Array<null>(24).fill(null), '<金沙>'],
          [],
          [null, null, null, '#REF!', true],
        ],
      },
    ]);
  });

  test('a sheet larger than the pieces it is inflated in reads as exceljs reads it (tags and characters cut between pieces)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('热线');
    for (let i = 0; i < 6000; i++) ws.addRow([`金沙社区${i}`, i * 1.5, `RX2024-${i}`, new Date(Date.UTC(2024, 0, 1 + (i % 300), 9, 30)), i % 2 === 0, `诉求内容 &<> ${'长'.repeat(i % 40)}`]);
    for (const useSharedStrings of [true, false]) {
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings } as Partial<ExcelJS.XlsxWriteOptions>));
      expect(readXlsxSheets(bytes)).toEqual(await exceljsSheets(bytes));
    }
  }, 60_000);

  test('stored (uncompressed) parts are read too', () => {
    const bytes = workbook({
      level: 0,
      workbook: `<workbook ${ns}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      sheets: { 'worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>二</t></is></c></row>') },
    });
    expect(readXlsxSheets(bytes)).toEqual([{ name: '表', rows: [[1, '二']] }]);
  });

  test('a broken file is refused with a Chinese message naming what is wrong', () => {
    const good = workbook({ workbook: `<workbook ${ns}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`, sheets: { 'worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') } });
    expect(() => readXlsxSheets(good.subarray(0, good.length - 30))).toThrow(/找不到 ZIP 目录/);
    expect(() => readXlsxSheets(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/缺少 workbook.xml/);
    // The sheet's deflated data made to start with a block of the reserved type 11.
    const corrupt = good.slice();
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const local = corrupt.findIndex((_, i) => corrupt[i] === 0x50 && corrupt[i + 1] === 0x4b && corrupt[i + 2] === 3 && name.every((b, k) => corrupt[i + 30 + k] === b));
    corrupt[local + 30 + name.length + corrupt[local + 28]!] = 0b111;
    expect(() => readXlsxSheets(corrupt)).toThrow(/“xl\/worksheets\/sheet1.xml”已损坏，无法解压/);
  });
});

describe('what reading loads', () => {
  // The console reads ledgers in a Web Worker: exceljs (and JSZip under it) there cost 375 kB gzip.
  test('readLedger and the modules it imports never import exceljs', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/from 'exceljs'/);
      for (const m of source.matchAll(/^import (?!type )[^;]*? from '\.\/([\w-]+)\.js'/gm)) visit(`${m[1]}.ts`);
    };
    visit('read-ledger.ts');
    expect(seen).toContain('xlsx-reader.ts');
  });
});
