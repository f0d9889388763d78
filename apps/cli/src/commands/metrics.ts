import type { FazhiModel } from '@fazhi/model';
import { addDays, ledgerSpanLabel, monthDayLabel, periodKey, periodLabel, type Period } from '@fazhi/domain';
import { comparisonNote, formatChange, formatIndicator, type ComparisonBasis, type IndicatorComparison } from '@fazhi/metrics';
import { CliError } from '../cli-error.js';
import { orgDisplayName } from '../evaluate-source.js';
import { terminalText, type Output } from '../io.js';
import type { RecordSource } from '../source.js';
import { resolveOrg } from '../source.js';
import { textTable } from '../text-table.js';

export interface MetricsOptions {
  org?: string | undefined;
  period: Period;
  /** YYYY-MM-DD: a period still running on this day is counted to the day before. */
  today: string;
  format: string;
  /** Only indicators whose id starts with one of these (e.g. `mediation.`). */
  only?: readonly string[];
}

function toJson(c: IndicatorComparison, measureLabel: (id: string) => string) {
  const i = c.current.indicator;
  const component = (m: { measureId: string; value: number | null } | undefined) => (m ? { id: m.measureId, label: measureLabel(m.measureId), value: m.value } : null);
  return {
    id: i.id,
    label: i.label,
    area: i.area,
    unit: i.unit,
    valueType: i.valueType,
    value: c.current.value,
    display: formatIndicator(i, c.current.value),
    factor: i.factor,
    numerator: component(c.current.numerator),
    denominator: component(c.current.denominator),
    previous: c.previous ? { value: c.previous.value, display: formatIndicator(i, c.previous.value) } : null,
    change: { difference: c.difference, relativeChange: c.relativeChange, text: formatChange(c), ...(c.basis.comparable ? {} : { reason: c.basis.reason }) },
  };
}

/** What was compared with what, once for all indicators (they share the unit and period). */
function basisJson(b: ComparisonBasis, today: string) {
  return {
    today,
    comparable: b.comparable,
    ...(b.comparable ? {} : { reason: b.reason }),
    note: comparisonNote(b),
    asOf: b.asOf,
    current: b.current,
    previous: b.comparable ? b.previous : null,
    ledgerSpan: b.span,
  };
}

/** One line under the table's title: why there is no 同比, or up to which day it runs. */
function basisLine(b: ComparisonBasis): string {
  const span = b.span ? `（建账：${ledgerSpanLabel(b.span)}）` : '';
  if (!b.comparable) return `同比：${comparisonNote(b)}，不作比较${span}\n`;
  return b.asOf ? `统计截至${monthDayLabel(b.asOf)}，与上年同期（${b.previous.start} 至 ${addDays(b.previous.end, -1)}）比较\n` : '';
}

export async function runMetrics(source: RecordSource, opts: MetricsOptions, out: Output, model: FazhiModel): Promise<void> {
  const org = resolveOrg(source, opts.org);
  const measures = new Map(model.catalog.measures.map((m) => [m.id, m.label]));
  const ids = model.catalog.indicators.map((i) => i.id).filter((id) => !opts.only?.length || opts.only.some((p) => id.startsWith(p)));
  const comparisons = await source.indicators.compareAll(org.id, opts.period, ids, opts.today);
  const basis = comparisons[0]?.basis;

  if (opts.format === 'json') {
    const doc = {
      org: { id: org.id, name: orgDisplayName(org) },
      period: periodKey(opts.period),
      ...(basis ? { comparison: basisJson(basis, opts.today) } : {}),
      indicators: comparisons.map((c) => toJson(c, (id) => measures.get(id) ?? id)),
    };
    out.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  if (opts.format === 'table') {
    out.stdout(`${terminalText(orgDisplayName(org))} ${periodLabel(opts.period)} 指标（共${comparisons.length}项）\n${basis ? basisLine(basis) : ''}\n`);
    const rows = comparisons.map((c) => {
      const i = c.current.indicator;
      const parts = c.current.denominator ? `${c.current.numerator.value ?? '—'} / ${c.current.denominator.value ?? '—'}` : '';
      return [i.id, i.label, formatIndicator(i, c.current.value), c.previous ? formatIndicator(i, c.previous.value) : '—', formatChange(c), parts];
    });
    out.stdout(textTable(['编号', '指标', '本期', '上年同期', '同比', '分子/分母'], rows, new Set([2, 3, 5])));
    return;
  }
  throw new CliError(`不支持的输出格式“${opts.format}”，metrics 可用 json 或 table`, 2);
}
