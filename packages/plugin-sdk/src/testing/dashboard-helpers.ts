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
