/** Campaign statistics (published results): band distribution, score histogram, area means, ranking, weakest points, previous-campaign comparison. */
import { Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { ChartCard } from '../../components/chart-card.tsx';
import { DownloadButton } from '../../components/export-button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { campaignsApi } from './evaluations-api.ts';

const bar = (categories: string[], values: number[], name: string, isHorizontal = false) => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
  xAxis: isHorizontal ? { type: 'value' } : { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
  yAxis: isHorizontal ? { type: 'category', data: categories, inverse: true } : { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', name, data: values, barMaxWidth: 36, label: { show: true, position: isHorizontal ? 'right' : 'top' } }],
});

export function CampaignStatisticsPanel({ campaignId }: { campaignId: number }) {
  const q = useQuery(`stats:${campaignId}`, (signal) => campaignsApi.statistics(campaignId, signal));
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  const s = q.data;
  if (!s) return null;
  const exportBtn = <DownloadButton path={`/campaigns/${campaignId}/results.xlsx`} fileName="评估结果.xlsx" label="导出结果（Excel）" />;
  if (s.published === 0)
    return <EmptyState description="尚无已发布的结果。结果发布后在这里查看等次分布、排名和薄弱要点。" action={exportBtn} />;
  const c = s.comparison;
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} justify="flex-end">
        {exportBtn}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="已发布 / 学校" value={`${s.published} / ${s.schools}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="平均分" value={formatNumber(s.totals.mean)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="最高 / 最低" value={`${formatNumber(s.totals.max)} / ${formatNumber(s.totals.min)}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="一票否决" value={s.distribution.vetoed} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ChartCard
            title="等次分布"
            fileName="等次分布"
            height={260}
            ariaLabel="各等次学校数"
            option={bar(
              s.distribution.bands.map((b) => b.label),
              s.distribution.bands.map((b) => b.count),
              '学校数',
            )}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title="总分分布"
            fileName="总分分布"
            height={260}
            ariaLabel="总分分段学校数"
            option={bar(
              s.histogram.map((h) => `${h.from}–${h.to}`),
              s.histogram.map((h) => h.count),
              '学校数',
            )}
          />
        </Col>
        <Col xs={24}>
          <ChartCard
            title="各领域平均得分率（%）"
            fileName="领域得分率"
            height={240}
            ariaLabel="各一级指标平均得分率"
            option={bar(
              s.areaAverages.map((a) => a.title),
              s.areaAverages.map((a) => a.meanPercent ?? 0),
              '得分率',
              true,
            )}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="排名">
            <Table
              size="small"
              rowKey="schoolId"
              dataSource={s.ranking}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: '名次', dataIndex: 'rank', width: 60 },
                { title: '学校', dataIndex: 'schoolName' },
                { title: '总分', dataIndex: 'total' },
                { title: '等次', render: (_, r) => (r.isVetoed ? <Tag color="red">一票否决</Tag> : (r.band ?? '—')) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="最薄弱的评估要点">
            <Table
              size="small"
              rowKey="code"
              dataSource={s.weakest}
              pagination={false}
              columns={[
                { title: '要点', render: (_, w) => `${w.code} ${w.title}` },
                { title: '平均得分率', render: (_, w) => `${formatNumber(w.meanPercent)}%` },
                { title: '学校数', dataIndex: 'schoolsScored' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="与上一轮对比">
        {!c ? (
          <Typography.Text type="secondary">同一模板族没有更早的评估项目，无法对比。</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph>
              上一轮：{c.previousCampaign.name}（v{c.previousCampaign.version}
              {c.isMapped ? '，已按版本映射折算' : ''}）；可比学校 {c.compared} 所；平均分 {formatNumber(c.meanPrevious)} →{' '}
              {formatNumber(c.meanCurrent)}（{c.meanChange !== null && c.meanChange >= 0 ? '+' : ''}
              {formatNumber(c.meanChange)}）
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="schoolId"
              dataSource={c.schools}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: '学校', dataIndex: 'schoolName' },
                { title: '本轮', dataIndex: 'current' },
                { title: '上一轮', render: (_, r) => formatNumber(r.previous) },
                {
                  title: '变化',
                  render: (_, r) =>
                    r.change === null ? (
                      '—'
                    ) : (
                      <Tag color={r.change >= 0 ? 'green' : 'red'}>
                        {r.change >= 0 ? '+' : ''}
                        {formatNumber(r.change)}
                      </Tag>
                    ),
                },
              ]}
            />
          </>
        )}
      </Card>
    </Flex>
  );
}
