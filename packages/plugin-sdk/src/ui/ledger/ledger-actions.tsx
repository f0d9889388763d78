import { DownloadOutlined, FileExcelOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { findField, type AnyRecord, type FieldDef } from '@fazhi/domain';
import { useDataProvider, type CrudFilter, type CrudSort } from '@refinedev/core';
import { App, Button } from 'antd';
import { useState } from 'react';
import { writableOrgIds } from '../../host/access-control.js';
import type { PluginResource } from '../../plugin.js';
import { useFazhiServices } from '../services-context.js';
import type { Labels } from '../use-labels.js';
import { ImportWizard } from './import-wizard.js';
import { ledgerScope, type LedgerScope } from './ledger-scope.js';
import { listedRecords, loadLedger, safeFileName, saveWorkbook } from './ledger-files.js';
import { PrintList } from './print-list.js';
import { PrintSheet } from './print-sheet.js';

export interface LedgerActionsProps {
  resource: PluginResource;
  area: string;
  labels: Labels;
  /** The list's filters (permanent ones included) and sort: export and print take all its records. */
  filters: CrudFilter[];
  sorters: CrudSort[];
  /** The filter form's values, for the unit and period of the title. */
  values: Record<string, unknown> | undefined;
  withDeleted: boolean;
  /** Field keys of the list's columns, in order: the printed table's columns. */
  columns: readonly string[];
  /** The user may write records of this area: only then is 导入 offered. */
  canImport: boolean;
}

/** What 打印 shows, taken when it was asked for (stable, so the sheet renders its rows once). */
interface Printed {
  records: AnyRecord[];
  summed: Set<string>;
  fields: FieldDef[];
  title: string;
  scope: LedgerScope;
}

/**
 * The ledger buttons of every list (generic, from the kind's metadata): 下载导入模板, 导入 (for
 * those who may write the area), 导出Excel and 打印 of the list as filtered and sorted.
 */
export function LedgerActions({ resource, area, labels, filters, sorters, values, withDeleted, columns, canImport }: LedgerActionsProps) {
  const { t } = labels;
  const { user, importer, dashboardOrgId } = useFazhiServices();
  const dataProvider = useDataProvider();
  const { message } = App.useApp();
  const [working, setWorking] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const kind = resource.kind;
  const scope = ledgerScope(resource, values, user.orgs, dashboardOrgId);
  const title = t('fazhi.ledger.title', { unit: scope.unit, period: scope.period ?? '', kind: labels.kind(kind) });

  /** Runs one action with its button spinning; a failure is said in a message, never thrown away. */
  async function act(name: string, task: () => Promise<void>) {
    setWorking(name);
    try {
      await task();
    } catch (e) {
      void message.error(t('fazhi.ledger.failed', { message: (e as Error).message }));
    } finally {
      setWorking(null);
    }
  }
  const records = () => listedRecords(dataProvider(), kind.id, filters, sorters, withDeleted);

  const downloadTemplate = () =>
    act('template', async () => {
      const ledger = await loadLedger();
      // The example row names a unit the user may fill in, so the template reads as their own.
      const exampleUnit = user.orgs.find((o) => writableOrgIds(user, area).has(o.id));
      saveWorkbook(await ledger.importTemplate(kind, exampleUnit ? { exampleUnit } : {}), safeFileName(`${kind.label}导入模板.xlsx`));
    });

  const exportExcel = () =>
    act('export', async () => {
      const [ledger, rows] = await Promise.all([loadLedger(), records()]);
      // Personal values arrive masked from the database for a user without the right, exactly as
      // the list shows them; masking them again would garble them (138****1234 → 1**********).
      const bytes = await ledger.exportLedger(rows, { kind, orgs: user.orgs, unit: scope.unit, period: scope.period ?? '', title, masked: false });
      saveWorkbook(bytes, safeFileName(`${title}.xlsx`));
      void message.success(t('fazhi.ledger.exported', { count: rows.length }));
    });

  const print = () =>
    act('print', async () => {
      const [ledger, rows] = await Promise.all([loadLedger(), records()]);
      const fields = columns.map((key) => findField(kind, key)).filter((f): f is FieldDef => f !== undefined);
      setPrinted({ records: rows, summed: new Set(kind.fields.filter((f) => ledger.summedField(f)).map((f) => f.key)), fields, title, scope });
    });

  return (
    <>
      <Button icon={<DownloadOutlined />} loading={working === 'template'} onClick={() => void downloadTemplate()}>
        {t('fazhi.ledger.template')}
      </Button>
      {canImport && importer ? (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('fazhi.ledger.import')}
        </Button>
      ) : null}
      <Button icon={<FileExcelOutlined />} loading={working === 'export'} onClick={() => void exportExcel()}>
        {t('fazhi.ledger.export')}
      </Button>
      <Button icon={<PrinterOutlined />} loading={working === 'print'} onClick={() => void print()}>
        {t('fazhi.ledger.print')}
      </Button>
      {importing && importer ? <ImportWizard kind={kind} area={area} importer={importer} labels={labels} onClose={() => setImporting(false)} /> : null}
      {printed ? (
        <PrintSheet orientation="landscape" labels={labels} onClose={() => setPrinted(null)}>
          <PrintList kind={kind} title={printed.title} scope={printed.scope} fields={printed.fields} records={printed.records} summed={printed.summed} orgs={user.orgs} labels={labels} />
        </PrintSheet>
      ) : null}
    </>
  );
}
