import type { BaseRecord } from '@refinedev/core';
import { Pagination, Spin, Table, type PaginationProps, type TableProps } from 'antd';
import { memo } from 'react';

/**
 * antd's table, rendered only when one of its props changes. antd's table renders every row and
 * cell again whenever it renders at all (rc-table marks its whole body changed on each render of
 * the table), so each render of the page around it cost a full page of rows: a filter change
 * rendered the old rows for the form's state, for the spinner and for the address before the new
 * ones came. Its props must therefore keep their identity from render to render.
 */
const StableTable = memo(Table<BaseRecord>);

/** While loading with nothing to show, no "暂无数据" under the spinner (as antd's own loading does). */
const nothingYet = { emptyText: null };
const pagerStyle = { margin: '16px 0' };

export interface ListTableProps extends Omit<TableProps<BaseRecord>, 'loading' | 'locale' | 'pagination'> {
  loading: boolean;
  /** The pager below the table; shown when there is a record. */
  pager: PaginationProps;
}

/**
 * The list's table with the spinner and the pager around it rather than in it: antd's `loading`
 * and `pagination` are table props, so showing the spinner or the next page's number rendered
 * every row again before the rows they waited for. `data-list-table` marks the box, busy while
 * the spinner shows.
 */
export function ListTable({ loading, pager, ...table }: ListTableProps) {
  return (
    <div data-list-table="" aria-busy={loading}>
      <Spin spinning={loading}>
        <StableTable {...table} pagination={false} locale={loading && !table.dataSource ? nothingYet : undefined} />
        {pager.total ? <Pagination align={pager.simple ? 'center' : 'end'} style={pagerStyle} {...pager} /> : null}
      </Spin>
    </div>
  );
}
