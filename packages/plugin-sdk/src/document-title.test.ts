import { expect, test } from 'vitest';
import { documentTitle } from './document-title.js';

test('the tab title names the page, the action, then the application', () => {
  expect(documentTitle({ page: '人民调解案件', action: '编辑' }, '法治政府建设工作台')).toBe('人民调解案件 · 编辑 — 法治政府建设工作台');
  expect(documentTitle({ page: '人民调解案件' }, '法治政府建设工作台')).toBe('人民调解案件 — 法治政府建设工作台');
  expect(documentTitle({}, '法治政府建设工作台')).toBe('法治政府建设工作台');
});
