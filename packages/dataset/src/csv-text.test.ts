import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { eachCsvRow, readCsv, writeCsv, type CsvRow } from './csv-text.js';
import { decodeFile } from './text-file.js';

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

describe('eachCsvRow', () => {
  /** What a sink that keeps rows, and forgets them on a restart, ends with. */
  function collected(source: Parameters<typeof eachCsvRow>[0]) {
    let rows: CsvRow[] = [];
    let restarts = 0;
    const problems = eachCsvRow(source, {
      row: (r) => rows.push(r),
      restart: () => {
        restarts++;
        rows = [];
      },
    });
    return { rows, problems, restarts };
  }

  it('hands well-formed rows one at a time, never starting over', () => {
    const { rows, problems, restarts } = collected('a,b\n1,2\n\n3,4\n');
    expect(restarts).toBe(0);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 4, cells: ['3', '4'] },
    ]);
  });

  it('starts over when the quick reader gives up part-way, so each row reaches the sink once, as readCsv reads it', () => {
    const text = 'a,b\n1,2\n3,4\nx"y,5\n6,7\n';
    const { rows, problems, restarts } = collected(text);
    expect(restarts).toBeGreaterThan(0);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 5]);
    expect({ rows, problems }).toEqual(readCsv(text));
  });

  it("does the same for a file read from its bytes (the bytes' reader gives up, then the text's)", () => {
    const text = '编号,名称\n1,甲\n2,乙\nx"y,丙\n3,丁\n';
    const { rows, problems } = collected(decodeFile(Buffer.from(text)));
    expect(rows.map((r) => r.cells[1])).toEqual(['名称', '甲', '乙', '丁']);
    expect(problems.map((p) => p.row)).toEqual([4]);
  });

  it('checks the cells of text that holds characters it cannot store while handing the rows', () => {
    const { rows, problems } = collected('a,b\n1,x\u0000y\n2,3\n');
    expect(rows).toHaveLength(3);
    expect(problems).toEqual([expect.objectContaining({ row: 2, column: 1 })]);
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
