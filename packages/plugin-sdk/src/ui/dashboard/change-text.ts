import { formatChange, type IncomparableReason, type IndicatorComparison } from '@fazhi/metrics';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const reasonKeys: Record<IncomparableReason, string> = {
  no_previous_data: 'fazhi.dashboard.noPreviousData',
  incomplete: 'fazhi.dashboard.incomplete',
  not_started: 'fazhi.dashboard.notStarted',
};

/** The 同比 of a card or table row: the change, or (through i18n) why there is none. */
export function changeText(c: IndicatorComparison, t: Translate): string {
  return c.basis.comparable ? formatChange(c) : t(reasonKeys[c.basis.reason]);
}

/** 截至11月30日 for a period still running, else null. */
export function asOfText(c: IndicatorComparison, t: Translate): string | null {
  const asOf = c.basis.asOf;
  return asOf ? t('fazhi.dashboard.asOf', { month: Number(asOf.slice(5, 7)), day: Number(asOf.slice(8, 10)) }) : null;
}
