import { describe, expect, it } from 'vitest';
import { decodeText, firstReplacement } from './text-encoding.js';
import { gb2312Ideographs, gbkBytes, utf16Bytes } from './test-support.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = '编号,名称\n1,南沙街道蕉门社区人民调解委员会\n2,“引号”与全角，逗号\n';

describe('decodeText', () => {
  it('the test GBK encoder writes the standard bytes', () => {
    expect([...gbkBytes('调解中文')]).toEqual([0xb5, 0xf7, 0xbd, 0xe2, 0xd6, 0xd0, 0xce, 0xc4]);
    expect([...gbkBytes('南沙街道')]).toEqual([0xc4, 0xcf, 0xc9, 0xb3, 0xbd, 0xd6, 0xb5, 0xc0]);
  });

  it('reads GBK (Excel/WPS on Chinese Windows) as GB18030, every character intact', () => {
    const decoded = decodeText(gbkBytes(text));
    expect(decoded).toEqual({ text, encoding: 'GB18030', invalid: false });
  });

  it('reads UTF-8 with and without BOM, and UTF-16 LE/BE with BOM, dropping the BOM', () => {
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'UTF-8', invalid: false });
    expect(decodeText(utf8(`\uFEFF${text}`))).toEqual({ text, encoding: 'UTF-8', invalid: false });
    expect(decodeText(utf16Bytes(text, 'le'))).toEqual({ text, encoding: 'UTF-16LE', invalid: false });
    expect(decodeText(utf16Bytes(text, 'be'))).toEqual({ text, encoding: 'UTF-16BE', invalid: false });
  });

  it('marks bytes no supported encoding can read, leaving U+FFFD where they were', () => {
    const bytes = Uint8Array.from([...utf8('a,b\n1,'), 0xff, 0xfe - 1, 0x30, 0xff, 0x0a]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.invalid).toBe(true);
    expect(firstReplacement(decoded.text)).toEqual({ line: 2, column: 3 });
    // A broken UTF-8 file with a BOM stays UTF-8 and is marked, not re-read as GB18030.
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xe4, 0xb8]))).toMatchObject({ encoding: 'UTF-8', invalid: true, text: 'a\uFFFD' });
  });

  it('finds the line of a file saved partly as UTF-8 and partly as GBK', () => {
    const bytes = Uint8Array.from([...gbkBytes('编号,名称\n1,南沙街道\n'), ...utf8('2,蕉门社区\n')]);
    expect(decodeText(bytes).mixedLine).toBe(3);
  });

  it('refuses, never garbles, a GBK file whose first bytes are UTF-8’s byte order mark', () => {
    // 锘 in GBK is EF BB, and 魁 starts with BF: 锘魁 begins like a UTF-8 file with a BOM. The mark
    // decides (a damaged UTF-8 file must not be re-read as GBK gibberish), so this file is refused
    // as invalid UTF-8, naming where; found by the GBK property test.
    const bytes = gbkBytes('锘魁啊');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ encoding: 'UTF-8', invalid: true });
    expect(firstReplacement(decoded.text)).toEqual({ line: 1, column: 1 });
  });

  it('does not take a GBK line for UTF-8 because its bytes happen to be valid UTF-8 too', () => {
    // 婵楀湭 in GBK is E6 BF 97 E5 9C AA, which is also UTF-8 for 濗圪: rare characters no one
    // writes, so the line is GBK like the rest (found by the GBK property test).
    const bytes = gbkBytes('婵楀湭\n丂');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 6))).toBe('濗圪');
    expect(decodeText(bytes)).toEqual({ text: '婵楀湭\n丂', encoding: 'GB18030', invalid: false });
    // A UTF-8 line with a rare character among everyday ones is still found.
    const mixed = Uint8Array.from([...gbkBytes('姓名\n张三\n'), ...utf8('李玥然\n')]);
    expect(decodeText(mixed).mixedLine).toBe(3);
    // The everyday text the property test draws from is GB2312's hanzi, all 6,763 of them.
    expect(gb2312Ideographs()).toHaveLength(6763);
  });
});
