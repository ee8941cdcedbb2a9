/** 评估结果 of one school: total, band, area scores (chart), vetoes, strengths and problems (→ rectification), reports. */
import { Alert, Card, Col, Descriptions, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ChartCard } from '../../components/chart-card.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { CreateRectificationButton } from '../rectification/create-rectification.tsx';
import { evaluationsApi } from './evaluations-api.ts';
import { ReportDownloads } from './report-downloads.tsx';

export default function ResultPage() {
  const id = Number(useParams().id);
  const q = useQuery(`result:${id}`, (signal) => evaluationsApi.result(id, signal));
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const r = q.data;
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, name: '%' },
    yAxis: { type: 'category', inverse: true, data: r.areas.map((a) => a.title) },
    series: [
      {
        type: 'bar',
        name: '得分率',
        data: r.areas.map((a) => a.percent ?? 0),
        barMaxWidth: 28,
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
  return (
    <>
      <PageHeader
        title={`评估结果 · ${r.school.name}`}
        subTitle={
          <Link to={`/evaluations/${id}`}>
            {r.campaign.name} · {r.template.name} v{r.template.version}
          </Link>
        }
        extra={<ReportDownloads evaluationId={id} schoolName={r.school.name} />}
      />
      {!r.isPublished && <Alert type="info" showIcon title="结果尚未发布，仅评估组和区督导室可见" style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title="总评">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="总分">
                <Typography.Text strong style={{ fontSize: 24 }} data-testid="result-total">
                  {formatNumber(r.total)}
                </Typography.Text>{' '}
                / {r.scale}
              </Descriptions.Item>
              <Descriptions.Item label="等次">
                <Tag color={r.verdict === 'pass' ? 'green' : r.verdict === 'fail' ? 'red' : 'default'} style={{ fontSize: 16 }}>
                  {r.band ?? r.verdictLabel}
                </Tag>
                {r.bandByTotal && r.bandByTotal !== r.band && (
                  <Typography.Text type="secondary">（按总分为 {r.bandByTotal}）</Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="完成度">{formatNumber(r.completeness)}%</Descriptions.Item>
              <Descriptions.Item label="发布时间">{formatDateTime(r.publishedAt)}</Descriptions.Item>
            </Descriptions>
            {r.vetoesHit.length > 0 && (
              <Alert type="error" showIcon title={`一票否决：${r.vetoesHit.map((v) => `${v.code} ${v.title}`).join('；')}`} />
            )}
            {r.demotions.map((d) => (
              <Alert
                key={d.band + d.areaCode}
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title={`未达“${d.band}”：${d.areaTitle} ${d.actual} 分，低于该等次要求的 ${d.minimum} 分`}
              />
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <ChartCard
            title="各领域得分率"
            fileName={`${r.school.name}各领域得分率`}
            height={240}
            ariaLabel="各一级指标得分率"
            option={option}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="优势">
            <List
              size="small"
              dataSource={r.strengths}
              pagination={r.strengths.length > 8 ? { pageSize: 8, size: 'small' } : false}
              locale={{ emptyText: '无' }}
              renderItem={(f) => (
                <List.Item>
                  {f.areaTitle} · {f.code} {f.title}（{f.points}/{f.maxPoints}）
                  {f.note && <Typography.Text type="secondary">：{f.note}</Typography.Text>}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="问题与整改">
            <List
              size="small"
              dataSource={r.problems}
              locale={{ emptyText: '无' }}
              renderItem={(f) => (
                <List.Item>
                  <Flex vertical style={{ flex: 1 }}>
                    <span>
                      {f.areaTitle} · {f.code} {f.title}（{f.points}/{f.maxPoints}）
                    </span>
                    {f.note && <Typography.Text type="secondary">{f.note}</Typography.Text>}
                  </Flex>
                  {f.rectificationId ? (
                    <Link to={`/rectifications/${f.rectificationId}`}>整改事项</Link>
                  ) : (
                    <CreateRectificationButton
                      schoolId={r.school.id}
                      evaluationId={id}
                      code={f.code}
                      problem={`${f.title}${f.note ? `：${f.note}` : ''}`}
                      onCreated={q.reload}
                    />
                  )}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
