import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeXml, docxText } from './docx-text.js';
import { renderDocx, widthInChars } from './render-docx.js';
import { sampleReport } from './sample-report.test-helper.js';

let docx: Uint8Array;
let zip: JSZip;
let documentXml: string;

beforeAll(async () => {
  docx = await renderDocx(sampleReport());
  zip = await JSZip.loadAsync(docx);
  documentXml = await part('word/document.xml');
});

async function part(name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`missing part ${name}`);
  return file.async('string');
}

/** The XML of the one body paragraph whose text starts with `start`. */
function paragraphStarting(start: string): string {
  const found = (documentXml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? []).filter((p) =>
    decodeXml([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).startsWith(start),
  );
  expect(found, `paragraphs starting with ${start}`).toHaveLength(1);
  return found[0] ?? '';
}

/** Attributes of every `<tag …>` element in `xml`, without the `w:` prefix, so order does not matter. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`, 'g'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!.replace(/^w:/, ''), a[2]!])),
  );
}

/** Expects `xml` to hold a `<tag>` with at least these attribute values. */
function expectElement(xml: string, tag: string, attributes: Record<string, string>): void {
  expect(elements(xml, tag)).toContainEqual(expect.objectContaining(attributes));
}

/** Every run in `xml` names `name` for all four script slots. */
function expectFont(xml: string, name: string): void {
  const fonts = elements(xml, 'w:rFonts');
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f).toEqual({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
}

const EXACT_28PT = { line: '560', lineRule: 'exact' };

describe('renderDocx', () => {
  it('is a zip package with the parts Word needs', () => {
    expect(Buffer.from(docx.subarray(0, 4)).toString('latin1')).toBe('PK\x03\x04');
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']) {
      expect(zip.file(name), name).not.toBeNull();
    }
  });

  it('sets an A4 page with the 公文 margins in twips', () => {
    expectElement(documentXml, 'w:pgSz', { w: '11906', h: '16838' });
    // 37, 26, 35, 28 mm at 1440/25.4 twips per mm.
    expectElement(documentXml, 'w:pgMar', { top: '2098', right: '1474', bottom: '1984', left: '1587' });
  });

  it('sets the title in 22 pt 方正小标宋简体, centred', () => {
    const title = paragraphStarting('南沙街道2024年法治政府建设年度报告');
    expect(title).toContain('<w:pStyle w:val="Title"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expectFont(title, '方正小标宋简体');
    expect(title).toContain('<w:sz w:val="44"/>');
  });

  it('sets body text in 16 pt 仿宋_GB2312 on the 28-character pitch, exactly 28 pt lines, two-character indent, justified', () => {
    const body = paragraphStarting('全年各级人民调解组织受理矛盾纠纷242宗');
    expectElement(body, 'w:spacing', { ...EXACT_28PT, before: '0', after: '0' });
    // 16 pt type advancing 15.75 pt (−0.25 pt = −5 twips): 28 characters fill the 156 mm line.
    expectElement(body, 'w:spacing', { val: '-5' });
    expect(elements(body, 'w:ind')).toEqual([{ firstLine: '630' }]);
    expect(body).toContain('<w:widowControl w:val="false"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
    expectFont(body, '仿宋_GB2312');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).not.toContain('<w:highlight');
    // Figures are plain runs inside the sentence.
    expect(body).toContain('>242宗</w:t>');
    expect(body).toContain('“调解&lt;诉讼”理念与“访调对接&amp;诉调对接”');
  });

  it('sets heading levels in 黑体, 楷体_GB2312 and bold 仿宋 with outline styles', () => {
    const h1 = paragraphStarting('一、2024年推进法治政府建设');
    expect(h1).toContain('<w:pStyle w:val="Heading1"/>');
    expectFont(h1, '黑体');
    expectElement(h1, 'w:spacing', EXACT_28PT);
    expect(elements(h1, 'w:ind')).toEqual([{ firstLine: '630' }]);
    expect(h1).toContain('<w:keepNext/>');
    const h2 = paragraphStarting('（一）多元化解矛盾纠纷');
    expect(h2).toContain('<w:pStyle w:val="Heading2"/>');
    expectFont(h2, '楷体_GB2312');
    const h3 = paragraphStarting('1.法律援助');
    expect(h3).toContain('<w:pStyle w:val="Heading3"/>');
    expectFont(h3, '仿宋_GB2312');
    expect(h3).toMatch(/<w:b\/>/);
    expectFont(paragraphStarting('二、存在的不足和原因'), '黑体');
  });

  it('highlights missing narrative in yellow', () => {
    const missing = paragraphStarting('【待补充】请概述');
    expect(missing).toContain('<w:highlight w:val="yellow"/>');
  });

  it('draws bordered tables in 12 pt with a bold repeating header row', () => {
    const table = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
      expectElement(table, `w:${side}`, { val: 'single', sz: '4', color: '000000' });
    }
    expectFont(table, '仿宋_GB2312');
    const [header, ...rows] = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(header).toContain('<w:tblHeader/>');
    expect(header).toContain('<w:b/>');
    expect(header).toContain('<w:sz w:val="24"/>');
    expect(rows[0]).not.toContain('<w:b/>');
    expect(rows[0]).toContain('>含调解|回访</w:t>');
    expect(paragraphStarting('表1 2024年人民调解案件分类统计')).toContain('<w:keepNext/>');
  });

  it('right-aligns the signature, date four characters in', () => {
    const org = paragraphStarting('广州市南沙区人民政府南沙街道办事处');
    const date = paragraphStarting('2025年1月20日');
    expect(org).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('<w:jc w:val="right"/>');
    expectElement(date, 'w:ind', { right: '1260' });
    // The organisation is wider than the date, so it cannot be centred over it: flush right.
    expectElement(org, 'w:ind', { right: '0' });
    expect(documentXml.lastIndexOf('2025年1月20日')).toBeGreaterThan(documentXml.lastIndexOf('【待补充】'));
  });

  it('puts a “— PAGE —” number in 14 pt 宋体 at the outer edge, one character in: right on odd pages, left on even', async () => {
    const rels = await part('word/_rels/document.xml.rels');
    const footerOf = async (type: 'default' | 'even') => {
      const ref = documentXml.match(new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`))?.[1];
      const target = rels.match(new RegExp(`Id="${ref}"[^>]*Target="([^"]+)"`))?.[1];
      expect(target).toMatch(/^footer\d+\.xml$/);
      return part(`word/${target}`);
    };
    const odd = await footerOf('default');
    const even = await footerOf('even');
    expect(odd).toContain('<w:jc w:val="right"/>');
    expectElement(odd, 'w:ind', { right: '280' });
    expect(even).toContain('<w:jc w:val="left"/>');
    expectElement(even, 'w:ind', { left: '280' });
    expect(await part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    for (const footer of [odd, even]) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expectFont(footer, '宋体');
      expect(footer).toContain('<w:sz w:val="28"/>');
      const text = [...footer.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
      expect(text).toBe('— | —');
    }
  });

  it('names a fall-back for every 公文 face in the font table (仿宋_GB2312 → 仿宋, a serif GB2312 face)', async () => {
    const fonts = elements(await part('word/fontTable.xml'), 'w:font').map((f) => f.name);
    expect(fonts).toEqual(expect.arrayContaining(['仿宋_GB2312', '楷体_GB2312', '黑体', '方正小标宋简体', '宋体']));
    const table = await part('word/fontTable.xml');
    const fangsong = table.match(/<w:font w:name="仿宋_GB2312">[\s\S]*?<\/w:font>/)?.[0] ?? '';
    expectElement(fangsong, 'w:altName', { val: '仿宋' });
    expectElement(fangsong, 'w:family', { val: 'roman' });
    expectElement(fangsong, 'w:charset', { val: '86' });
  });

  it('puts the attachment on a page of its own, after the signature', () => {
    const mark = (documentXml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? []).find((p) => /<w:t(?:\s[^>]*)?>附件<\/w:t>/.test(p)) ?? '';
    expect(mark).toContain('<w:pageBreakBefore/>');
    expectFont(mark, '黑体');
    expect(documentXml.indexOf('>附件：主要指标统计表<')).toBeLessThan(documentXml.indexOf('>2025年1月20日<'));
  });

  it('carries the 公文 fonts and spacing in its styles too', async () => {
    const styles = await part('word/styles.xml');
    const defaults = styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)?.[0] ?? '';
    expectFont(defaults, '仿宋_GB2312');
    expectElement(defaults, 'w:lang', { val: 'zh-CN', eastAsia: 'zh-CN' });
    expectElement(defaults, 'w:spacing', EXACT_28PT);
    const heading1 = styles.match(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/)?.[0] ?? '';
    expectFont(heading1, '黑体');
    expect(heading1).toContain('<w:color w:val="000000"/>');
    expect(heading1).toContain('<w:outlineLvl w:val="0"/>');
  });

  it('sets the core properties', async () => {
    const core = await part('docProps/core.xml');
    expect(core).toContain('<dc:title>南沙街道2024年法治政府建设年度报告</dc:title>');
    expect(core).toContain('<dc:creator>fazhi</dc:creator>');
  });
});

