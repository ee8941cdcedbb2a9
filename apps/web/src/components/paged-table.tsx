/** A table over one server-side page, with loading, an empty state that says what to do, and errors. */
import type { Page } from '@zhiping/contracts';
import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state.tsx';
import { ErrorAlert } from './error-alert.tsx';

export interface PagedTableProps<T> {
  data: Page<T> | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  columns: TableProps<T>['columns'];
  rowKey: TableProps<T>['rowKey'];
  /** What an empty list means and what to do next. */
  empty: ReactNode;
  expandable?: TableProps<T>['expandable'];
  /** Horizontal scroll width; tables scroll sideways on small screens. */
  scrollX?: number;
}

export function PagedTable<T extends object>(props: PagedTableProps<T>) {
  const { data, isLoading, error, page, pageSize } = props;
  return (
    <>
      <ErrorAlert error={error} onRetry={props.onRetry} />
      <Table<T>
        size="middle"
        rowKey={props.rowKey}
        columns={props.columns}
        dataSource={data?.items ?? []}
        loading={isLoading}
        expandable={props.expandable}
        scroll={{ x: props.scrollX ?? 'max-content' }}
        locale={{ emptyText: isLoading ? ' ' : <EmptyState description={error ? '数据未能加载，请点击上方“重试”' : props.empty} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: props.onPageChange,
        }}
      />
    </>
  );
}
