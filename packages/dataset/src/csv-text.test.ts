import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv-text.js';

describe('readCsv', () => {
  it('numbers rows as a spreadsheet does: quoted newlines stay in one row, blank lines count', () => {
    const { rows, problems } = readCsv('\uFEFFa,b\r\n"x\r\ny",1\r\n\r\nz,2\r\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x\r\ny', '1'] },
      { row: 4, cells: ['z', '2'] },
    ]);
  });

  it('reports each stray quote and keeps reading the rows after it', () => {
    const { rows, problems } = readCsv('a,b\nx"y,1\nok,2\nu"v,3\nfine,4\n');
    expect(problems.map((p) => p.row)).toEqual([2, 4]);
    expect(rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'a'],
      [3, 'ok'],
      [5, 'fine'],
    ]);
  });

  it('stops at an unclosed quote, keeping the rows before it', () => {
    const { rows, problems } = readCsv('a,b\n1,2\n"3,4\n5,6\n');
    expect(problems).toEqual([{ row: 3, message: 'CSV 格式错误：引号没有闭合（此后的内容无法可靠读取，未检查）' }]);
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
  });
});

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM, quotes only cells that need it and ends every line with \\n', () => {
    expect(writeCsv([['a', 'b c', 'x,y', 'q"z', 'l\nm', '', 'r\rx']])).toBe('\uFEFFa,b c,"x,y","q""z","l\nm",,"r\rx"\n');
  });

  it('round-trips through readCsv', () => {
    const rows = [['id', 'text'], ['1', '含,逗号'], ['2', '含"引号"'], ['3', '多\n行']];
    expect(readCsv(writeCsv(rows)).rows.map((r) => r.cells)).toEqual(rows);
  });
});
