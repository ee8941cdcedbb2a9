import type { ImportRowError } from '@zhiping/contracts';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';

const COLUMNS: ColumnsType<ImportRowError> = [
  { title: '行号', dataIndex: 'row', width: 80 },
  { title: '列', dataIndex: 'column', width: 160 },
  { title: '问题', dataIndex: 'message' },
];

/** The row errors of a job (the first 1000; the annotated file has all), paged in the browser. */
export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  return (
    <Table<ImportRowError>
      size="small"
      rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
      columns={COLUMNS}
      dataSource={errors}
      scroll={{ x: 'max-content' }}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (n) => `共 ${n} 条` }}
      data-testid="import-errors"
    />
  );
}
