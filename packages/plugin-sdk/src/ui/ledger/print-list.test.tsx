// @vitest-environment jsdom
import type { FieldDef } from '@fazhi/domain';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Labels } from '../use-labels.js';
import { fees } from './ledger-kinds.test-helper.js';
import { PrintList } from './print-list.js';

// The print view writes its rows as one HTML string (thousands of rows rendered once, without an
// element per cell): every value must come out as text, whatever a clerk typed into it.
const labels = {
  t: (key: string, params?: Record<string, unknown>) => (key === 'fazhi.ledger.total' ? `合计（${String(params?.count)}${String(params?.measure)}）` : key === 'fazhi.yuan' ? '元' : key),
  option: (_f: FieldDef, v: string) => v,
  field: (f: FieldDef) => f.label,
} as unknown as Labels;
const orgs = [{ id: 'u1', parentId: null, kind: 'street' as const, name: '南沙街道办事处', shortName: '南沙街道' }];
const fields = (fees.fields as readonly FieldDef[]).filter((f) => f.listed);

afterEach(cleanup);

describe('PrintList', () => {
  it('prints markup a clerk typed as text, numbers every row and sums the money', () => {
    const records = [
      { id: 'a', orgId: 'u1', deletedAt: null, feeNo: 'F-1', paidOn: '2024-02-03', payer: '<img src=x onerror="alert(1)">张&三', amount: 123_456, persons: 2 },
      { id: 'b', orgId: 'gone', deletedAt: null, feeNo: 'F-2"<b>', paidOn: '2024-05-06', payer: null, amount: 50, persons: null },
    ];
    const { container } = render(<PrintList kind={fees} title="台账" scope={{ unit: '南沙街道', period: null }} fields={fields} records={records} summed={new Set(['amount', 'persons'])} orgs={orgs} labels={labels} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('tbody b')).toBeNull();
    const rows = [...container.querySelectorAll('tbody tr:not(.fazhi-print-total)')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['1', '南沙街道', 'F-1', '2024-02-03', '<img src=x onerror="alert(1)">张&三', '1,234.56 元', '2 人'],
      ['2', 'gone', 'F-2"<b>', '2024-05-06', '', '0.50 元', ''],
    ]);
    const total = container.querySelector('.fazhi-print-total')!;
    expect(total.textContent).toContain('合计（2笔）');
    expect(total.textContent).toContain('1,235.06 元');
    // Fixed layout: one width per column, summing to the page's width.
    const widths = [...container.querySelectorAll('col')].map((c) => Number.parseFloat((c as HTMLElement).style.width));
    expect(widths).toHaveLength(fields.length + 2);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  });
});
