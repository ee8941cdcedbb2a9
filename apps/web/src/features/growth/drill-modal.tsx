/** The teachers, schools or studios behind a dashboard number, paged on the server, with links to their pages. */
import type { DashboardMetric, DrillRow } from '@zhiping/contracts';
import { Modal } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PagedTable } from '../../components/paged-table.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { growthApi } from './growth-api.ts';

export function DrillModal(props: { metric: DashboardMetric | null; year: number; onClose: () => void }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery(props.metric ? `drill:${props.metric}:${props.year}:${page.page}:${page.pageSize}` : null, (signal) =>
    growthApi.drill({ metric: props.metric!, year: props.year, page: page.page, pageSize: page.pageSize }, signal),
  );
  const link = (r: DrillRow) =>
    r.kind === 'teacher'
      ? `/teachers/${r.id}/growth`
      : r.kind === 'studio'
        ? `/growth/studios/${r.id}`
        : `/teacher-development/schools/${r.id}`;
  return (
    <Modal open={props.metric !== null} title={q.data?.title ?? '明细'} footer={null} width={860} onCancel={props.onClose} destroyOnHidden>
      <PagedTable<DrillRow>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={page.page}
        pageSize={page.pageSize}
        onPageChange={(p, s) => setPage({ page: p, pageSize: s })}
        rowKey={(r) => `${r.kind}:${r.id}`}
        empty="没有记录"
        columns={[
          { title: '名称', render: (_, r) => <Link to={link(r)}>{r.name}</Link> },
          { title: '学校', render: (_, r) => (r.kind === 'school' ? '—' : (r.schoolName ?? '—')) },
          { title: '说明', dataIndex: 'detail' },
        ]}
      />
    </Modal>
  );
}
