/**
 * The rows of one kind file as the checks across rows and files see them (`crossCheck`,
 * `outOfYearsWarnings`), whether or not each row passed validation. Kept as columns, not as an
 * object per row: a large file has tens of thousands of rows, and those objects lived through the
 * whole load, a tenth of what the garbage collector had to copy.
 */
export class RowRefs {
  /** The row of each entry, as a spreadsheet numbers it. */
  readonly rows: number[] = [];
  readonly ids: string[] = [];
  readonly orgIds: string[] = [];
  /** Entry → ref field key → referenced id (non-empty only), for the entries that reference any. */
  readonly refs = new Map<number, ReadonlyMap<string, string>>();

  get length(): number {
    return this.rows.length;
  }

  add(row: number, id: string, orgId: string, refs?: ReadonlyMap<string, string> | null): void {
    if (refs?.size) this.refs.set(this.rows.length, refs);
    this.rows.push(row);
    this.ids.push(id);
    this.orgIds.push(orgId);
  }
}
