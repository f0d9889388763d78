import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSystemErrorMessage } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fileSystemErrorMessage (the last guard before 内部错误)', () => {
  it('names the path of a filesystem error in Chinese, reading and writing', () => {
    const caught = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e;
      }
      throw new Error('expected an error');
    };
    // Reading a folder fails on the open file, which has no path to name.
    expect(fileSystemErrorMessage(caught(() => readFileSync(dir)))).toBe('读写文件时出错：是文件夹，应为文件（EISDIR）');
    expect(fileSystemErrorMessage(caught(() => writeFileSync(dir, 'x')))).toBe(`“${dir}”是文件夹，应为文件路径`);
    expect(fileSystemErrorMessage(caught(() => writeFileSync(join(dir, 'no', 'x'), 'x')))).toBe(`“${join(dir, 'no', 'x')}”不存在`);
    expect(fileSystemErrorMessage(caught(() => readFileSync(join(dir, 'none'))))).toBe(`“${join(dir, 'none')}”不存在`);
    expect(fileSystemErrorMessage(new Error('not a file error'))).toBeNull();
  });
});
