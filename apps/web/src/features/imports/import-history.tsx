/** 导入记录: earlier jobs, newest first; a row can be reopened. */
import { IMPORT_KIND_LABELS, type ImportJob } from '@zhiping/contracts';
import { Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ImportStatusTag } from './import-status.tsx';
import { fetchImportJobs } from './imports-api.ts';

export function ImportHistory({ refreshKey, onOpen }: { refreshKey: string; onOpen: (job: ImportJob) => void }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const jobs = useQuery(`imports:${paging.page}:${paging.pageSize}:${refreshKey}`, (signal) =>
    fetchImportJobs(paging.page, paging.pageSize, signal),
  );
  const columns: ColumnsType<ImportJob> = [
    { title: '上传时间', dataIndex: 'createdAt', render: formatDateTime },
    { title: '类型', dataIndex: 'kind', render: (k: ImportJob['kind']) => IMPORT_KIND_LABELS[k] },
    { title: '文件名', dataIndex: 'fileName' },
    { title: '状态', dataIndex: 'status', render: (s: ImportJob['status']) => <ImportStatusTag status={s} /> },
    { title: '行数', dataIndex: 'totalRows', align: 'right', render: formatCount },
    { title: '错误', dataIndex: 'errorCount', align: 'right', render: formatCount },
    {
      title: '结果',
      dataIndex: 'summary',
      render: (s: ImportJob['summary']) => (s ? `新增 ${s.inserted}，更新 ${s.updated}，未变化 ${s.unchanged}` : '—'),
    },
    {
      title: '操作',
      key: 'open',
      render: (_v, job) => (
        <Button type="link" size="small" onClick={() => onOpen(job)}>
          查看
        </Button>
      ),
    },
  ];
  return (
    <Card title="导入记录">
      <PagedTable
        rowKey="id"
        columns={columns}
        data={jobs.data}
        isLoading={jobs.isLoading}
        error={jobs.error}
        onRetry={jobs.reload}
        page={paging.page}
        pageSize={paging.pageSize}
        onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        empty="还没有导入记录。请在上方选择数据类型，下载模板填写后上传。"
      />
    </Card>
  );
}