describe('docxText', () => {
  it('round-trips every paragraph of the rendered document', async () => {
    expect((await docxText(docx)).split('\n')).toEqual([
      '南沙街道2024年法治政府建设年度报告',
      '2024年，南沙街道坚持以习近平法治思想为指导，深入贯彻落实党中央、国务院关于法治政府建设的决策部署，现将有关情况报告如下。',
      '一、2024年推进法治政府建设的主要举措和成效',
      '（一）多元化解矛盾纠纷',
      '全年各级人民调解组织受理矛盾纠纷242宗，调解成功率100%，涉及金额560.22万元；“调解<诉讼”理念与“访调对接&诉调对接”机制深入人心。',
      '表1 2024年人民调解案件分类统计',
      '纠纷类型',
      '受理（宗）',
      '备注',
      '婚姻家庭',
      '58',
      '含调解|回访',
      '物业',
      '96',
      '书面协议',
      '口头协议',
      '合计',
      '242',
      '',
      '1.法律援助',
      '全年受理法律援助案件20余件，为群众挽回经济损失。',
      '二、存在的不足和原因',
      '【待补充】请概述本年度法治政府建设存在的不足及原因。',
      '附件：主要指标统计表',
      '广州市南沙区人民政府南沙街道办事处',
      '2025年1月20日',
      '附件',
      '主要指标统计表',
      '南沙街道2024年主要指标',
      '指标',
      '2024年',
      '2023年',
      '同比',
      '受理矛盾纠纷',
      '279宗',
      '247宗',
      '同比增长13%',
    ]);
  });

  it('decodes entities, keeps tabs and breaks, and ignores tab-stop definitions', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
        '<w:r><w:t>A&amp;B&lt;&#x4E2D;&#25991;</w:t><w:tab/><w:t xml:space="preserve"> x</w:t><w:br/><w:t>y</w:t></w:r></w:p>' +
        '<w:p/><w:p><w:r><w:instrText>PAGE</w:instrText><w:t>z</w:t></w:r></w:p></w:body></w:document>',
    );
    const buffer = await zip.generateAsync({ type: 'uint8array' });
    expect(await docxText(buffer)).toBe('A&B<中文\t x\ny\n\nz');
  });

  it('rejects a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(docxText(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow('word/document.xml');
  });
});

describe('widthInChars', () => {
  it('counts CJK as one character and ASCII as half', () => {
    expect(widthInChars('2025年1月20日')).toBe(6.5);
    expect(widthInChars('南沙街道办事处')).toBe(7);
  });
});
