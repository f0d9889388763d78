import type { ReportStore, ReportVersion, YearLock } from '@fazhi/db/browser';
import { yearPeriod, type AnyRecord } from '@fazhi/domain';
import { subtreeOf, useFazhiServices } from '@fazhi/plugin-sdk/ui';
import { templateForUnit, type FazhiModel } from '@fazhi/model';
import { parseReportTemplate, type ReportData, type ReportTemplate } from '@fazhi/report';
import { useDataProvider } from '@refinedev/core';
import { useCallback, useEffect, useState } from 'react';
import { liveReportData } from './report-figures.js';

export interface WorkspaceState {
  template: ReportTemplate;
  /** Where the template comes from: the unit's saved one (its version) or the default. */
  templateVersion: number | null;
  live: ReportData;
  versions: ReportVersion[];
  lock: YearLock | null;
  /** Milliseconds from asking to having every figure (the draft's ≤ 1 s budget). */
  loadMs: number;
}

/** The model's template and extensions: the default a unit without its own template gets (`templateForUnit`). */
export type TemplateModel = Pick<FazhiModel, 'template' | 'extensions'>;

/**
 * Everything the workspace shows for a unit and year, loaded together: the unit's template (or the
 * default that fits the unit: the community one below the street), every figure computed live by the database, the record lists the template names, the
 * saved versions and the year's lock. `reload` after a save, a status move or a reopen.
 */
export function useReportWorkspace(reports: ReportStore, model: TemplateModel, orgId: string | undefined, year: number) {
  const { indicators, user } = useFazhiServices();
  const dataProvider = useDataProvider();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key: string; data?: WorkspaceState; error?: Error }>({ key: '' });
  const key = `${orgId}|${year}|${tick}`;

  useEffect(() => {
    if (!orgId || !indicators) return;
    let live = true;
    const started = performance.now();
    const subtree = subtreeOf(user.orgs, orgId);
    const recordsOf = async (kind: string): Promise<readonly AnyRecord[]> => {
      const { data } = await dataProvider().getList({ resource: kind, filters: [{ field: 'orgId', operator: 'in', value: subtree }], pagination: { mode: 'off' } });
      return data as unknown as AnyRecord[];
    };
    (async () => {
      const [saved, versions, lock] = await Promise.all([reports.template(orgId), reports.versions(orgId, year), reports.lock(orgId, year)]);
      const kind = user.orgs.find((o) => o.id === orgId)?.kind ?? 'street';
      const template = saved ? parseReportTemplate(saved.template, `本单位保存的报告模板（第${saved.version}版）`) : templateForUnit(model, kind);
      const data = await liveReportData(indicators, template, orgId, yearPeriod(year), recordsOf);
      return { template, templateVersion: saved?.version ?? null, live: data, versions, lock, loadMs: performance.now() - started };
    })().then(
      (data) => live && setState({ key, data }),
      (error: Error) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names everything the load depends on
  }, [key]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  // While reloading the same unit and year, the previous state stays on screen.
  const current: { data?: WorkspaceState; error?: Error } = state.key.split('|').slice(0, 2).join('|') === `${orgId}|${year}` ? state : {};
  return { data: current.data, error: current.error, loading: state.key !== key, reload };
}
