import type { PeriodRange } from '@fazhi/domain';
import { useNavigation, useResourceParams } from '@refinedev/core';
import { useCallback } from 'react';
import { useFazhiServices } from '../services-context.js';
import { drillSearch, type DrillTarget } from './drill-target.js';

/** Where a figure's records are listed (its numerator's, or a rate's denominator's); undefined when the console has no list of that kind. */
export type DrillUrl = (indicatorId: string, orgId: string, range: PeriodRange, part?: DrillTarget['part']) => string | undefined;

/**
 * The list of the records behind a figure: its numerator's kind (or a rate's denominator's),
 * filtered by the measure (see drill-target.ts, measure-filters.ts). Every place a dashboard shows
 * a figure (cards, the home overview, indicator tables, a trend's months) and a drilled list's
 * banner link through this one hook.
 */
export function useDrillUrl(): DrillUrl {
  const { catalog } = useFazhiServices();
  const { resources } = useResourceParams();
  const { listUrl } = useNavigation();
  return useCallback(
    (indicatorId, orgId, range, part = 'numerator') => {
      const indicator = catalog?.indicators.find((i) => i.id === indicatorId);
      const measureId = part === 'numerator' ? indicator?.numerator : indicator?.denominator;
      const measure = catalog?.measures.find((m) => m.id === measureId);
      if (!measure || !resources.some((r) => r.name === measure.kind && r.list)) return undefined;
      return `${listUrl(measure.kind)}${drillSearch({ indicatorId, part, orgId, range })}`;
    },
    [catalog, resources, listUrl],
  );
}
