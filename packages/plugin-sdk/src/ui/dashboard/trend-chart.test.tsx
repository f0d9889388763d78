// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { expect, test } from 'vitest';
import { TrendChart, trendSummary } from './trend-chart.js';

const points = Array.from({ length: 12 }, (_, i) => ({ label: `${i + 1}月`, value: i === 4 ? null : i * 2 }));

test('bars for each month with a value, the maximum labelled, a text summary for screen readers', () => {
  const { container, getByRole } = render(<TrendChart title="每月成功调处" points={points} format={(v) => `${v}宗`} />);
  expect(container.querySelectorAll('rect')).toHaveLength(11);
  expect(container.textContent).toContain('22宗');
  expect(getByRole('img').getAttribute('aria-label')).toBe(trendSummary('每月成功调处', points, (v) => `${v}宗`));
  expect(trendSummary('t', points.slice(4, 6), String)).toBe('t：5月 —，6月 10');
});

test('a line, and an all-zero series without dividing by zero', () => {
  const { container } = render(<TrendChart title="t" kind="line" points={points.map((p) => ({ ...p, value: 0 }))} />);
  expect(container.querySelector('polyline')?.getAttribute('points')).not.toContain('NaN');
  expect(container.querySelectorAll('circle')).toHaveLength(12);
});
