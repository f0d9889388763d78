/**
 * A tiny dependency-free SVG chart for a monthly series (12 values, nulls allowed): bars or a line,
 * with the maximum labelled. Charting libraries cost more than the whole console page; this one is
 * enough for a trend at a glance and is accessible (role="img" with a text summary).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface TrendPoint {
  label: string;
  value: number | null;
  /** The list of the records behind this point's value (a month's drill-down), when there is one. */
  href?: string;
  /** What the link says to a screen reader. */
  hrefLabel?: string;
}

export interface TrendChartProps {
  points: readonly TrendPoint[];
  title: string;
  kind?: 'bar' | 'line';
  width?: number;
  height?: number;
  /** Formats a value for labels and the summary. */
  format?: (v: number) => string;
  color?: string;
  /** Text alternative; `trendSummary` (Chinese punctuation) by default. */
  label?: string;
}

export function trendSummary(title: string, points: readonly TrendPoint[], format: (v: number) => string): string {
  return `${title}：${points.map((p) => `${p.label} ${p.value === null ? '—' : format(p.value)}`).join('，')}`;
}

export function TrendChart({ points, title, kind = 'bar', width = 480, height = 180, format = String, color = '#1677ff', label }: TrendChartProps) {
  const pad = { top: 16, right: 8, bottom: 22, left: 8 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const step = points.length ? w / points.length : w;
  const y = (v: number) => pad.top + h - (max > 0 ? (v / max) * h : 0);
  const x = (i: number) => pad.left + step * i + step / 2;
  const line = points
    .map((p, i) => (p.value === null ? null : `${x(i)},${y(p.value)}`))
    .filter(Boolean)
    .join(' ');
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label ?? trendSummary(title, points, format)} style={{ maxWidth: width, display: 'block' }}>
      <title>{title}</title>
      <line x1={pad.left} x2={width - pad.right} y1={pad.top + h} y2={pad.top + h} stroke="#d9d9d9" />
      {points.map((p, i) => (
        <PointLink key={p.label} point={p} index={i}>
          {kind === 'bar' && p.value !== null ? <rect x={x(i) - step * 0.3} width={step * 0.6} y={y(p.value)} height={pad.top + h - y(p.value)} fill={color} rx={2} /> : null}
          {kind === 'bar' && p.value !== null && p.value === max && max > 0 ? (
            <text x={x(i)} y={y(p.value) - 4} fontSize={10} textAnchor="middle" fill="#595959">
              {format(p.value)}
            </text>
          ) : null}
          <text x={x(i)} y={height - 6} fontSize={10} textAnchor="middle" fill="#8c8c8c">
            {p.label}
          </text>
          {/* The whole column is the click target, so a short or empty month is as easy to open as the tallest. */}
          {p.href ? <rect x={x(i) - step / 2} width={step} y={pad.top} height={height - pad.top} fill="transparent" /> : null}
        </PointLink>
      ))}
      {kind === 'line' && line ? <polyline points={line} fill="none" stroke={color} strokeWidth={2} /> : null}
      {kind === 'line' ? points.map((p, i) => (p.value === null ? null : <circle key={p.label} cx={x(i)} cy={y(p.value)} r={2.5} fill={color} />)) : null}
    </svg>
  );
}

/** A point's column: a link to its records when it has them, else a plain group. */
function PointLink({ point, index, children }: { point: TrendPoint; index: number; children: ReactNode }) {
  if (!point.href) return <g>{children}</g>;
  return (
    <Link to={point.href} aria-label={point.hrefLabel ?? point.label} data-drill-point={index + 1}>
      {children}
    </Link>
  );
}
