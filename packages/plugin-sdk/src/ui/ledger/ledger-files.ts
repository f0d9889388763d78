import type { AnyRecord } from '@fazhi/domain';
import type { CrudFilter, CrudSort, DataProvider } from '@refinedev/core';
import { saveAs } from '../attachments/download.js';

/** The ledger library (exceljs inside, ~1 MB): loaded when a ledger action is first used, never with the list. */
export const loadLedger = () => import('@fazhi/ledger');

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves .xlsx bytes under a Chinese name. */
export function saveWorkbook(bytes: Uint8Array, fileName: string): void {
  saveAs(URL.createObjectURL(new Blob([bytes as BlobPart], { type: xlsxType })), fileName);
}

/** A file name Windows and macOS accept (a unit or title may hold / or :). */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

/**
 * Every record of the list as filtered and sorted (all pages, not the visible one), through the
 * same data provider as the list, so row-level security and masking are the list's.
 */
export async function listedRecords(provider: DataProvider, resource: string, filters: CrudFilter[], sorters: CrudSort[], withDeleted: boolean): Promise<AnyRecord[]> {
  const res = await provider.getList({ resource, filters, sorters, pagination: { mode: 'off' }, meta: { withDeleted } });
  return res.data as unknown as AnyRecord[];
}
