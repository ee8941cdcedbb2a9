/** 整改: the visible rectification items (a school its own, an inspector theirs) with overdue ones flagged, and the district dashboard. */
import { RECTIFICATION_STATUSES, type RectificationSummary } from '@zhiping/contracts';
import { Card, Col, Row, Select, Statistic, Switch, Tag } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ExportXlsxButton } from '../inspectors/export-xlsx-button.tsx';
import { rectificationApi } from './rectification-api.ts';

const STATUS_LABELS: Record<string, string> = { open: '待整改', submitted: '已提交待复核', verified: '已复核销号' };

/** Overdue / due-soon / on-time tag of an item. */
export function DueTag({ item }: { item: RectificationSummary }) {
  if (item.status === 'verified') return item.wasLate ? <Tag color="orange">逾期完成</Tag> : <Tag color="green">按期完成</Tag>;
  if (item.status === 'submitted') return item.wasLate ? <Tag color="orange">逾期提交</Tag> : <Tag color="blue">按期提交</Tag>;
  if (item.isOverdue) return <Tag color="red">逾期 {-item.daysRemaining} 天</Tag>;
  if (item.isDueSoon) return <Tag color="gold">剩 {item.daysRemaining} 天</Tag>;
  return <Tag>剩 {item.daysRemaining} 天</Tag>;
}

export default function RectificationListPage() {
  const lp = useListParams();
  const dash = useQuery('rect-dashboard', (signal) => rectificationApi.dashboard(signal));
  const filters = { status: lp.filters.status, overdue: lp.filters.overdue, schoolId: lp.filters.schoolId };
  const q = useQuery(`rects:${lp.key}`, (signal) => rectificationApi.list({ page: lp.page, pageSize: lp.pageSize, ...filters }, signal));
  const d = dash.data;
  return (
    <>
      <PageHeader
        title="整改事项"
        subTitle="评估和常规督导发现的问题：学校整改并报告进展，督学复核销号"
        extra={
          <>
            {lp.filters.schoolId && (
              <Tag closable onClose={() => lp.setFilters({ schoolId: null })} style={{ alignSelf: 'center' }}>
                学校：{q.data?.items[0]?.schoolName ?? `编号 ${lp.filters.schoolId}`}
              </Tag>
            )}
            <Select
              allowClear
              placeholder="全部状态"
              style={{ width: 150 }}
              value={lp.filters.status}
              onChange={(v) => lp.setFilters({ status: v })}
              options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            />
            <ExportXlsxButton<RectificationSummary>
              fileName="整改事项.xlsx"
              sheetName="整改事项"
              fetchPage={(page, pageSize) => rectificationApi.list({ page, pageSize, ...filters })}
              columns={[
                { title: '学校', value: (r) => r.schoolName },
                {
                  title: '来源',
                  value: (r) => (r.source === 'evaluation' ? (r.campaignName ?? '评估') : r.source === 'visit' ? '常规督导' : '督导室'),
                },
                { title: '问题', value: (r) => r.problem },
                { title: '整改要求', value: (r) => r.requirement },
                { title: '须提交的佐证', value: (r) => r.requiredEvidence },
                { title: '责任人', value: (r) => r.owner },
                { title: '期限', value: (r) => r.deadline },
                { title: '状态', value: (r) => r.statusLabel },
                { title: '逾期天数', value: (r) => (r.isOverdue ? -r.daysRemaining : null) },
                { title: '提交日期', value: (r) => r.submittedOn },
                { title: '销号日期', value: (r) => r.verifiedOn },
              ]}
            />
            <span>
              只看逾期 <Switch checked={lp.filters.overdue === 'true'} onChange={(v) => lp.setFilters({ overdue: v ? 'true' : null })} />
            </span>
          </>
        }
      />
      {d && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title="待整改" value={d.open} />
            </Card>
          </Col>
          <Col xs={12} md={5}>
            <Card size="small">
              <Statistic title="待复核" value={d.submitted} />
            </Card>
          </Col>
          <Col xs={12} md={5}>
            <Card size="small">
              <Statistic title="已销号" value={d.verified} />
            </Card>
          </Col>
          <Col xs={12} md={5}>
            <Card size="small">
              <Statistic title="逾期" value={d.overdue} valueStyle={{ color: d.overdue ? '#cf1322' : undefined }} />
            </Card>
          </Col>
          <Col xs={12} md={5}>
            <Card size="small">
              <Statistic title="7日内到期" value={d.dueSoon} />
            </Card>
          </Col>
        </Row>
      )}
      <PagedTable<RectificationSummary>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty="没有符合条件的整改事项。评估结果中的问题和常规督导发现的问题可立为整改事项。"
        columns={[
          {
            title: '问题',
            render: (_, r) => (
              <Link to={`/rectifications/${r.id}`}>{r.problem.length > 40 ? `${r.problem.slice(0, 40)}…` : r.problem}</Link>
            ),
          },
          { title: '学校', dataIndex: 'schoolName' },
          {
            title: '来源',
            render: (_, r) => (r.source === 'evaluation' ? (r.campaignName ?? '评估') : r.source === 'visit' ? '常规督导' : '督导室'),
          },
          { title: '责任人', dataIndex: 'owner' },
          { title: '期限', render: (_, r) => formatDate(r.deadline) },
          {
            title: '状态',
            render: (_, r) => (
              <Tag color={r.status === 'verified' ? 'green' : r.status === 'submitted' ? 'blue' : 'default'}>{r.statusLabel}</Tag>
            ),
          },
          { title: '时限', render: (_, r) => <DueTag item={r} /> },
        ]}
      />
    </>
  );
}
