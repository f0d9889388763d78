import { findField, type RecordKind } from '@fazhi/domain';
import { interpretMeasure, type Measure } from '@fazhi/metrics';
import { useList, type BaseRecord, type CrudFilter } from '@refinedev/core';
import { Alert, Space, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { orgName, subtreeOf } from '../fields/org-tree.js';
import { useFazhiServices } from '../services-context.js';
import type { Labels } from '../use-labels.js';
import { readDrill, resolveDrill, withoutDrill, type ResolvedDrill } from './drill-target.js';
import { useDrillUrl } from './use-drill-url.js';
import { filterText, measureListFilters, periodText } from './measure-filters.js';

export interface ListDrill extends ResolvedDrill {
  /** The measure's records as one keyed list filter. */
  filter: CrudFilter;
}

/**
 * The figure a list was opened from (`?drill=…`, see drill-target.ts), when it counts this list's
 * kind; a link naming an unknown indicator or another kind's measure yields a notice instead.
 */
export interface ListDrillState {
  drill?: ListDrill;
  /** Why a `?drill=` link was ignored (a translation key and its values). */
  ignored?: { key: string; params: Record<string, string> };
}

export function useListDrill(kind: RecordKind): ListDrillState {
  const { search } = useLocation();
  const { catalog, user } = useFazhiServices();
  return useMemo((): ListDrillState => {
    const target = readDrill(search);
    if (!target) return {};
    const resolved = resolveDrill(catalog, target);
    if (!resolved) return { ignored: { key: 'fazhi.drill.notFound', params: { id: target.indicatorId } } };
    if (resolved.measure.kind !== kind.id) return { ignored: { key: 'fazhi.drill.otherKind', params: { indicator: resolved.indicator.label } } };
    return { drill: { ...resolved, filter: measureListFilters(resolved.measure, target.range, subtreeOf(user.orgs, target.orgId)) } };
  }, [search, catalog, kind.id, user.orgs]);
}

/** The records' value of a measure that is not a plain count (合计, latest, distinct, groups), from the listed rows. */
export function useListedValue(drill: ListDrill | undefined, kindId: string, scope: readonly CrudFilter[]): number | null | undefined {
  const enabled = !!drill && drill.measure.aggregation.type !== 'count';
  const { result, query } = useList<BaseRecord>({ resource: kindId, filters: drill ? [...scope, drill.filter] : [...scope], pagination: { mode: 'off' }, queryOptions: { enabled } });
  return useMemo(() => {
    if (!enabled || !drill || !query.isSuccess) return undefined;
    const rows = result.data as never[];
    const orgs = new Set(result.data.map((r) => String(r.orgId)));
    return interpretMeasure(drill.measure)(rows, orgs, drill.target.range);
  }, [enabled, query.isSuccess, result.data, drill]);
}

export function summaryText(m: Measure, kind: RecordKind, value: number | null, labels: Labels): string {
  const name = (key: string) => {
    const f = findField(kind, key);
    return f ? labels.field(f) : key;
  };
  const shown = labels.value(value, m.valueType, m.unit, m.valueType === 'quantity' ? 2 : 0);
  const a = m.aggregation;
  switch (a.type) {
    case 'count':
    case 'sum':
      return labels.t('fazhi.drill.summary.sum', { value: shown });
    case 'countDistinct':
      return labels.t('fazhi.drill.summary.countDistinct', { field: name(a.field), value: shown });
    case 'latest':
      return labels.t('fazhi.drill.summary.latest', { field: name(a.field), by: name(a.by), value: shown });
    case 'countGroups':
      return labels.t('fazhi.drill.summary.countGroups', { group: name(a.groupBy), field: name(a.sumField), atLeast: a.atLeast, value: shown });
  }
}

/**
 * How many records one measure of the drilled indicator selects, and a link to them (a rate's other
 * side, on this kind's list or on its own kind's when the two sides count different records).
 */
function PartLink({ drill, part, kind, labels }: { drill: ListDrill; part: 'numerator' | 'denominator'; kind: RecordKind; labels: Labels }) {
  const { catalog, user } = useFazhiServices();
  const drillUrl = useDrillUrl();
  const target = { ...drill.target, part };
  const resolved = resolveDrill(catalog, target);
  const filter = resolved ? measureListFilters(resolved.measure, target.range, subtreeOf(user.orgs, target.orgId)) : undefined;
  const { result } = useList({ resource: resolved?.measure.kind ?? kind.id, filters: filter ? [filter] : [], pagination: { currentPage: 1, pageSize: 1 }, queryOptions: { enabled: !!filter } });
  if (!resolved) return null;
  const label = labels.t('fazhi.drill.part', { part: labels.t(`fazhi.drill.${part}`), measure: labels.label(resolved.measure) });
  const count = result.total === undefined ? '…' : labels.t('fazhi.drill.count', { n: result.total });
  const current = part === drill.target.part;
  const to = current ? undefined : drillUrl(target.indicatorId, target.orgId, target.range, part);
  return (
    <span data-drill-part={part}>
      {to ? <Link to={to}>{label}</Link> : <Typography.Text strong={current}>{label}</Typography.Text>}
      <Typography.Text type="secondary">{labels.note('', count)}</Typography.Text>
    </span>
  );
}

/**
 * The banner of a drilled list: which figure the records make, its definition, every condition in
 * plain words (each also a list filter the database applies), the value over the listed records
 * when the figure is not a plain count, for a rate both sides with their counts, and a close
 * button that drops the conditions.
 */
export function DrillBanner({ drill, kind, value, labels }: { drill: ListDrill; kind: RecordKind; value: number | null | undefined; labels: Labels }) {
  const { user } = useFazhiServices();
  const { pathname, search } = useLocation();
  const m = drill.measure;
  const needsRows = m.aggregation.type !== 'count';
  const words = { t: labels.t, field: labels.field, option: labels.option };
  const conditions: ReactNode[] = [
    labels.withData('fazhi.drill.org', {}, { org: orgName(user.orgs, drill.target.orgId) ?? drill.target.orgId }),
    periodText(kind, m.period, drill.target.range, words),
    ...m.filters.map((f) => filterText(kind, f, words)),
  ];
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-drill={drill.indicator.id}
      data-drill-shows={`${drill.target.part} ${drill.target.range.start} ${drill.target.range.end}`}
      closable={{ closeIcon: <Link to={`${pathname}${withoutDrill(search)}`} aria-label={labels.t('fazhi.drill.close')}>×</Link> }}
      message={labels.t('fazhi.drill.from', { indicator: labels.field(drill.indicator) })}
      description={
        <Space direction="vertical" size={4}>
          {drill.indicator.denominator ? (
            <Space wrap>
              <PartLink drill={drill} part="numerator" kind={kind} labels={labels} />
              <PartLink drill={drill} part="denominator" kind={kind} labels={labels} />
            </Space>
          ) : null}
          {/* The catalog's prose definitions are Chinese only; in English the conditions below say the same. */}
          {labels.english ? null : <Typography.Text type="secondary">{labels.t('fazhi.drill.definition', { text: m.description })}</Typography.Text>}
          <Space wrap size={[4, 4]} aria-label={labels.t('fazhi.drill.conditions')}>
            {conditions.map((c, i) => (
              <Tag key={i}>{c}</Tag>
            ))}
          </Space>
          {needsRows ? (
            <Typography.Text strong data-drill-summary={value ?? ''}>
              {value === undefined ? labels.t('fazhi.drill.summary.loading') : summaryText(m, kind, value, labels)}
            </Typography.Text>
          ) : null}
        </Space>
      }
    />
  );
}
