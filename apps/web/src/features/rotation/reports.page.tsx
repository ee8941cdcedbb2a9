/** 交流轮岗统计: rotated teachers by school year and by school, shares of eligible, 骨干 and high-quality teachers, window totals, xlsx. */
import type { RotationReportRow } from '@zhiping/contracts';
import { Card, Col, InputNumber, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { BarChart } from '../../components/bar-chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { pct } from './rotation-access.ts';
import { rotationApi } from './rotation-api.ts';

const columns = (first: { title: string; render: (r: RotationReportRow) => string }) => [
  { title: first.title, render: (_: unknown, r: RotationReportRow) => first.render(r) },
  { title: '应交流（人次）', dataIndex: 'eligible' },
  { title: '交流人数', dataIndex: 'rotated' },
  { title: '占应交流', render: (_: unknown, r: RotationReportRow) => pct(r.share) },
  { title: '骨干教师', dataIndex: 'backbone' },
  { title: '骨干占比', render: (_: unknown, r: RotationReportRow) => pct(r.backboneShare) },
  { title: '优质教师', dataIndex: 'highQuality' },
  { title: '优质占比', render: (_: unknown, r: RotationReportRow) => pct(r.highQualityShare) },
];

export default function ReportsPage() {
  const lp = useListParams(20);
  const query = { fromYear: lp.filters.fromYear, toYear: lp.filters.toYear };
  const q = useQuery(`rotation-report:${lp.key}`, (signal) => rotationApi.report(query, signal));
  const r = q.data;
  const bySchool = r?.bySchool ?? [];
  const schoolPage = bySchool.slice((lp.page - 1) * lp.pageSize, lp.page * lp.pageSize);
  return (
    <>
      <PageHeader
        title="交流轮岗统计"
        subTitle={
          r
            ? `依据 ${r.ruleSet.title}（${r.ruleSet.documentNumber}）：交流不低于应交流的 ${pct(r.ruleSet.minShare)}，骨干不低于交流人数的 ${pct(r.ruleSet.backboneShare)}`
            : '按学年、按学校统计，数据来自调动记录'
        }
        extra={
          <Space wrap>
            <InputNumber
              aria-label="起始学年"
              placeholder="起始学年"
              min={2000}
              max={2100}
              value={lp.filters.fromYear ? Number(lp.filters.fromYear) : null}
              onChange={(v) => lp.setFilters({ fromYear: v })}
            />
            <InputNumber
              aria-label="截止学年"
              placeholder="截止学年"
              min={2000}
              max={2100}
              value={lp.filters.toYear ? Number(lp.filters.toYear) : null}
              onChange={(v) => lp.setFilters({ toYear: v })}
            />
            <DownloadButton path="/rotation/reports.xlsx" fileName="教师交流轮岗统计.xlsx" query={query} />
          </Space>
        }
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {q.isLoading && !r && (
        <Spin tip="正在按各学年基础数据计算应交流人数与交流记录…">
          <div style={{ height: 160 }} />
        </Spin>
      )}
      {r && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={`${r.total.schoolName} 交流教师`} value={r.total.rotated} suffix="人次" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={`${r.years.at(-1)}学年交流`} value={r.byYear.at(-1)?.rotated ?? 0} suffix="人" />
                <Typography.Text type="secondary">占应交流教师 {pct(r.byYear.at(-1)?.share)}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="其中优质教师（当年）" value={pct(r.byYear.at(-1)?.highQualityShare)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="骨干教师占比（合计）" value={pct(r.total.backboneShare)} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="按学年" style={{ marginBottom: 12 }}>
            <BarChart
              ariaLabel="各学年交流人数"
              categories={r.byYear.map((x) => `${x.year}学年`)}
              series={[
                { name: '交流人数', values: r.byYear.map((x) => x.rotated) },
                { name: '其中骨干', values: r.byYear.map((x) => x.backbone) },
                { name: '其中优质教师', values: r.byYear.map((x) => x.highQuality) },
              ]}
              height={240}
            />
            <Table<RotationReportRow>
              size="small"
              rowKey="year"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={[...r.byYear, r.total]}
              columns={columns({ title: '学年', render: (x) => (x === r.total ? x.schoolName : `${x.year}学年`) })}
            />
          </Card>
          <Card size="small" title={`按学校（${r.years[0]}–${r.years.at(-1)}学年合计）`}>
            <Typography.Paragraph type="secondary">交流人数按原学校（编制所在学校）统计；应交流为各学年人次之和。</Typography.Paragraph>
            <Table<RotationReportRow>
              size="small"
              rowKey="schoolId"
              scroll={{ x: 'max-content' }}
              dataSource={schoolPage}
              pagination={{
                current: lp.page,
                pageSize: lp.pageSize,
                total: bySchool.length,
                onChange: lp.setPage,
                showTotal: (n) => `共 ${n} 所学校`,
              }}
              columns={columns({ title: '学校', render: (x) => x.schoolName })}
            />
          </Card>
        </>
      )}
    </>
  );
}
