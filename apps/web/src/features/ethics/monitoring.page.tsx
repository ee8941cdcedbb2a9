/** 师德监测 (师德办): reports and cases by category, school and month; handling time against deadlines; overdue cases; schools with repeated cases. */
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ethicsApi } from './ethics-api.ts';

export default function MonitoringPage() {
  const lp = useListParams();
  const q = useQuery(`ethics-monitoring:${lp.key}`, (signal) =>
    ethicsApi.monitoring(
      { repeatCount: lp.filters.repeatCount, repeatYears: lp.filters.repeatYears, from: lp.filters.from, to: lp.filters.to },
      signal,
    ),
  );
  const m = q.data;
  return (
    <>
      <PageHeader title="师德监测" subTitle={m ? `${m.from} 至 ${m.to}；只统计数量，不对教师个人排名` : '师德师风大数据监测'} />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {m && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {[
              ['公众反映', m.totals.reports],
              ['受理案件', m.totals.cases],
              ['不予受理', m.totals.dismissed],
              ['在办', m.totals.open],
              ['逾期未办', m.totals.overdue],
              ['作出处分', m.totals.withPenalty],
              ['限制期内教师', m.totals.activeRestrictions],
            ].map(([label, value]) => (
              <Col key={label as string} xs={12} sm={8} md={6} lg={3}>
                <Card size="small">
                  <Statistic
                    title={label}
                    value={value as number}
                    valueStyle={label === '逾期未办' && (value as number) > 0 ? { color: '#cf1322' } : undefined}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="按月份" style={{ marginBottom: 16 }}>
                <BarChart
                  ariaLabel="按月份的反映和受理案件数"
                  categories={m.byMonth.map((x) => x.month)}
                  series={[
                    { name: '公众反映', values: m.byMonth.map((x) => x.reports) },
                    { name: '受理案件', values: m.byMonth.map((x) => x.cases) },
                  ]}
                  height={280}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="按违规类别（教师〔2018〕18号）" style={{ marginBottom: 16 }}>
                <BarChart
                  isHorizontal
                  ariaLabel="按违规类别的受理案件数"
                  categories={m.byCategory.map((c) => `${c.code.slice(1)}. ${c.label.slice(0, 12)}…`)}
                  series={[{ name: '受理案件', values: m.byCategory.map((c) => c.cases) }]}
                  height={280}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="办理时效（按处理决定日期）" style={{ marginBottom: 16 }}>
                <Space size="large" wrap>
                  <Statistic title="已作出决定" value={m.handling.decidedCount} />
                  <Statistic title="平均用时（天）" value={m.handling.averageDays ?? '—'} />
                  <Statistic title="各环节按期" value={m.handling.withinDeadline} />
                  <Statistic
                    title="有环节超期"
                    value={m.handling.pastDeadline}
                    valueStyle={m.handling.pastDeadline ? { color: '#d46b08' } : undefined}
                  />
                </Space>
              </Card>
              <Card size="small" title="逾期未办案件" style={{ marginBottom: 16 }}>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={{ pageSize: 5 }}
                  dataSource={m.overdueCases}
                  locale={{ emptyText: '没有逾期案件' }}
                  columns={[
                    { title: '编号', render: (_, r) => <Link to={`/ethics/cases/${r.id}`}>{r.caseNo}</Link> },
                    { title: '学校', render: (_, r) => r.schoolName ?? '待分类' },
                    { title: '环节', dataIndex: 'stateLabel' },
                    { title: '期限', render: (_, r) => <Tag color="red">{r.due}</Tag> },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                style={{ marginBottom: 16 }}
                title="重复发生案件的学校"
                extra={
                  <Space size={4}>
                    <InputNumber
                      size="small"
                      min={1}
                      max={10}
                      value={m.repeated.years}
                      onChange={(v) => lp.setFilters({ repeatYears: v ? String(v) : null })}
                      style={{ width: 56 }}
                    />
                    年内 ≥
                    <InputNumber
                      size="small"
                      min={2}
                      max={20}
                      value={m.repeated.count}
                      onChange={(v) => lp.setFilters({ repeatCount: v ? String(v) : null })}
                      style={{ width: 56 }}
                    />
                    件
                  </Space>
                }
              >
                <Typography.Paragraph type="secondary">{m.repeated.rule}</Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="schoolId"
                  pagination={false}
                  dataSource={m.repeated.schools}
                  locale={{ emptyText: '没有符合条件的学校' }}
                  columns={[
                    { title: '学校', dataIndex: 'schoolName' },
                    { title: '案件数', dataIndex: 'cases' },
                    { title: '案件', render: (_, r) => r.caseNos.join('、') },
                  ]}
                />
              </Card>
              <Card size="small" title="按学校" style={{ marginBottom: 16 }}>
                <Table
                  size="small"
                  rowKey="schoolId"
                  pagination={{ pageSize: 8 }}
                  dataSource={m.bySchool}
                  locale={{ emptyText: '该时段没有涉及学校的反映' }}
                  columns={[
                    { title: '学校', dataIndex: 'schoolName' },
                    { title: '公众反映', dataIndex: 'reports' },
                    { title: '受理案件', dataIndex: 'cases' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
