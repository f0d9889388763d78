import { formatChange, formatIndicator, type IndicatorComparison } from '@fazhi/metrics';
import { waitFor } from '@testing-library/react';

/**
 * A dashboard's card of one indicator once its figure has arrived (the dashboard page shows the
 * same figure again in its group's table, so tests read the card, not the first matching text).
 */
export async function findIndicatorCard(indicatorId: string, timeout = 20_000): Promise<HTMLElement> {
  return waitFor(
    () => {
      const card = document.querySelector<HTMLElement>(`[data-indicator="${indicatorId}"]`);
      if (!card?.querySelector('.ant-statistic-content-value')) throw new Error(`指标卡片“${indicatorId}”尚未加载`);
      return card;
    },
    { timeout },
  );
}

/**
 * Waits until the card of `comparison`'s indicator shows its figure and its 同比 wording as the
 * evaluator formats them (the expected side computed independently, e.g. by the in-memory
 * evaluator over the seed); fails with what the card shows instead.
 */
export async function expectIndicatorCard(comparison: IndicatorComparison, timeout = 30_000): Promise<HTMLElement> {
  const id = comparison.current.indicator.id;
  const wanted = [formatIndicator(comparison.current.indicator, comparison.current.value), formatChange(comparison)];
  return waitFor(
    () => {
      const card = document.querySelector<HTMLElement>(`[data-indicator="${id}"]`);
      const text = card?.textContent ?? '';
      if (!card || !wanted.every((w) => text.includes(w))) throw new Error(`指标卡片“${id}”应显示“${wanted.join('”和“')}”，实际为“${text}”`);
      return card;
    },
    { timeout },
  );
}
