import type { PeriodRange } from '@fazhi/domain';
import { useNavigation, useResourceParams } from '@refinedev/core';
import { useCallback } from 'react';
import { useFazhiServices } from '../services-context.js';
import { drillSearch } from './drill-target.js';

/** Where a figure's records are listed; undefined when the console has no list of its numerator's kind. */
export type DrillUrl = (indicatorId: string, orgId: string, range: PeriodRange) => string | undefined;

/**
 * The list of the records behind a figure: its numerator's kind, filtered by the measure (see
 * drill-target.ts, measure-filters.ts). Every place a dashboard shows a figure (cards, the home
 * overview, indicator tables, a trend's months) links through this one hook.
 */
export function useDrillUrl(): DrillUrl {
  const { catalog } = useFazhiServices();
  const { resources } = useResourceParams();
  const { listUrl } = useNavigation();
  return useCallback(
    (indicatorId, orgId, range) => {
      const indicator = catalog?.indicators.find((i) => i.id === indicatorId);
      const measure = catalog?.measures.find((m) => m.id === indicator?.numerator);
      if (!measure || !resources.some((r) => r.name === measure.kind && r.list)) return undefined;
      return `${listUrl(measure.kind)}${drillSearch({ indicatorId, part: 'numerator', orgId, range })}`;
    },
    [catalog, resources, listUrl],
  );
}
