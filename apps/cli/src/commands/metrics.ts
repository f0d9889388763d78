import { periodKey, periodLabel, type Period } from '@fazhi/domain';
import { builtInCatalog, formatChange, formatIndicator, type IndicatorComparison } from '@fazhi/metrics';
import { CliError } from '../cli-error.js';
import { orgDisplayName } from '../evaluate-source.js';
import { indicatorsOf } from '../indicator-source.js';
import { terminalText, type Output } from '../io.js';
import type { RecordSource } from '../source.js';
import { resolveOrg } from '../source.js';
import { textTable } from '../text-table.js';

export interface MetricsOptions {
  org?: string | undefined;
  period: Period;
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
    previous: { value: c.previous.value, display: formatIndicator(i, c.previous.value) },
    change: { difference: c.difference, relativeChange: c.relativeChange, text: formatChange(c) },
  };
}

export async function runMetrics(source: RecordSource, opts: MetricsOptions, out: Output): Promise<void> {
  const org = resolveOrg(source, opts.org);
  const measures = new Map(builtInCatalog.measures.map((m) => [m.id, m.label]));
  const ids = builtInCatalog.indicators.map((i) => i.id).filter((id) => !opts.only?.length || opts.only.some((p) => id.startsWith(p)));
  const comparisons = await indicatorsOf(source).compareAll(org.id, opts.period, ids);

  if (opts.format === 'json') {
    const doc = {
      org: { id: org.id, name: orgDisplayName(org) },
      period: periodKey(opts.period),
      indicators: comparisons.map((c) => toJson(c, (id) => measures.get(id) ?? id)),
    };
    out.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  if (opts.format === 'table') {
    out.stdout(`${terminalText(orgDisplayName(org))} ${periodLabel(opts.period)} 指标（共${comparisons.length}项）\n\n`);
    const rows = comparisons.map((c) => {
      const i = c.current.indicator;
      const parts = c.current.denominator ? `${c.current.numerator.value ?? '—'} / ${c.current.denominator.value ?? '—'}` : '';
      return [i.id, i.label, formatIndicator(i, c.current.value), formatIndicator(i, c.previous.value), formatChange(c), parts];
    });
    out.stdout(textTable(['编号', '指标', '本期', '上年同期', '同比', '分子/分母'], rows, new Set([2, 3, 5])));
    return;
  }
  throw new CliError(`不支持的输出格式“${opts.format}”，metrics 可用 json 或 table`, 2);
}
