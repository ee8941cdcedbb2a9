/** 审计日志 (audit:read): filters, paged entries with before/after JSON, export. */
import type { AuditEntry } from '@zhiping/contracts';
import { Card, Col, Row, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { auditActionLabel } from './audit-actions.ts';
import { AuditFilters } from './audit-filters.tsx';
import { fetchAudit } from './audit-api.ts';

const COLUMNS: ColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', render: formatDateTime, width: 170 },
  { title: '操作人', dataIndex: 'actorName' },
  {
    title: '操作',
    dataIndex: 'action',
    render: (v: string) => (
      <Tooltip title={v}>
        <Tag>{auditActionLabel(v)}</Tag>
      </Tooltip>
    ),
  },
  { title: '对象', key: 'entity', render: (_v, e) => `${e.entityType}${e.entityId ? ` #${e.entityId}` : ''}` },
  { title: '摘要', dataIndex: 'summary' },
  { title: 'IP', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
];

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ background: '#fafafa', padding: 8, maxHeight: 320, overflow: 'auto', fontSize: 12, margin: '4px 0 0' }}>
        {value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

export default function AuditPage() {
  const params = useListParams();
  const query = { ...params.filters, page: params.page, pageSize: params.pageSize };
  const entries = useQuery(`audit?${params.key}`, (signal) => fetchAudit(query, signal));
  const hasFilters = Object.keys(params.filters).length > 0;

  return (
    <>
      <PageHeader
        title="审计日志"
        subTitle="所有写操作、敏感信息查看和导出都会记录在此，记录不可修改"
        extra={<DownloadButton path="/audit/export" fileName="审计日志.xlsx" query={params.filters} />}
      />
      <Card>
        <AuditFilters params={params} />
        <PagedTable
          rowKey="id"
          columns={COLUMNS}
          data={entries.data}
          isLoading={entries.isLoading}
          error={entries.error}
          onRetry={entries.reload}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          empty={hasFilters ? '没有符合条件的记录，请调整筛选条件' : '还没有审计记录'}
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <JsonBlock title="修改前" value={e.before} />
                </Col>
                <Col xs={24} md={12}>
                  <JsonBlock title="修改后" value={e.after} />
                </Col>
              </Row>
            ),
          }}
        />
      </Card>
    </>
  );
}
